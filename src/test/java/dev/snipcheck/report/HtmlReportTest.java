package dev.snipcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void eachBlockHasItsVerdictBesideItAndThePageIsEscaped() throws Exception {
        Path site = dir.resolve("site");
        new HtmlReport().write(HtmlFixture.run(dir), site);
        String html = Files.readString(site.resolve("docs/pool.md.html"));

        // markup of the page and of the run shows as text: no element of theirs reaches the browser
        assertTrue(html.contains("<h1>Pools &lt;script&gt;alert(1)&lt;/script&gt;</h1>"), html);
        assertTrue(html.contains("A <em>pool</em> &amp; &lt;b&gt;its&lt;/b&gt; connections."), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<i>printed"), html);
        assertTrue(html.contains("&lt;i&gt;printed&lt;/i&gt;"), html);
        assertTrue(html.contains("cannot be converted to &lt;int&gt;"), html);

        assertEquals(List.of(
                "block failed line-5: failed: compile | docs/pool.md:6:9",
                "block failed line-9: failed: output | docs/pool.md:14:1",
                "block not-checked line-17: not checked | bash",
                "block passed line-22: passed | docs/pool.md:22:1"), blocks(html));
        assertTrue(html.contains("<p class=\"message\">does not compile</p>"), html);
        assertTrue(html.contains("<p class=\"message\">printed something else than its output block (line 13)</p>"),
                html);
        assertTrue(html.contains("<span class=\"del\">-goodbye</span>\n<span class=\"add\">+hello</span>"), html);
        assertTrue(html.contains("<summary>output</summary><pre>hello\n"), html);
        assertTrue(html.contains("output block of the block at line 9"), html);
        // the hidden block is folded, its verdict on the fold
        Matcher fold = Pattern.compile("<details class=\"hidden\"><summary>(.*?)</summary>(.*?)</details>",
                Pattern.DOTALL).matcher(html);
        assertTrue(fold.find(), html);
        assertEquals("hidden from readers, lines 21–25 <span class=\"badge passed\">passed</span>", fold.group(1));
        assertTrue(fold.group(2).contains("CREATE TABLE t (id int);"), fold.group(2));
        assertTrue(fold.group(2).contains("id=\"line-22\""), fold.group(2));
        assertTrue(html.contains("1 of 4 blocks verified, 2 failed, 0 skipped, 0 not run, 1 not checked"), html);
    }

    @Test
    void theIndexListsEachPagesCoverageWorstFirst() throws Exception {
        Path site = dir.resolve("site");
        new HtmlReport().write(HtmlFixture.run(dir), site);
        String index = Files.readString(site.resolve("index.html"));

        assertTrue(index.contains("<p class=\"summary\">2 passed, 2 failed, 0 skipped, 0 not run, 1 not checked</p>"),
                index);
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr class=\"page\"><td><a href=\"([^\"]+)\">([^<]+)</a></td><td>.*?</td>(.*?)</tr>")
                .matcher(index);
        while (row.find()) {
            rows.add(row.group(1) + " " + row.group(2) + " " + row.group(3).replaceAll("<[^>]+>", " ").trim()
                    .replaceAll("\\s+", " "));
        }
        // verified, failed, skipped, not run, not checked
        assertEquals(List.of("docs/pool.md.html docs/pool.md 1 2 0 0 1", "docs/ok.md.html docs/ok.md 1 0 0 0 0"), rows);
        assertTrue(Files.readString(site.resolve("docs/ok.md.html")).contains("<a href=\"../index.html\">all pages</a>"));
    }

    @Test
    void aPageOutsideTheWorkingDirectoryStaysInsideTheReport() {
        assertEquals("up/shared/a.md.html", HtmlReport.fileOf("../shared/a.md"));
        assertEquals("tmp/x/README.md.html", HtmlReport.fileOf("/tmp/x/README.md"));
        assertEquals("C_/docs/a.md.html", HtmlReport.fileOf("C:\\docs\\a.md"));
    }

    /** "classes id: badge | where" of each block panel, in page order. */
    private static List<String> blocks(String html) {
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("<div class=\"(block [a-z-]+)\" id=\"(line-\\d+)\">.*?<span class=\"badge [a-z-]+\">"
                + "([^<]+)</span><span class=\"where\">([^<]+)</span>", Pattern.DOTALL).matcher(html);
        while (block.find()) {
            blocks.add(block.group(1) + " " + block.group(2) + ": " + block.group(3) + " | " + block.group(4));
        }
        return blocks;
    }
}
