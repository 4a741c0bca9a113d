package dev.snipcheck.markdown;

/** The database API family a block demonstrates. */
public enum Mode {
    ASYNC, SYNC
}
