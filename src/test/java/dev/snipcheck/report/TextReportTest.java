package dev.snipcheck.report;

import static dev.snipcheck.report.Fixtures.block;
import static dev.snipcheck.report.Fixtures.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReportTest {

    /** Line 44 holds the offending call, inside a list item: the code starts at column 4. */
    private static final String POOL_MD = IntStream.rangeClosed(1, 40).mapToObj(i -> "filler " + i + "\n")
            .collect(Collectors.joining())
            + "1. Run the statement:\n"     // 41
            + "\n"                          // 42
            + "   ```java\n"                // 43
            + "   statement.execute();\n"   // 44
            + "   ```\n"                    // 45
            + "\n"                          // 46
            + "```java\n"                   // 47
            + "System.out.println(pool);\n" // 48
            + "```\n"                       // 49
            + "\n"                          // 50
            + "```sql\n"                    // 51
            + "select 1;\n"                 // 52
            + "```\n";                      // 53

    @TempDir
    Path dir;
    private Page pool;
    private Block misuse;
    private Block notRun;
    private Block sql;

    @BeforeEach
    void writePage() throws IOException {
        Path file = dir.resolve("pool.md");
        Files.writeString(file, POOL_MD);
        misuse = block(0, "java", 43, 1, 4, false);
        notRun = block(1, "java", 47);
        sql = block(2, "sql", 51);
        pool = page(file, "docs/pool.md", List.of(misuse, notRun, sql));
    }

    @Test
    void failedBlockShowsFindingWithSourceLineCaretHintAndOutput() {
        BlockResult failed = BlockResult.failed(misuse, Reason.MISUSE,
                "the Publisher returned by execute() is never subscribed",
                List.of(Finding.misuse(Rule.UNSUBSCRIBED_PUBLISHER, new Position(44, 14),
                        "the Publisher returned by execute() is never subscribed",
                        "subscribe to it: Mono.from(statement.execute()).block()")),
                "acquired: 0\n", 7).withRules(List.of(Rule.UNSUBSCRIBED_PUBLISHER));
        RunResult run = run(new PageResult(pool, Mode.ASYNC, false, List.of(
                failed,
                BlockResult.notRun(notRun, "an earlier block of its session failed (line 43)"),
                BlockResult.passed(sql, List.of(), "", 3))));

        assertEquals("""
                docs/pool.md:44:14: error[unsubscribed-publisher]: the Publisher returned by execute() is never subscribed
                 44 |    statement.execute();
                    |              ^
                    = hint: subscribe to it: Mono.from(statement.execute()).block()
                    = output:
                      acquired: 0

                docs/pool.md:47: not run: an earlier block of its session failed (line 43)
                1 passed, 1 failed, 0 skipped, 1 not run, 0 not checked
                """, text(run, false));
    }

    @Test
    void caretSitsUnderTheColumnOfTheMarkdownLine() {
        BlockResult failed = BlockResult.failed(misuse, Reason.EXCEPTION, "boom",
                List.of(Finding.at(new Position(44, 4), "boom", "")), "", 1);
        String[] lines = text(run(new PageResult(pool, Mode.SYNC, false, List.of(failed))), false).split("\n");
        int offsetOfStatement = lines[1].indexOf("statement");
        assertEquals(offsetOfStatement, lines[2].indexOf('^'));
        assertEquals("docs/pool.md:44:4: error[exception]: boom", lines[0]);
    }

    @Test
    void findingWithoutPositionIsReportedAtTheFence() {
        BlockResult failed = BlockResult.failed(notRun, Reason.TIMEOUT, "ran longer than 30s",
                List.of(new Finding(Optional.empty(), "ran longer than 30s", "raise it with timeout=60s")), "", 30000);
        assertEquals("""
                docs/pool.md:47: error[timeout]: ran longer than 30s
                    = hint: raise it with timeout=60s

                0 passed, 1 failed, 0 skipped, 0 not run, 0 not checked
                """, text(run(new PageResult(pool, Mode.SYNC, false, List.of(failed))), false));
    }

    @Test
    void blockMessageLeadsWhenNoFindingRepeatsItAndStandsAloneWithoutFindings() {
        BlockResult withFinding = BlockResult.failed(misuse, Reason.COMPILE, "does not compile",
                List.of(Finding.at(new Position(44, 13), "cannot find symbol: method execute()", "")), "", 2);
        BlockResult withoutFinding = BlockResult.failed(notRun, Reason.DATABASE, "PostgreSQL went away", List.of(),
                "", 0);
        assertEquals("""
                docs/pool.md:43: error[compile]: does not compile
                docs/pool.md:44:13: error[compile]: cannot find symbol: method execute()
                 44 |    statement.execute();
                    |             ^

                docs/pool.md:47: error[database]: PostgreSQL went away

                0 passed, 2 failed, 0 skipped, 0 not run, 0 not checked
                """, text(run(new PageResult(pool, Mode.SYNC, false, List.of(withFinding, withoutFinding))), false));
    }

    @Test
    void misuseWithoutRuleIdFallsBackToTheReason() {
        BlockResult failed = BlockResult.failed(misuse, Reason.MISUSE, "x", List.of(), "", 0);
        assertEquals("misuse", TextReport.errorId(failed));
    }

    @Test
    void longOutputIsTruncated() {
        String output = IntStream.rangeClosed(1, 50).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        BlockResult failed = BlockResult.failed(notRun, Reason.OUTPUT, "printed something else", List.of(), output, 1);
        String text = text(run(new PageResult(pool, Mode.SYNC, false, List.of(failed))), false);
        assertTrue(text.contains("      line 40\n      ... 10 more lines\n"), text);
        assertFalse(text.contains("line 41"), text);
    }

    @Test
    void skippedAndVerboseLines() {
        Page other = page(dir.resolve("missing.md"), "docs/kafka.md",
                List.of(block(0, "java", 12), block(1, "text", 20)));
        RunResult run = new RunResult(List.of(
                new PageResult(pool, Mode.ASYNC, true, List.of(
                        BlockResult.passed(misuse, List.of(), "", 12),
                        BlockResult.passed(notRun, List.of(), "", 0),
                        BlockResult.passed(sql, List.of(), "", 5))),
                new PageResult(other, Mode.SYNC, false, List.of(
                        BlockResult.skipped(other.blocks().get(0), "needs a Kafka broker")))),
                "embedded PostgreSQL 18.1 on port 54321");

        assertEquals("""
                docs/kafka.md:12: skipped: needs a Kafka broker
                3 passed, 0 failed, 1 skipped, 0 not run, 1 not checked
                """, text(run, false));
        assertEquals("""
                docs/pool.md: mode async (inferred)
                docs/pool.md:43: passed (12 ms)
                docs/pool.md:47: passed (0 ms)
                docs/pool.md:51: passed (5 ms)
                docs/kafka.md:12: skipped: needs a Kafka broker
                PostgreSQL: embedded PostgreSQL 18.1 on port 54321
                3 passed, 0 failed, 1 skipped, 0 not run, 1 not checked
                """, text(run, true));
    }

    @Test
    void missingSourceFileStillReportsTheFinding() {
        Page gone = page(dir.resolve("gone.md"), "docs/gone.md", List.of(misuse));
        BlockResult failed = BlockResult.failed(misuse, Reason.EXCEPTION, "boom",
                List.of(Finding.at(new Position(44, 4), "boom", "")), "", 1);
        assertEquals("""
                docs/gone.md:44:4: error[exception]: boom

                0 passed, 1 failed, 0 skipped, 0 not run, 0 not checked
                """, text(run(new PageResult(gone, Mode.SYNC, false, List.of(failed))), false));
    }

    @Test
    void colorsOnlyWhenAsked() {
        BlockResult failed = BlockResult.failed(misuse, Reason.EXCEPTION, "boom",
                List.of(Finding.at(new Position(44, 4), "boom", "")), "", 1);
        RunResult run = run(new PageResult(pool, Mode.SYNC, false, List.of(failed)));
        assertFalse(text(run, false).contains("\u001b["));
        String colored = text(run, true, false);
        assertTrue(colored.contains("\u001b[1;31merror[exception]\u001b[0m"), colored);
        assertEquals(text(run, false), colored.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    private static RunResult run(PageResult... pages) {
        return new RunResult(List.of(pages), "test server");
    }

    private static String text(RunResult run, boolean verbose) {
        return text(run, false, verbose);
    }

    private static String text(RunResult run, boolean color, boolean verbose) {
        StringWriter buffer = new StringWriter();
        new TextReport(color, verbose).write(run, new PrintWriter(buffer));
        return buffer.toString();
    }
}
