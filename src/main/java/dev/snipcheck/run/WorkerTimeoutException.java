package dev.snipcheck.run;

import dev.snipcheck.protocol.Hang;

/** The worker JVM did not answer in time and was killed; start a new one to go on. */
public final class WorkerTimeoutException extends Exception {

    private final String output;
    private final Hang hang;
    private final String backends;

    /** @param output the last lines the worker printed, the block's own output among them */
    WorkerTimeoutException(String message, String output) {
        this(message, output, null, "");
    }

    /**
     * @param hang     what the block was waiting for, as the worker said before it was killed; null when it did not say
     * @param backends what the database's backends were doing then
     */
    WorkerTimeoutException(String message, String output, Hang hang, String backends) {
        super(message);
        this.output = output;
        this.hang = hang;
        this.backends = backends;
    }

    String output() {
        return output;
    }

    /** What the block was waiting for; null when the worker could not say. */
    Hang hang() {
        return hang;
    }

    /** What the database's backends were running or waiting on when the block timed out, as text; may be empty. */
    String backends() {
        return backends;
    }
}
