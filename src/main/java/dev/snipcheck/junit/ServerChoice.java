package dev.snipcheck.junit;

import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.ImageUnavailableException;
import dev.snipcheck.postgres.PostgresLauncher;
import dev.snipcheck.postgres.PostgresServer;

/** Which PostgreSQL the engine's run uses: what the {@code snipcheck.postgres*} parameters choose, as the CLI does. */
final class ServerChoice {

    private ServerChoice() {
    }

    /** Starts the server; the one line that says which backend {@code auto} chose goes to stderr, as in the CLI. */
    static PostgresServer start(EngineSettings settings) throws DatabaseUnavailableException {
        return PostgresLauncher.start(settings.postgres(), notice -> System.err.println("snipcheck: " + notice));
    }

    /** What to tell the user when {@link #start} failed. */
    static String hint(EngineSettings settings, DatabaseUnavailableException failure) {
        if (failure instanceof ImageUnavailableException) {
            return "choose another image with the configuration parameter " + EngineSettings.POSTGRES_IMAGE
                    + ", or start no container with " + EngineSettings.POSTGRES + "=embedded";
        }
        return settings.postgres().url().isPresent()
                ? "check that the server of " + EngineSettings.POSTGRES_URL + " is running and the URL's credentials"
                : "set the configuration parameter " + EngineSettings.POSTGRES_URL
                        + " to check against a running server instead";
    }
}
