package dev.snipcheck.postgres;

/** No Docker engine can be used: none answers where the user's environment points, or where it usually is. */
public final class DockerUnavailableException extends DatabaseUnavailableException {

    DockerUnavailableException(String message) {
        super(message);
    }
}
