package dev.snipcheck.postgres;

import java.util.Objects;
import java.util.Optional;

/**
 * How a run gets its PostgreSQL server: the front ends map their options onto this record.
 *
 * @param backend where the server comes from; {@link Backend#AUTO} with a URL means {@link Backend#EXTERNAL}
 * @param url     the external server's JDBC or libpq URL, required by and only allowed with an external server
 * @param image   the container image of {@link Backend#TESTCONTAINERS}, any image compatible with the official one
 * @param reuse   keep the container running after the run and use it again in the next one
 */
public record PostgresSettings(Backend backend, Optional<String> url, String image, boolean reuse) {

    /** A current official image; Docker pulls it on first use. */
    public static final String DEFAULT_IMAGE = "postgres:17";

    /** @throws IllegalArgumentException when the URL and the backend contradict each other */
    public PostgresSettings {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(image, "image");
        if (url.isPresent() && backend == Backend.AUTO) {
            backend = Backend.EXTERNAL;
        }
        if (url.isPresent() && backend != Backend.EXTERNAL) {
            throw new IllegalArgumentException("a server URL means an external server, not " + backend.name().toLowerCase());
        }
        if (url.isEmpty() && backend == Backend.EXTERNAL) {
            throw new IllegalArgumentException("an external server needs a URL");
        }
    }

    /** The choice a run makes when told nothing: a container if Docker answers, else the embedded server. */
    public static PostgresSettings defaults() {
        return new PostgresSettings(Backend.AUTO, Optional.empty(), DEFAULT_IMAGE, false);
    }
}
