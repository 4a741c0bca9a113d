package dev.snipcheck.postgres;

import java.util.Optional;
import java.util.function.Consumer;

/** Starts, or connects to, the PostgreSQL server that a run's {@link PostgresSettings} choose. */
public final class PostgresLauncher {

    private PostgresLauncher() {
    }

    /**
     * The run's server, ready to create databases. {@code notices} hears one line each about choices the user did
     * not spell out (which backend {@link Backend#AUTO} chose and why, a schema per page on an external server) and
     * about what goes wrong where no caller could act on it (a database that could not be dropped), and what the run
     * waits for when a wait lasts: postgres/ never writes to stderr itself, the front end decides where notices show.
     */
    public static PostgresServer start(PostgresSettings settings, Consumer<String> notices) throws DatabaseUnavailableException {
        return switch (settings.backend()) {
            case EXTERNAL -> ExternalServer.connect(settings.url().orElseThrow(), notices);
            case EMBEDDED -> embedded(notices);
            case TESTCONTAINERS -> ContainerServer.start(settings.image(), settings.reuse(), settings.pullTimeout(), notices, () -> {
            });
            case AUTO -> auto(settings, notices);
        };
    }

    /** "A database, quickly": a container when Docker has the image or gets it in time, else the embedded server. */
    private static PostgresServer auto(PostgresSettings settings, Consumer<String> notices) throws DatabaseUnavailableException {
        String image = settings.image();
        Optional<ContainerServer> kept = settings.reuse() ? ContainerServer.takeUpKept(image, notices) : Optional.empty();
        if (kept.isPresent()) {
            notices.accept("PostgreSQL in the container of " + image + " that an earlier run kept");
            return kept.get();
        }
        try {
            return ContainerServer.start(image, settings.reuse(), settings.pullTimeout(), notices, () -> notices.accept(
                    "PostgreSQL in a container of " + image + ": a Docker engine answered (API " + DockerEngine.apiVersion() + ")"));
        } catch (DockerUnavailableException e) {
            notices.accept("embedded PostgreSQL: " + e.getMessage());
        } catch (ImageUnavailableException e) {
            notices.accept("image " + image + " could not be pulled in " + ImagePull.seconds(settings.pullTimeout()) + ": "
                    + e.reason() + "; using the embedded PostgreSQL");
        }
        return embedded(notices);
    }

    private static PostgresServer embedded(Consumer<String> notices) throws DatabaseUnavailableException {
        try (Wait wait = Wait.on(notices, "the embedded PostgreSQL to start")) {
            return EmbeddedServer.start(notices);
        }
    }
}
