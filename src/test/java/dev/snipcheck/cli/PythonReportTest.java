package dev.snipcheck.cli;

import dev.snipcheck.TestPostgres;
import dev.snipcheck.TestPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Python blocks as the command line reports them: the misuse at its line, or skipped where Python cannot run them. */
class PythonReportTest {

    private static final String PAGE = """
            ---
            snipcheck:
              mode: async
            ---
            ```python
            async with pool.connection() as conn:
                with conn.cursor() as cur:
                    await cur.execute("SELECT 1")
            ```
            """;

    @TempDir
    Path dir;

    @Test
    void thePlainWithOnAnAsyncCursorFailsAtItsLineWithTheHint() throws Exception {
        Files.writeString(dir.resolve("page.md"), PAGE);

        SnipcheckRun run = SnipcheckRun.of(dir, "--postgres-url", TestPostgres.url(),
                "--python", TestPython.interpreter().command(), "page.md");

        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.out().startsWith("""
                page.md:7:5: error[sync-api-in-async]: a plain `with` on psycopg's `AsyncCursor`: it needs `async with`
                 7 |     with conn.cursor() as cur:
                   |     ^
                   = hint: use `async with`
                page.md:7:5: error: raised TypeError: 'AsyncCursor' object does not support the context manager protocol
                """), run.out());
    }

    @Test
    void withoutPsycopgPythonBlocksAreSkippedWithTheInstallCommandAndTheRunPasses() throws Exception {
        Files.writeString(dir.resolve("page.md"), PAGE);

        SnipcheckRun run = SnipcheckRun.of(dir, "--format", "json", "--postgres-url", TestPostgres.url(),
                "--python", dir.resolve("no-such-python3").toString(), "page.md");

        assertEquals(0, run.exit(), run.toString());
        assertEquals(Map.of("page.md:5", "skipped"), run.verdicts());
        String message = run.message("page.md:5");
        assertTrue(message.startsWith("python blocks need Python 3 with psycopg and psycopg_pool: there is no `"),
                message);
        assertTrue(message.contains("apt-get install python3-psycopg python3-psycopg-pool"), message);
    }

    @Test
    void withoutPsycopgTheSessionBlocksAfterASkippedPythonBlockAreSkippedTooAndIsolatedOnesRun() throws Exception {
        Files.writeString(dir.resolve("page.md"), """
                ```python
                await pool.open()
                ```

                ```sql
                SELECT 1;
                ```

                ```sql isolated
                SELECT 2;
                ```
                """);

        SnipcheckRun run = SnipcheckRun.of(dir, "--format", "json", "--postgres-url", TestPostgres.url(),
                "--python", dir.resolve("no-such-python3").toString(), "page.md");

        assertEquals(0, run.exit(), run.toString());
        assertEquals(Map.of("page.md:1", "skipped", "page.md:5", "skipped", "page.md:9", "passed"), run.verdicts());
        assertTrue(run.message("page.md:5").startsWith("needs what the python block at line 1 did, which was skipped: "
                + "python blocks need Python 3 with psycopg"), run.message("page.md:5"));
    }
}
