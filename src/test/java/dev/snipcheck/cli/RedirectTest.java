package dev.snipcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snipcheck.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** A block that connects to a server of its own and one that uses the page's data source, which goes nowhere else. */
    private static final String CONNECTING = """
            # Query

            ```java
            try (java.sql.Connection own = java.sql.DriverManager.getConnection(
                         "jdbc:postgresql://localhost/test?user=fred&password=secret");
                 java.sql.Connection page = dataSource.getConnection()) {
                System.out.println(own.isValid(1) && page.isValid(1));
            }
            io.r2dbc.spi.ConnectionFactories.get("r2dbc:postgresql://fred:secret@db.example.com:6543/test");
            ```
            """;

    @Test
    void verboseListsEachRedirectionAtItsLine() throws Exception {
        Files.writeString(dir.resolve("query.md"), CONNECTING);

        SnipcheckRun run = SnipcheckRun.of(dir, "--postgres-url", TestPostgres.url(), "-v", "query.md");

        assertEquals(0, run.exit(), run.toString());
        List<String> notes = run.out().lines().filter(line -> line.contains(": note: ")).toList();
        assertEquals(List.of(
                "query.md:4:1: note: redirected jdbc:postgresql://localhost/test?user=fred&password=*** to the page's"
                        + " database",
                "query.md:9:1: note: redirected r2dbc:postgresql://fred:***@db.example.com:6543/test to the page's"
                        + " database"), notes, run.toString());
    }

    @Test
    void withoutVerboseTheTextReportListsNoRedirectionAndTheJsonReportDoes() throws Exception {
        Files.writeString(dir.resolve("query.md"), CONNECTING);

        SnipcheckRun text = SnipcheckRun.of(dir, "--postgres-url", TestPostgres.url(), "query.md");
        SnipcheckRun json = SnipcheckRun.of(dir, "--postgres-url", TestPostgres.url(), "--format", "json", "query.md");

        assertEquals("1 passed, 0 failed, 0 skipped, 0 not run, 0 not checked\n",
                text.out(), text.toString());
        List<String> notes = new ArrayList<>();
        for (JsonNode note : new ObjectMapper().readTree(json.out()).get("blocks").get(0).get("notes")) {
            notes.add(note.get("file").asText() + ":" + note.get("position").get("line").asInt() + ": "
                    + note.get("message").asText());
        }
        assertEquals(List.of("query.md:4: redirected jdbc:postgresql://localhost/test?user=fred&password=*** to the"
                + " page's database", "query.md:9: redirected r2dbc:postgresql://fred:***@db.example.com:6543/test"
                + " to the page's database"), notes, json.toString());
    }
}
