package dev.snipcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snipcheck.TestChromium;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report as a person sees it: opened from file:// in a real headless Chromium, no server, no script. */
class HtmlInChromiumTest {

    @TempDir
    Path dir;

    @Test
    void theIndexAndAFailedPageShowTheBadgeTheMessageAndTheLine() throws Exception {
        TestChromium chromium = TestChromium.get();
        Path site = dir.resolve("site");
        new HtmlReport().write(HtmlFixture.run(dir), site);

        String index = chromium.dumpDom(site.resolve("index.html"));
        List<String> pages = new ArrayList<>();
        Matcher link = Pattern.compile("<a href=\"([^\"]+)\">([^<]+)</a>").matcher(index);
        while (link.find()) {
            pages.add(link.group(2));
        }
        assertEquals(List.of("docs/pool.md", "docs/ok.md"), pages, index);

        Path failed = site.resolve("docs/pool.md.html");
        String page = chromium.dumpDom(failed);
        Matcher block = Pattern.compile("<div class=\"block failed\" id=\"line-5\">.*?<aside class=\"verdict\">(.*?)</aside>",
                Pattern.DOTALL).matcher(page);
        assertTrue(block.find(), page);
        String verdict = block.group(1);
        assertTrue(verdict.contains("<span class=\"badge failed\">failed: compile</span>"), verdict);
        assertTrue(verdict.contains("<span class=\"where\">docs/pool.md:6:9</span>"), verdict);
        assertTrue(verdict.contains("<p class=\"message\">does not compile</p>"), verdict);
        assertTrue(verdict.contains("incompatible types: java.lang.String cannot be converted to &lt;int&gt;"), verdict);
        // the page's markup is text in the browser too; the hidden block is folded
        assertFalse(page.contains("<script"), page);
        assertTrue(page.contains("Pools &lt;script&gt;alert(1)&lt;/script&gt;"), page);
        assertTrue(page.contains("<details class=\"hidden\"><summary>"), page);

        chromium.screenshot(failed, Path.of("target/html-report/pool.png"));
    }
}
