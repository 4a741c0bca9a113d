package dev.snipcheck.run;

/** The worker JVM did not answer in time and was killed; start a new one to go on. */
final class WorkerTimeoutException extends Exception {

    private final String output;

    /** @param output the last lines the worker printed, the block's own output among them */
    WorkerTimeoutException(String message, String output) {
        super(message);
        this.output = output;
    }

    String output() {
        return output;
    }
}
