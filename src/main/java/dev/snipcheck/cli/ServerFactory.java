package dev.snipcheck.cli;

import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.EmbeddedServer;
import dev.snipcheck.postgres.ExternalServer;
import dev.snipcheck.postgres.PostgresServer;

import java.util.Optional;

/** Provides the run's PostgreSQL server; tests substitute one that must never be called. */
@FunctionalInterface
interface ServerFactory {

    /** Connects to the server at {@code url} when given, else starts an embedded one. */
    PostgresServer start(Optional<String> url) throws DatabaseUnavailableException;

    static ServerFactory real() {
        return url -> url.isPresent() ? ExternalServer.connect(url.get()) : EmbeddedServer.start();
    }
}
