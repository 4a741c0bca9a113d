package dev.snipcheck.cli;

import dev.snipcheck.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two pages at once, where page B does what a hostile author would to page A and to the server while A runs: each
 * attempt fails inside B with the server's permission error, A passes, and the run ends with exit 1, not 2.
 */
class PageIsolationTest {

    /** B's attempts, as "file:line": read A's data, ALTER SYSTEM, end the other sessions (A's, snipcheck's own). */
    private static final List<String> ATTEMPTS = List.of("b.md:5", "b.md:25", "b.md:30");

    @TempDir
    Path dir;

    @Test
    void aPageCannotReachAnotherPageOrTheServer() throws Exception {
        String a = dir.resolve("a-database").toString();
        String done = dir.resolve("b-done").toString();
        // A stays connected to its database, with its data in it, until B has tried everything
        Files.writeString(dir.resolve("a.md"), """
                ---
                snipcheck:
                  mode: sync
                ---
                ```java
                try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                    statement.execute("create table secret (v text)");
                    statement.execute("insert into secret values ('a''s data')");
                    var name = statement.executeQuery("select current_database()");
                    name.next();
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), name.getString(1));
                    for (int i = 0; i < 600 && !java.nio.file.Files.exists(java.nio.file.Path.of("%s")); i++) {
                        Thread.sleep(50);
                    }
                }
                ```

                ```sql
                select v from secret;
                ```

                ```output
                    v
                ----------
                 a's data
                (1 row)
                ```
                """.formatted(a, done));
        // B turns redirection off: with it, B's connection to A's database would go to B's own
        Files.writeString(dir.resolve("b.md"), """
                ---
                snipcheck:
                  redirect: false
                ---
                ```java isolated
                var file = java.nio.file.Path.of("%s");
                for (int i = 0; i < 600 && !java.nio.file.Files.exists(file); i++) {
                    Thread.sleep(50);
                }
                String other = java.nio.file.Files.readString(file);
                try (var stolen = java.sql.DriverManager.getConnection(jdbcUrl.replaceFirst("/[^/?]+\\\\?", "/" + other + "?"));
                     var statement = stolen.createStatement();
                     var rows = statement.executeQuery("select v from secret")) {
                    rows.next();
                    System.out.println("read " + rows.getString(1));
                }
                ```

                Listing the databases is allowed (PostgreSQL shows pg_database to every role), reaching them is not:

                ```sql isolated
                select count(*) > 0 as listed from pg_database where datname like 'snipcheck%%';
                ```

                ```sql isolated
                alter system set statement_timeout = '200ms';
                select pg_reload_conf();
                ```

                ```sql isolated
                select pg_terminate_backend(pid) from pg_stat_activity where pid <> pg_backend_pid();
                ```

                ```java
                java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "done");
                ```
                """.formatted(a, done));

        SnipcheckRun run = SnipcheckRun.of(dir, "--format", "json", "--postgres-url", TestPostgres.url(),
                "--jobs", "2", "a.md", "b.md");

        Map<String, String> verdicts = run.verdicts();
        assertEquals("passed", verdicts.get("a.md:5"), run.toString());
        assertEquals("passed", verdicts.get("a.md:18"), run.toString());
        assertEquals("passed", verdicts.get("b.md:21"), run.toString());
        for (String attempt : ATTEMPTS) {
            assertEquals("failed exception", verdicts.get(attempt), attempt + "\n" + run);
            String message = run.message(attempt);
            assertTrue(message.contains("permission denied") || message.contains("must be a superuser"),
                    attempt + ": " + message + "\n" + run);
        }
        assertEquals("passed", verdicts.get("b.md:34"), run.toString());
        assertEquals(1, run.exit(), run.toString());
    }
}
