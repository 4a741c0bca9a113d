package dev.snipcheck.cli;

import dev.snipcheck.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The connections a block opens itself reach the database of the page that runs, on a worker that serves several. */
class RedirectTest {

    @TempDir
    Path dir;

    @Test
    void eachPageOnOneWorkerReachesItsOwnDatabase() throws Exception {
        for (String name : new String[] {"a", "b"}) {
            Files.writeString(dir.resolve(name + ".md"), """
                    ```sql
                    CREATE TABLE only_%s (id int);
                    ```

                    ```java
                    try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                                 "jdbc:postgresql://localhost/test?user=fred&password=secret");
                         java.sql.ResultSet rows = c.createStatement().executeQuery(
                                 "SELECT to_regclass('only_a') IS NOT NULL, to_regclass('only_b') IS NOT NULL")) {
                        rows.next();
                        System.out.println(rows.getBoolean(1) + " " + rows.getBoolean(2));
                    }
                    ```

                    ```output
                    %s
                    ```
                    """.formatted(name, name.equals("a") ? "true false" : "false true"));
        }

        SnipcheckRun run = SnipcheckRun.of(dir, "--postgres-url", TestPostgres.url(), "--format", "json",
                "--jobs", "1", ".");

        assertEquals(Map.of("a.md:1", "passed", "a.md:5", "passed", "b.md:1", "passed", "b.md:5", "passed"),
                run.verdicts(), run.toString());
        assertEquals(0, run.exit(), run.toString());
    }
}
