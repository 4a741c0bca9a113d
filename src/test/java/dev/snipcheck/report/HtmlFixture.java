package dev.snipcheck.report;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.MarkdownReader;
import dev.snipcheck.markdown.Mode;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.Reason;
import dev.snipcheck.result.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Two real pages read by snipcheck's reader, with verdicts as a run gives them: docs/pool.md has a block that fails to
 * compile, one whose output differs, a hidden one, a bash block and markup that must show as text; docs/ok.md passes.
 */
final class HtmlFixture {

    static final String POOL = """
            # Pools <script>alert(1)</script>

            A *pool* & <b>its</b> connections.

            ```java
            int x = "not a number";
            ```

            ```java
            System.out.println("hello");
            ```

            ```output
            goodbye
            ```

            ```bash
            echo hi
            ```

            <!-- snipcheck
            ```sql
            CREATE TABLE t (id int);
            ```
            -->
            """;
    static final String OK = """
            # Fine

            ```java
            System.out.println("fine");
            ```
            """;

    private HtmlFixture() {
    }

    static RunResult run(Path dir) throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Page pool = read(docs.resolve("pool.md"), "docs/pool.md", POOL);
        Page ok = read(docs.resolve("ok.md"), "docs/ok.md", OK);
        List<Block> b = pool.blocks();
        String diff = "printed something else than its output block (line 13)\n"
                + "--- docs/pool.md:13 (output block)\n+++ what the block produced\n@@ -14,1 +1,1 @@\n-goodbye\n+hello\n";
        PageResult poolResult = new PageResult(pool, Mode.SYNC, false, List.of(
                BlockResult.failed(b.get(0), Reason.COMPILE, "does not compile", List.of(Finding.at(new Position(6, 9),
                        "incompatible types: java.lang.String cannot be converted to <int>", "")), "", 120),
                BlockResult.failed(b.get(1), Reason.OUTPUT, diff, List.of(Finding.at(new Position(14, 1), diff,
                        "lines with - are the output block's")), "hello\n<i>printed</i>\n", 30),
                BlockResult.passed(b.get(3), List.of(), "", 5)));
        PageResult okResult = new PageResult(ok, Mode.SYNC, false, List.of(
                BlockResult.passed(ok.blocks().get(0), List.of(), "fine\n", 12)));
        return new RunResult(List.of(okResult, poolResult), "embedded PostgreSQL 15");
    }

    private static Page read(Path file, String displayPath, String text) throws IOException {
        Files.writeString(file, text);
        return new MarkdownReader().read(file, displayPath);
    }
}
