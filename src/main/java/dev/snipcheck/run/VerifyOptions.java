package dev.snipcheck.run;

import java.time.Duration;
import java.util.List;

/**
 * How the {@link Verifier} verifies pages: the {@link RunSettings} a front end read, and the class path it chose.
 *
 * @param timeout   per-block time limit when neither the block nor its page sets one
 * @param classpath what snippets compile and run against: snipcheck, its dependencies and the user's classes
 * @param jobs      how many pages run at once, each with worker JVMs of its own
 * @param detectors whether blocks run under the runtime misuse detectors (off only to measure their overhead)
 * @param python    the Python 3 that runs python blocks (it must import psycopg and psycopg_pool)
 * @param passEnv   the names of snipcheck's environment variables that blocks see besides the allowed ones
 */
public record VerifyOptions(Duration timeout, String classpath, int jobs, boolean detectors, String python,
                            List<String> passEnv) {

    public VerifyOptions {
        passEnv = List.copyOf(passEnv);
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
        }
    }
}
