package dev.snipcheck.run;

import dev.snipcheck.postgres.ClientBackend;
import dev.snipcheck.postgres.Database;
import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.PostgresServer;
import dev.snipcheck.timing.Timings;

import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server that starts on first use, or in the background while the pages compile, so a run whose pages
 * run no block never starts one. Remembers a failed start instead of retrying it for every page.
 */
final class LazyServer implements PostgresServer {

    /** Starts or connects to the real server. */
    @FunctionalInterface
    interface Starter {
        PostgresServer start() throws DatabaseUnavailableException;
    }

    private final Starter starter;
    private PostgresServer server;
    private DatabaseUnavailableException failure;
    private boolean requested;
    private RuntimeException unexpected;
    private boolean closed;

    LazyServer(Starter starter) {
        this.starter = starter;
    }

    /** Starts the server now unless it runs already; rethrows an earlier failure. */
    synchronized PostgresServer start() throws DatabaseUnavailableException {
        if (closed) {
            throw new IllegalStateException("server closed");
        }
        if (failure != null) {
            throw failure;
        }
        if (server == null) {
            try {
                server = starter.start();
            } catch (DatabaseUnavailableException e) {
                failure = e;
                throw e;
            } catch (RuntimeException e) {
                // a defect of snipcheck: the pages get no database, and the run ends with the trace (exit 3)
                unexpected = e;
                failure = new DatabaseUnavailableException("internal error of snipcheck: " + e, e);
                throw failure;
            }
        }
        return server;
    }

    /**
     * Starts the server on a thread of its own, so that it starts while the pages compile; the first page that needs
     * a database waits for it. A failure is remembered, as with {@link #start}.
     */
    void startInBackground() {
        synchronized (this) {
            if (requested) {
                return;
            }
            requested = true;
        }
        Thread thread = new Thread(() -> {
            try {
                start();
            } catch (DatabaseUnavailableException | IllegalStateException e) {
                // remembered in failure(), or the run was closed meanwhile
            }
        }, "snipcheck-postgres-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** The defect of snipcheck that kept the server from starting, if one did; asked after {@link #failure}. */
    synchronized Optional<RuntimeException> unexpected() {
        return Optional.ofNullable(unexpected);
    }

    /**
     * Why the server could not be provided, if it was needed and could not; waits for a start asked for in the
     * background, so that the answer does not depend on how far that start got.
     */
    synchronized Optional<DatabaseUnavailableException> failure() {
        if (requested && !closed) {
            try {
                start();
            } catch (DatabaseUnavailableException e) {
                // remembered in failure
            }
        }
        return Optional.ofNullable(failure);
    }

    @Override
    public Database createDatabase(String page, Optional<String> superuser) throws DatabaseUnavailableException {
        PostgresServer started;
        try (var timed = Timings.start("07 waiting for PostgreSQL to start")) {
            started = start();
        }
        try (var timed = Timings.start("07 database create")) {
            return started.createDatabase(page, superuser);
        }
    }

    /** The server once it has started; null before, without waiting for a start under way. */
    private synchronized PostgresServer serverIfStarted() {
        return server;
    }

    /** A database can only exist, and be handed over, if the server was started. */
    @Override
    public void handOver(Database database, String page) {
        PostgresServer running = serverIfStarted();
        if (running != null) {
            running.handOver(database, page);
        }
    }

    @Override
    public void dropDatabase(Database database) {
        PostgresServer running = serverIfStarted();
        // a database can only exist if the server was started
        if (running != null) {
            try (var timed = Timings.start("10 database drop")) {
                running.dropDatabase(database);
            }
        }
    }

    /** A database can only exist, and be damaged, if the server was started. */
    @Override
    public Optional<String> damage(Database database) {
        PostgresServer running = serverIfStarted();
        return running == null ? Optional.empty() : running.damage(database);
    }

    /** A database can only exist, and have backends, if the server was started. */
    @Override
    public List<ClientBackend> clientBackends(Database database) {
        PostgresServer running = serverIfStarted();
        return running == null ? List.of() : running.clientBackends(database);
    }

    /** Asks the server only if it was started: one that never ran was never lost. */
    @Override
    public Optional<String> lost() {
        PostgresServer running = serverIfStarted();
        return running == null ? Optional.empty() : running.lost();
    }

    /** Asks the server only if it was started: a run that needed none does not start one to learn its version. */
    @Override
    public synchronized Optional<String> version() {
        return server == null ? Optional.empty() : server.version();
    }

    @Override
    public synchronized String description() {
        if (server != null) {
            return server.description();
        }
        if (failure != null) {
            return "unavailable: " + failure.getMessage();
        }
        return "not started (no block needed a database)";
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
