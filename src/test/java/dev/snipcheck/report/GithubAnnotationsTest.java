package dev.snipcheck.report;

import static dev.snipcheck.report.Fixtures.block;
import static dev.snipcheck.report.Fixtures.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Mode;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.Reason;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.rules.Rule;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

public class GithubAnnotationsTest {

    /**
     * A workflow command as the runner parses it: {@code ::error} with comma-separated {@code key=value} properties,
     * then {@code ::} and the message, all on one line; in values no raw ',' or ':' (nor, anywhere, a raw '%' that
     * does not start an escape).
     */
    public static final Pattern COMMAND = Pattern.compile(
            "::error file=((?:[^,:%\\r\\n]|%25|%0D|%0A|%3A|%2C)+),line=(\\d+),col=(\\d+),"
                    + "title=((?:[^,:%\\r\\n]|%25|%0D|%0A|%3A|%2C)+)::((?:[^%\\r\\n]|%25|%0D|%0A)*)");

    @Test
    void oneErrorCommandPerFailedBlockThenTheSummary() {
        List<String> lines = write(run()).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("::error file=docs/pool.md,line=44,col=9,title=unsubscribed-publisher::"
                + "the Publisher is never subscribed%0Ahint: subscribe to it, or return it", lines.get(0));
        assertEquals("::error file=docs/pool.md,line=50,col=1,title=exception::"
                + "java.lang.IllegalStateException: 100%25 broken%0D%0Ain two lines%0Aoutput:%0Ahello%0Aworld",
                lines.get(1));
        assertEquals("1 passed, 2 failed, 0 skipped, 0 not run, 1 not checked", lines.get(2));
        for (String command : lines.subList(0, 2)) {
            assertTrue(COMMAND.matcher(command).matches(), command);
        }
    }

    @Test
    void propertiesEscapeCommasAndColonsTheMessageDoesNot() {
        Block failing = block(0, "java", 3);
        Page page = page(Path.of("a, b: c%.md"), "docs/a, b: c%.md", List.of(failing));
        String command = GithubAnnotations.command(page.displayPath(),
                BlockResult.failed(failing, Reason.COMPILE, "expected: ',' or ')'", List.of(), "", 0));
        assertEquals("::error file=docs/a%2C b%3A c%25.md,line=3,col=1,title=compile::expected: ',' or ')'", command);
        Matcher matcher = COMMAND.matcher(command);
        assertTrue(matcher.matches(), command);
        assertEquals("docs/a%2C b%3A c%25.md", matcher.group(1));
        assertEquals("expected: ',' or ')'", matcher.group(5));
    }

    @Test
    void annotationsAloneHaveNoSummary() {
        StringWriter buffer = new StringWriter();
        new GithubAnnotations().writeAnnotations(run(), new PrintWriter(buffer));
        List<String> lines = buffer.toString().lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.stream().allMatch(l -> COMMAND.matcher(l).matches()), lines.toString());
    }

    private static RunResult run() {
        Block misuse = block(0, "java", 42, 3, 1, false);
        Block thrown = block(1, "java", 50);
        Block passed = block(2, "sql", 60);
        Block prose = block(3, "text", 70);
        Page page = page(Path.of("pool.md"), "docs/pool.md", List.of(misuse, thrown, passed, prose));
        return new RunResult(List.of(new PageResult(page, Mode.ASYNC, false, List.of(
                BlockResult.failed(misuse, Reason.MISUSE, "the Publisher is never subscribed",
                        List.of(Finding.misuse(Rule.UNSUBSCRIBED_PUBLISHER, new Position(44, 9),
                                "the Publisher is never subscribed", "subscribe to it, or return it")), "", 1)
                        .withRules(List.of(Rule.UNSUBSCRIBED_PUBLISHER)),
                BlockResult.failed(thrown, Reason.EXCEPTION,
                        "java.lang.IllegalStateException: 100% broken\r\nin two lines",
                        List.of(), "hello\nworld\n", 2),
                BlockResult.passed(passed, List.of(), "", 1)))), "db");
    }

    private static String write(RunResult run) {
        StringWriter buffer = new StringWriter();
        new GithubAnnotations().write(run, new PrintWriter(buffer));
        return buffer.toString();
    }
}
