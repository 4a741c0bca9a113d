package dev.snipcheck.protocol;

import java.util.List;

/**
 * How a block ran in the worker.
 *
 * @param output   what the block printed to System.out and System.err, interleaved as printed
 * @param thrown   what the block threw; null when it returned normally
 * @param millis   how long the block's method ran
 * @param findings the misuses the runtime detectors saw while the block ran
 * @param stdout   what the block printed to System.out alone: what an output block is compared with
 * @param redirections the connections the block opened itself that went to the page's database instead
 */
public record BlockOutcome(String output, Thrown thrown, long millis, List<RuntimeFinding> findings, String stdout,
                           List<Redirection> redirections) implements Reply {
}
