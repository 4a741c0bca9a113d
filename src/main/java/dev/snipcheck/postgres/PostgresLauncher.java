package dev.snipcheck.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.testcontainers.DockerClientFactory;

/** Starts, or connects to, the PostgreSQL server that a run's {@link PostgresSettings} choose. */
public final class PostgresLauncher {

    private PostgresLauncher() {
    }

    /**
     * The run's server, ready to create databases. {@code notices} hears one line each about choices the user did
     * not spell out (which backend {@link Backend#AUTO} chose and why, a schema per page on an external server) and
     * about what goes wrong where no caller could act on it (a database that could not be dropped): postgres/ never
     * writes to stderr itself, the front end decides where notices show.
     */
    public static PostgresServer start(PostgresSettings settings, Consumer<String> notices) throws DatabaseUnavailableException {
        return start(settings, notices, () -> DockerClientFactory.instance().isDockerAvailable());
    }

    /** As {@link #start(PostgresSettings, Consumer)}, with the question "does a Docker engine answer?" put by the caller. */
    static PostgresServer start(PostgresSettings settings, Consumer<String> notices, BooleanSupplier dockerAnswers)
            throws DatabaseUnavailableException {
        return switch (settings.backend()) {
            case EXTERNAL -> ExternalServer.connect(settings.url().orElseThrow(), notices);
            case EMBEDDED -> EmbeddedServer.start(notices);
            case TESTCONTAINERS -> ContainerServer.start(settings.image(), settings.reuse(), notices);
            case AUTO -> {
                Optional<ContainerServer> kept = settings.reuse() ? ContainerServer.takeUpKept(settings.image(), notices) : Optional.empty();
                if (kept.isPresent()) {
                    notices.accept("PostgreSQL in the container of " + settings.image() + " that an earlier run kept");
                    yield kept.get();
                }
                if (dockerAnswers.getAsBoolean()) {
                    notices.accept("PostgreSQL in a container of " + settings.image() + ": a Docker engine answered"
                            + " (API " + DockerClientFactory.instance().getActiveApiVersion() + ")");
                    yield ContainerServer.start(settings.image(), settings.reuse(), notices);
                }
                notices.accept("embedded PostgreSQL: no Docker engine answered (" + whereDockerWasSought() + ")");
                yield EmbeddedServer.start(notices);
            }
        };
    }

    /** Testcontainers tries several places and logs why each failed; this names the usual one. */
    private static String whereDockerWasSought() {
        String host = System.getenv("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return "DOCKER_HOST=" + host;
        }
        Path socket = Path.of("/var/run/docker.sock");
        return Files.exists(socket) ? socket + " does not answer" : "no " + socket;
    }
}
