package dev.snipcheck;

import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.EmbeddedServer;

import java.util.Optional;

/**
 * The one PostgreSQL server of a test run, started on first use and stopped when the test JVM
 * ends. Tests reach it as an external server, with {@code --postgres-url}, so each creates its own
 * databases on it.
 */
public final class TestPostgres {

    private static String url;

    private TestPostgres() {
    }

    /** A JDBC URL (with credentials) of a database on the shared server. */
    public static synchronized String url() {
        if (url == null) {
            try {
                EmbeddedServer server = EmbeddedServer.start(System.err::println);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
                // as the admin: tests pass it to --postgres-url, whose role must create databases and roles
                url = server.createDatabase("the tests", Optional.of("the tests' --postgres-url")).jdbcUrl();
            } catch (DatabaseUnavailableException e) {
                throw new IllegalStateException("the tests' PostgreSQL did not start: " + e.getMessage(), e);
            }
        }
        return url;
    }
}
