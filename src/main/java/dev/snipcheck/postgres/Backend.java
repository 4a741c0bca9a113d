package dev.snipcheck.postgres;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where the PostgreSQL server of a run comes from. */
public enum Backend {
    /** A container when a Docker engine answers, else the embedded server. */
    AUTO,
    /** A container started through Testcontainers, from a configurable image. */
    TESTCONTAINERS,
    /** The embedded server, whose binaries come with snipcheck. */
    EMBEDDED,
    /** A server that runs already, given by URL. */
    EXTERNAL;

    /** How a setting's problem lists the backends. */
    public static final String CHOICES = "auto, testcontainers, embedded, external";

    /** The backend a setting names, in any case and with spaces around it; empty for a name of none. */
    public static Optional<Backend> named(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(backend -> backend.name().equals(wanted)).findFirst();
    }
}
