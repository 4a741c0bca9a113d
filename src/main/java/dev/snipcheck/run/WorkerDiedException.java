package dev.snipcheck.run;

/** The worker JVM ended, or closed its connection, before it answered; start a new one to go on. */
public final class WorkerDiedException extends Exception {

    private final String output;

    /** @param output the last lines the worker printed, the block's own output among them */
    WorkerDiedException(String message, String output) {
        super(message);
        this.output = output;
    }

    String output() {
        return output;
    }
}
