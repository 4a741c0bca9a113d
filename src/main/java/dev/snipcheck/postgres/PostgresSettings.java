package dev.snipcheck.postgres;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run gets its PostgreSQL server: the front ends map their options onto this record.
 *
 * @param backend where the server comes from; {@link Backend#AUTO} with a URL means {@link Backend#EXTERNAL}
 * @param url     the external server's JDBC or libpq URL, required by and only allowed with an external server
 * @param image   the container image of {@link Backend#TESTCONTAINERS}, any image compatible with the official one
 * @param reuse   keep the container running after the run and use it again in the next one
 * @param pullTimeout how long a pull of a missing image may take before the container backends give it up
 */
public record PostgresSettings(Backend backend, Optional<String> url, String image, boolean reuse, Duration pullTimeout) {

    /** A current official image; Docker pulls it on first use. */
    public static final String DEFAULT_IMAGE = "postgres:17";

    /** Long enough for the official image on a slow line, short enough that an offline run falls back soon. */
    public static final Duration DEFAULT_PULL_TIMEOUT = Duration.ofSeconds(60);

    /** @throws IllegalArgumentException when the URL names no PostgreSQL server, or it and the backend contradict each other */
    public PostgresSettings {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(pullTimeout, "pullTimeout");
        if (url.isPresent() && backend == Backend.AUTO) {
            backend = Backend.EXTERNAL;
        }
        if (url.isPresent() && backend != Backend.EXTERNAL) {
            throw new IllegalArgumentException("a server URL means an external server, not " + backend.name().toLowerCase());
        }
        if (url.isEmpty() && backend == Backend.EXTERNAL) {
            throw new IllegalArgumentException("an external server needs a URL");
        }
        // a URL that cannot name a server is the user's to fix before the run, not an error of each page's
        url.ifPresent(ServerUrl::parse);
    }

    /** The choice a run makes when told nothing: a container if Docker answers, else the embedded server. */
    public static PostgresSettings defaults() {
        return new PostgresSettings(Backend.AUTO, Optional.empty(), DEFAULT_IMAGE, false, DEFAULT_PULL_TIMEOUT);
    }
}
