package dev.snipcheck.cli;

import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.PostgresLauncher;
import dev.snipcheck.postgres.PostgresServer;
import dev.snipcheck.postgres.PostgresSettings;

import java.util.function.Consumer;

/** Provides the run's PostgreSQL server; tests substitute one that must never be called. */
@FunctionalInterface
interface ServerFactory {

    /** Starts or connects to the server that {@code settings} choose; {@code notices} hears about the choice. */
    PostgresServer start(PostgresSettings settings, Consumer<String> notices) throws DatabaseUnavailableException;

    static ServerFactory real() {
        return PostgresLauncher::start;
    }
}
