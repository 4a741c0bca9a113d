package dev.snipcheck.verdict;

import dev.snipcheck.postgres.ClientBackend;
import dev.snipcheck.postgres.Database;
import dev.snipcheck.postgres.PostgresServer;
import dev.snipcheck.protocol.WorkerContract;

import java.util.List;

/**
 * The connections to a page's database that snippets opened themselves (from {@code jdbcUrl} or
 * {@code r2dbcUrl}, not through {@code pool} or {@code dataSource}) and left open, as
 * {@code pg_stat_activity} shows them when the page ends.
 */
public final class OpenBackends {

    private static final long SETTLE_MILLIS = 200;

    private OpenBackends() {
    }

    /**
     * The backends left open; empty when there are none or the database cannot be read, and when pages share the
     * database (a schema each), since another page's connections could not be told from this page's.
     */
    public static List<ClientBackend> of(PostgresServer server, Database database) {
        if (database.schema().isPresent()) {
            return List.of();
        }
        List<ClientBackend> open = query(server, database);
        if (open.isEmpty()) {
            return open;
        }
        // A backend whose client has just closed the connection is still listed for a moment.
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        List<Integer> still = query(server, database).stream().map(ClientBackend::pid).toList();
        return open.stream().filter(b -> still.contains(b.pid())).toList();
    }

    /** The pool's and the data source's connections are the worker's, which its own leak checks judge. */
    private static List<ClientBackend> query(PostgresServer server, Database database) {
        return server.clientBackends(database).stream()
                .filter(backend -> !backend.applicationName().equals(WorkerContract.BINDINGS_APPLICATION))
                .toList();
    }
}
