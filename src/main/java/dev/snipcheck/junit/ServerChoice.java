package dev.snipcheck.junit;

import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.EmbeddedServer;
import dev.snipcheck.postgres.ExternalServer;
import dev.snipcheck.postgres.PostgresServer;

/** Which PostgreSQL the engine's run uses: the server of {@code snipcheck.postgres.url}, else an embedded one. */
final class ServerChoice {

    private ServerChoice() {
    }

    static PostgresServer start(EngineSettings settings) throws DatabaseUnavailableException {
        return settings.postgresUrl().isPresent()
                ? ExternalServer.connect(settings.postgresUrl().get())
                : EmbeddedServer.start();
    }

    /** What to tell the user when {@link #start} failed. */
    static String hint(EngineSettings settings) {
        return settings.postgresUrl().isPresent()
                ? "check that the server of " + EngineSettings.POSTGRES_URL + " is running and the URL's credentials"
                : "set the configuration parameter " + EngineSettings.POSTGRES_URL
                        + " to check against a running server instead of an embedded one";
    }
}
