package dev.snipcheck.postgres;

import java.util.Optional;

/**
 * A PostgreSQL server shared by a whole run, handing out one fresh database per page.
 */
public interface PostgresServer extends AutoCloseable {

    /** A new, empty database that no other page sees. Cheap: pages call it once each. */
    Database createDatabase() throws DatabaseUnavailableException;

    /** Drops a database made by {@link #createDatabase()}, closing its remaining connections. */
    void dropDatabase(Database database);

    /**
     * Why the server can no longer provide databases (it died, or stopped answering), asking it if it is not known
     * yet; empty while it answers. Takes at most a few seconds.
     */
    default Optional<String> lost() {
        return Optional.empty();
    }

    /** One line for the report, e.g. "embedded PostgreSQL 18.1 on port 54321". */
    String description();

    /** Stops the server if this run started it. */
    @Override
    void close();
}
