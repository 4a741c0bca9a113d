package dev.snipcheck.run;

import dev.snipcheck.markdown.Durations;
import dev.snipcheck.postgres.PostgresSettings;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a user sets for a run, whichever front end reads it (the command line's options, the JUnit engine's
 * configuration parameters), and the one default of each setting.
 *
 * @param timeout   the time limit of a block that sets none itself
 * @param jobs      how many pages run at once, each with its own database and worker JVMs
 * @param postgres  where PostgreSQL comes from
 * @param detectors whether blocks run under the runtime misuse detectors (off only to measure their overhead)
 * @param python    the Python 3 that runs python blocks (it must import psycopg and psycopg_pool)
 * @param passEnv   the names of snipcheck's environment variables that every block sees besides the few a JVM
 *                  needs (PATH, HOME, LANG, LC_*, TZ, TMPDIR, JAVA_HOME): none unless the user passes them
 */
public record RunSettings(Duration timeout, int jobs, PostgresSettings postgres, boolean detectors, String python,
                          List<String> passEnv) {

    public RunSettings {
        passEnv = List.copyOf(passEnv);
    }

    /** The time limit of a block that sets none, spelled as help texts show it (picocli needs a constant). */
    public static final String DEFAULT_TIMEOUT = "30s";
    /**
     * Where the JUnit engine and the Maven plugin keep the verdict cache when told {@code true}, relative to the
     * working directory or project: in the build's output, which {@code mvn clean} empties and version control ignores.
     */
    public static final String DEFAULT_CACHE = "target/snipcheck-cache";
    /** The Python of python blocks when a run names none: {@code python3} on the PATH. */
    public static final String DEFAULT_PYTHON = "python3";

    /** What a run does when told nothing. */
    public static RunSettings defaults() {
        return new RunSettings(Durations.parse(DEFAULT_TIMEOUT).orElseThrow(), defaultJobs(),
                PostgresSettings.defaults(), true, DEFAULT_PYTHON, List.of());
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

    VerifyOptions verifyOptions(String classpath) {
        return new VerifyOptions(timeout, classpath, jobs, detectors, python, passEnv);
    }
}
