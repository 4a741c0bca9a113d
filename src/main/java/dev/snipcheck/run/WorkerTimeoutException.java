package dev.snipcheck.run;

/** The worker JVM did not answer in time and was killed; start a new one to go on. */
final class WorkerTimeoutException extends Exception {

    WorkerTimeoutException(String message) {
        super(message);
    }
}
