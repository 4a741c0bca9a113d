package dev.snipcheck.run;

import java.time.Duration;
import java.util.Optional;

/**
 * How a run verifies its pages.
 *
 * @param timeout   per-block time limit when neither the block nor its page sets one
 * @param classpath what snippets compile and run against: snipcheck, its dependencies and the user's classes
 * @param jobs      how many pages run at once, each with worker JVMs of its own
 * @param detectors whether blocks run under the runtime misuse detectors (off only to measure their overhead)
 * @param python    the Python 3 that runs python blocks (it must import psycopg and psycopg_pool)
 */
public record VerifyOptions(Duration timeout, String classpath, int jobs, boolean detectors, String python) {

    /** The Python of python blocks when a run names none: {@code python3} on the PATH. */
    public static final String DEFAULT_PYTHON = "python3";

    public VerifyOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
        }
    }

    /** With the runtime detectors. */
    public VerifyOptions(Duration timeout, String classpath, int jobs) {
        this(timeout, classpath, jobs, true, DEFAULT_PYTHON);
    }

    /** One page at a time per core, with the runtime detectors. */
    public VerifyOptions(Duration timeout, String classpath) {
        this(timeout, classpath, defaultJobs());
    }

    /** Pages at once when a run says nothing: one per core. */
    public static int defaultJobs() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** A number of pages at once as the front ends take it: a whole number of at least 1, else empty. */
    public static Optional<Integer> parseJobs(String text) {
        try {
            int jobs = Integer.parseInt(text.strip());
            return jobs >= 1 ? Optional.of(jobs) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static VerifyOptions defaults() {
        return new VerifyOptions(Duration.ofSeconds(30), System.getProperty("java.class.path"));
    }
}
