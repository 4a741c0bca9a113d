package dev.snipcheck.postgres;

/** The PostgreSQL server could not be started, reached, or asked for a database. */
public class DatabaseUnavailableException extends Exception {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseUnavailableException(String message) {
        super(message);
    }
}
