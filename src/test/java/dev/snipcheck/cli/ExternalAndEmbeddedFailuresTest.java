package dev.snipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snipcheck.TestPostgres;
import dev.snipcheck.postgres.EmbeddedServer;
import dev.snipcheck.postgres.RestrictedRole;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when the external server refuses, lacks a privilege, or dies in the middle of a run. */
class ExternalAndEmbeddedFailuresTest {

    @TempDir
    Path dir;

    @Test
    void aRefusingServerIsNamedByHostPortAndReason() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(dir.resolve("page.md"), "```java\nint x = 1;\n```\n");
        SnipcheckRun run = SnipcheckRun.of(dir, "--postgres-url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=me", "page.md");
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("PostgreSQL unavailable: could not connect to 127.0.0.1:" + port + ": Connection refused"),
                run.toString());
    }

    @Test
    void anEmbeddedServerThatDiesMidRunLeavesEveryRemainingBlockToTheDatabase() throws Exception {
        ServerLossPages.write(dir);
        // a server of its own: this test kills it
        try (EmbeddedServer server = EmbeddedServer.start(System.err::println)) {
            // one page at a time, so that every block of b.md comes after the loss
            SnipcheckRun run = SnipcheckRun.of(dir, "--format", "json", "--postgres-url",
                    server.createDatabase("this test", Optional.of("the --postgres-url of snipcheck")).jdbcUrl(),
                    "--jobs", "1", "a.md", "b.md");
            ServerLossPages.assertLost(run, 20_000);
        }
    }

    @Test
    void aRoleThatMayNotCreateDatabasesGetsASchemaPerPage() throws Exception {
        RestrictedRole role = RestrictedRole.create();
        // the same table name on both pages: each has a schema of its own, first in its search_path
        String page = """
                ```java
                Mono.usingWhen(pool.create(),
                        c -> Mono.from(c.createStatement("CREATE TABLE book (title text)").execute())
                                .flatMap(r -> Mono.from(r.getRowsUpdated())),
                        Connection::close).block();
                ```

                ```java
                try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                    s.execute("INSERT INTO book VALUES ('Dune')");
                    try (var r = s.executeQuery("SELECT current_schema() || ' ' || count(*) FROM book")) {
                        r.next();
                        System.out.println(r.getString(1));
                        if (!r.getString(1).matches("snipcheck_.* 1")) {
                            throw new AssertionError(r.getString(1));
                        }
                    }
                }
                ```
                """;
        Files.writeString(dir.resolve("one.md"), page);
        Files.writeString(dir.resolve("two.md"), page);
        SnipcheckRun run = SnipcheckRun.of(dir, "--format", "json", "--postgres-url", role.url(), "one.md", "two.md");

        assertEquals(Map.of("one.md:1", "passed", "one.md:8", "passed", "two.md:1", "passed", "two.md:8", "passed"),
                run.verdicts(), run.toString());
        assertTrue(run.err().contains(role.notice()), run.toString());
        assertEquals(0, run.exit(), run.toString());
        try (Connection connection = DriverManager.getConnection(TestPostgres.url()); Statement statement = connection.createStatement();
                ResultSet left = statement.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'snipcheck%'")) {
            left.next();
            assertEquals(0, left.getInt(1), "schemas left behind");
        }
    }
}
