package dev.snipcheck.postgres;

/** Where the PostgreSQL server of a run comes from. */
public enum Backend {
    /** A container when a Docker engine answers, else the embedded server. */
    AUTO,
    /** A container started through Testcontainers, from a configurable image. */
    TESTCONTAINERS,
    /** The embedded server, whose binaries come with snipcheck. */
    EMBEDDED,
    /** A server that runs already, given by URL. */
    EXTERNAL
}
