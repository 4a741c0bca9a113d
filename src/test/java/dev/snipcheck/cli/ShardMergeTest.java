package dev.snipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snipcheck.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run split with {@code --shard K/N} on N runners, and {@code snipcheck merge} of their JSON reports. */
class ShardMergeTest {

    @TempDir
    Path dir;

    @BeforeEach
    void pages() throws Exception {
        Files.createDirectories(dir.resolve("docs/guide"));
        Files.writeString(dir.resolve("README.md"), """
                # Readme

                ```sh
                mvn verify
                ```
                """);
        Files.writeString(dir.resolve("docs/a.md"), """
                ```java
                System.out.println("a");
                ```

                ```output
                a
                ```

                ```sql
                SELECT 1 AS one;
                ```
                """);
        Files.writeString(dir.resolve("docs/b.md"), """
                ```java
                int x = "no";
                ```

                ```java ignore
                old();
                ```
                """);
        Files.writeString(dir.resolve("docs/guide/c.md"), """
                ```java
                System.out.println("café\\tü");
                throw new IllegalStateException("boom");
                ```
                """);
        Files.writeString(dir.resolve("docs/d.md"), """
                ```java
                Mono.just(1).map(x -> x + 1);
                ```

                ```java
                int y = 2;
                ```

                ```sql
                SELEC 1;
                ```
                """);
    }

    private SnipcheckRun snipcheck(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!args[0].equals("merge")) {
            all.addAll(0, List.of("--postgres-url", TestPostgres.url()));
        }
        return SnipcheckRun.of(dir, all.toArray(String[]::new));
    }

    /** A report without its timings, which differ from run to run. */
    private static String untimed(String report) {
        return report.replaceAll("\"millis\": \\d+", "\"millis\": _");
    }

    @Test
    void theMergedReportsOfThePartsAreTheReportOfTheWholeRun() throws Exception {
        SnipcheckRun whole = snipcheck("--format", "json", "--report", "text=whole.txt",
                "--report", "junit=whole.xml", "--report", "sarif=whole.sarif", "README.md", "docs");
        assertEquals(1, whole.exit(), whole.toString());
        assertEquals("{README.md:3=not checked, docs/a.md:1=passed, docs/a.md:9=passed,"
                + " docs/b.md:1=failed compile, docs/b.md:5=skipped, docs/d.md:1=failed misuse, docs/d.md:5=passed,"
                + " docs/d.md:9=failed exception, docs/guide/c.md:1=failed exception}", whole.verdicts().toString());

        // three runners for five pages: one runner gets a single page, and every part some verdicts
        List<String> parts = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            SnipcheckRun part = snipcheck("--shard", k + "/3", "--format", "json",
                    "--output", "part" + k + ".json", "README.md", "docs");
            assertTrue(part.exit() <= 1, part.toString());
            parts.add("part" + k + ".json");
        }
        SnipcheckRun json = merge(parts, "--format", "json");
        assertEquals(1, json.exit(), json.toString());
        assertEquals(untimed(whole.out()), untimed(json.out()));
        assertEquals(Files.readString(dir.resolve("whole.txt")), merge(parts).out());
        assertEquals(1, merge(parts, "--format", "junit", "--output", "merged.xml",
                "--report", "sarif=merged.sarif").exit());
        assertEquals(Files.readString(dir.resolve("whole.sarif")), Files.readString(dir.resolve("merged.sarif")));
        assertEquals(Files.readString(dir.resolve("whole.xml")).replaceAll("time=\"[0-9.]+\"", ""),
                Files.readString(dir.resolve("merged.xml")).replaceAll("time=\"[0-9.]+\"", ""));
    }

    private SnipcheckRun merge(List<String> reports, String... flags) {
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(List.of(flags));
        args.addAll(reports);
        return snipcheck(args.toArray(String[]::new));
    }

    @Test
    void aPassingMergeExitsZero() throws Exception {
        assertEquals(0, snipcheck("--shard", "1/1", "--format", "json", "--output", "a.json", "docs/a.md").exit());
        SnipcheckRun merged = snipcheck("merge", "a.json");
        assertEquals(0, merged.exit(), merged.toString());
        assertTrue(merged.out().endsWith("2 passed, 0 failed, 0 skipped, 0 not run, 0 not checked\n"), merged.out());
    }

    @Test
    void aShardThatDoesNotExistIsAUsageError() {
        for (String bad : List.of("3/2", "0/2", "2", "x/y")) {
            SnipcheckRun run = snipcheck("--shard", bad, "docs");
            assertEquals(2, run.exit(), run.toString());
            assertTrue(run.err().startsWith("snipcheck: Invalid value for option '--shard': expected K/N with"
                    + " 1 <= K <= N, e.g. 2/4, but was '" + bad + "'\n"), run.err());
        }
    }

    @Test
    void aPageInTwoReportsOrAReportOfAnotherCheckoutIsNotMerged() throws Exception {
        assertEquals(1, snipcheck("--format", "json", "--output", "all.json", "docs").exit());
        snipcheck("--shard", "1/2", "--format", "json", "--output", "one.json", "docs");
        SnipcheckRun twice = snipcheck("merge", "all.json", "one.json");
        assertEquals(2, twice.exit(), twice.toString());
        assertTrue(twice.err().startsWith("snipcheck merge: docs/"), twice.err());
        assertTrue(twice.err().contains(" is in both all.json and one.json; merge takes the reports of one split"),
                twice.err());

        Files.writeString(dir.resolve("docs/b.md"), "# b has no blocks any more\n");
        SnipcheckRun changed = snipcheck("merge", "all.json");
        assertEquals(2, changed.exit(), changed.toString());
        assertTrue(changed.err().startsWith("snipcheck merge: all.json: docs/b.md:1: the page has no such block now\n"
                + "  hint: merge reads the pages again; run it where the parts ran, on the same commit\n"),
                changed.err());

        Files.writeString(dir.resolve("text.json"), "1 passed\n");
        SnipcheckRun notJson = snipcheck("merge", "text.json");
        assertEquals(2, notJson.exit(), notJson.toString());
        assertTrue(notJson.err().startsWith("snipcheck merge: text.json: not a JSON report of snipcheck"),
                notJson.err());
        assertEquals(2, snipcheck("merge").exit());
    }
}
