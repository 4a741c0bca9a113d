package dev.snipcheck.run;

import java.time.Duration;

/**
 * How a run verifies its pages.
 *
 * @param timeout   per-block time limit when neither the block nor its page sets one
 * @param classpath what snippets compile and run against: snipcheck, its dependencies and the user's classes
 * @param detectors whether blocks run under the runtime misuse detectors (off only to measure their overhead)
 */
public record VerifyOptions(Duration timeout, String classpath, boolean detectors) {

    public VerifyOptions(Duration timeout, String classpath) {
        this(timeout, classpath, true);
    }

    public static VerifyOptions defaults() {
        return new VerifyOptions(Duration.ofSeconds(30), System.getProperty("java.class.path"));
    }
}
