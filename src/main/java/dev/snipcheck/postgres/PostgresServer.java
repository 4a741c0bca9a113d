package dev.snipcheck.postgres;

import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server shared by a whole run, handing out one fresh database per page.
 */
public interface PostgresServer extends AutoCloseable {

    /**
     * A new, empty database for {@code page} that no other page sees or may connect to, reached as a role made for it
     * that has no right beyond it; with {@code superuser} (the page's reason), reached as the admin's role instead.
     * Cheap: pages call it once each.
     */
    Database createDatabase(String page, Optional<String> superuser) throws DatabaseUnavailableException;

    /** A database for a caller that is no page, such as a test, reached as a role of its own. */
    default Database createDatabase() throws DatabaseUnavailableException {
        return createDatabase("a caller", Optional.empty());
    }

    /**
     * Gives a database made ahead, for a page not known yet, to {@code page}: the notices that name the page a database
     * belongs to name this one from now on.
     */
    default void handOver(Database database, String page) {
    }

    /** Drops a database made by {@link #createDatabase(String, Optional)}, closing its remaining connections. */
    void dropDatabase(Database database);

    /**
     * What a block did to {@code database} that its page's later blocks cannot run without: the database dropped or
     * closed to connections, its role dropped or without LOGIN, the page's schema dropped; empty while it is intact.
     * One query on the admin connection, cheap enough to ask after every block.
     */
    default Optional<String> damage(Database database) {
        return Optional.empty();
    }

    /**
     * The clients connected to {@code database} now, as pg_stat_activity shows them, but snipcheck's own
     * administrative connections; empty when the server cannot be asked. One query on a connection kept for it.
     */
    List<ClientBackend> clientBackends(Database database);

    /**
     * Why the server can no longer provide databases (it died, or stopped answering), asking it if it is not known
     * yet; empty while it answers. Takes at most a few seconds.
     */
    default Optional<String> lost() {
        return Optional.empty();
    }

    /**
     * The server's version as it reports it ({@code server_version}, e.g. "17.2"); empty while no server runs yet,
     * which only a server that starts on first use can say.
     */
    Optional<String> version();

    /** One line for the report, e.g. "embedded PostgreSQL 18.1 on port 54321". */
    String description();

    /** Stops the server if this run started it. */
    @Override
    void close();
}
