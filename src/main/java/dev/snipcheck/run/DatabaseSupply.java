package dev.snipcheck.run;

import dev.snipcheck.postgres.Database;
import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.PostgresServer;
import dev.snipcheck.timing.Timings;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The pages' databases, created ahead of the pages that take them and dropped behind them on a thread of their own,
 * so that a page waits for neither CREATE DATABASE nor DROP DATABASE: on 1,000 pages of ten blocks they took 16 and
 * 11 ms a page, a quarter of the page's time when pages run one at a time (docs/performance.md). A page that runs as
 * the admin ({@code superuser:}) gets one made for it then, as its role differs.
 */
final class DatabaseSupply implements AutoCloseable {

    /** Longer than any drop may take (the server's drops are bounded themselves), so that close never waits forever. */
    private static final long CLOSE_WAIT_SECONDS = 120;

    private final PostgresServer server;
    /** How many databases are kept made ahead: one for each page that may start while the others run. */
    private final int ahead;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(DatabaseSupply::thread);
    private final Queue<CompletableFuture<Database>> made = new ArrayDeque<>();

    DatabaseSupply(PostgresServer server, int ahead) {
        this.server = server;
        this.ahead = ahead;
    }

    /**
     * A fresh database for {@code page}; with {@code superuser}, one reached as the admin. The first call waits for the
     * server's start; each call has the next ones made meanwhile.
     */
    Database take(String page, Optional<String> superuser) throws DatabaseUnavailableException {
        if (superuser.isPresent()) {
            return server.createDatabase(page, superuser);
        }
        CompletableFuture<Database> next;
        synchronized (this) {
            next = made.poll();
            while (made.size() < ahead) {
                made.add(CompletableFuture.supplyAsync(this::make, thread));
            }
        }
        if (next == null) {
            return server.createDatabase(page, superuser);
        }
        Database database;
        try (var timed = Timings.start("07 database: waiting for one made ahead")) {
            database = next.join();
        } catch (CompletionException e) {
            // made ahead when the server may have been fine: asking again reports how it is now
            return server.createDatabase(page, superuser);
        }
        server.handOver(database, page);
        return database;
    }

    /** Drops the database behind the page that used it; {@link #close} waits for it. */
    void drop(Database database) {
        thread.execute(() -> server.dropDatabase(database));
    }

    /** Waits for the drops asked for; databases made ahead and never taken are dropped with the server's others. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Database make() {
        try {
            return server.createDatabase("a page not known yet", Optional.empty());
        } catch (DatabaseUnavailableException e) {
            throw new CompletionException(e);
        }
    }

    private static Thread thread(Runnable task) {
        Thread thread = new Thread(task, "snipcheck-databases");
        thread.setDaemon(true);
        return thread;
    }
}
