package dev.snipcheck.run;

import java.io.Serializable;

/**
 * How a block ran in the worker.
 *
 * @param output what the block printed to System.out and System.err, interleaved as printed
 * @param thrown what the block threw; null when it returned normally
 * @param millis how long the block's method ran
 */
record BlockOutcome(String output, Thrown thrown, long millis) implements Serializable {
}
