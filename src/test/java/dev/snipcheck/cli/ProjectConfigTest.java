package dev.snipcheck.cli;

import dev.snipcheck.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A project's snipcheck.yaml adopts pages as they are: its prelude sets up, its placeholders become code. */
class ProjectConfigTest {

    /** A page as a project writes it, with a server of its own and elisions. */
    private static final String PAGE = """
            # Users

            ```java
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://<host>/test", "fred", "secret")) {
                ResultSet rows = c.createStatement().executeQuery("SELECT name FROM users");
                ...
                rows.next();
                System.out.println(rows.getString(1));
            }
            ```

            ```output
            ada
            ```
            """;
    private static final String PRELUDE = """
            # What every page expects

            ```sql
            CREATE TABLE users (name text);
            INSERT INTO users VALUES ('ada');
            ```
            """;
    private static final String CONFIG = """
            prelude: [docs/setup.md]
            imports: [java.sql.Connection, java.sql.DriverManager, java.sql.ResultSet]
            replace: {"<host>": localhost, "...": "/* elided */"}
            """;

    @TempDir
    Path dir;

    @Test
    void preludeAndReplaceMakeAnUneditedPagePass() throws Exception {
        write("docs/users.md", PAGE);
        write("docs/setup.md", PRELUDE);

        SnipcheckRun without = run("docs/users.md");
        assertEquals("failed compile", without.verdicts().get("docs/users.md:3"), without.toString());

        write("snipcheck.yaml", CONFIG);
        SnipcheckRun with = run("docs/users.md");
        assertEquals(Map.of("docs/setup.md:3", "passed", "docs/users.md:3", "passed"), with.verdicts(),
                with.toString());
        assertEquals(0, with.exit(), with.toString());
    }

    @Test
    void aCompileErrorAfterAReplacementIsAtItsMarkdownColumn() throws Exception {
        write("snipcheck.yaml", "replace: {\"<host>\": localhost}\n");
        write("page.md", """
                ```java
                String url = "<host>"; int port = url;
                ```
                """);

        SnipcheckRun run = SnipcheckRun.of(dir, "--postgres-url", TestPostgres.url(), "page.md");

        String column = Integer.toString(1 + "String url = \"<host>\"; int port = ".length());
        assertTrue(run.out().contains("page.md:2:" + column + ": error"), run.toString());
        assertEquals(1, run.exit(), run.toString());
    }

    @Test
    void aFailingPreludeBlockIsReportedAtItsOwnFile() throws Exception {
        write("snipcheck.yaml", "prelude: [setup.md]\n");
        write("setup.md", "Setup\n\n```sql\nSELECT nosuchcolumn;\n```\n");
        write("page.md", "```sql\nSELECT 1;\n```\n");

        SnipcheckRun run = run("page.md");

        assertEquals("failed exception", run.verdicts().get("setup.md:3"), run.toString());
        assertEquals(1, run.exit(), run.toString());
    }

    @Test
    void aMalformedConfigStopsTheRunAtItsLineAndColumn() throws Exception {
        write("conf/snipcheck.yaml", "mode: sync\nredirect: maybe\n");
        write("page.md", "```sql\nSELECT 1;\n```\n");

        SnipcheckRun run = SnipcheckRun.of(dir, "--postgres-url", TestPostgres.url(), "--config",
                "conf/snipcheck.yaml", "page.md");

        assertEquals(Main.USAGE, run.exit(), run.toString());
        assertTrue(run.err().startsWith("conf/snipcheck.yaml:2:11: error: invalid redirect `maybe`\n"
                + "  | redirect: maybe\n  |           ^\n  = hint: write `true` or `false`"), run.toString());
    }

    private SnipcheckRun run(String page) {
        return SnipcheckRun.of(dir, "--postgres-url", TestPostgres.url(), "--format", "json", page);
    }

    private void write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
