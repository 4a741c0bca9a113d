package dev.snipcheck.run;

import dev.snipcheck.protocol.Thrown;

import java.util.List;

/** The worker JVM ended, or closed its connection, before it answered; start a new one to go on. */
public final class WorkerDiedException extends Exception {

    private final String output;
    private final List<Thrown.Frame> exitFrames;

    /** @param output the last lines the worker printed, the block's own output among them */
    WorkerDiedException(String message, String output) {
        this(message, output, List.of());
    }

    /** @param exitFrames where the block called {@code System.exit}, innermost call first; empty when unknown */
    WorkerDiedException(String message, String output, List<Thrown.Frame> exitFrames) {
        super(message);
        this.output = output;
        this.exitFrames = List.copyOf(exitFrames);
    }

    String output() {
        return output;
    }

    /** Where the block's thread was as the JVM exited, innermost call first; empty when no block ran or it halted. */
    List<Thrown.Frame> exitFrames() {
        return exitFrames;
    }
}
