package dev.snipcheck.run;

import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.PostgresLauncher;
import dev.snipcheck.postgres.PostgresServer;
import dev.snipcheck.postgres.PostgresSettings;

import java.util.function.Consumer;

/** Provides a run's PostgreSQL server; tests substitute one that records what was asked, or must never be called. */
@FunctionalInterface
public interface ServerFactory {

    /** Starts or connects to the server that {@code settings} choose; {@code notices} hears about the choice. */
    PostgresServer start(PostgresSettings settings, Consumer<String> notices) throws DatabaseUnavailableException;

    static ServerFactory real() {
        return PostgresLauncher::start;
    }
}
