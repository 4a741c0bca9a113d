package dev.snipcheck.run;

/** The worker JVM ended, or closed its connection, before it answered; start a new one to go on. */
final class WorkerDiedException extends Exception {

    WorkerDiedException(String message) {
        super(message);
    }
}
