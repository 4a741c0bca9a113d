package dev.snipcheck.junit;

import dev.snipcheck.markdown.Durations;
import dev.snipcheck.postgres.Backend;
import dev.snipcheck.postgres.PostgresSettings;
import dev.snipcheck.run.PostgresOptionNames;
import dev.snipcheck.run.RunSettings;
import dev.snipcheck.run.Shard;
import org.junit.platform.engine.ConfigurationParameters;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The engine's configuration parameters, read at discovery and again at execution. They come from
 * {@code junit-platform.properties}, Surefire's {@code configurationParameters}, {@code @ConfigurationParameter} on a
 * suite, or system properties. A parameter not given has the default of every front end, from {@link RunSettings}.
 *
 * @param paths    {@code snipcheck.paths}: comma-separated Markdown files and directories, relative to the working
 *                 directory; the selection of a request without selectors (a {@code @Suite} naming none)
 * @param run      {@code snipcheck.timeout}: the time limit of a block that sets none; {@code snipcheck.jobs}: how
 *                 many pages run at once; {@code snipcheck.postgres} (auto, testcontainers, embedded or external),
 *                 {@code snipcheck.postgres.url}, {@code snipcheck.postgres.image}, {@code snipcheck.postgres.reuse},
 *                 {@code snipcheck.postgres.pull-timeout}:
 *                 where PostgreSQL comes from, as the command line's {@code --postgres} options say;
 *                 {@code snipcheck.python}: the Python 3 that runs python blocks;
 *                 {@code snipcheck.passEnv}: comma-separated names of environment variables every block sees
 * @param shard    {@code snipcheck.shard}: the part {@code K/N} of the selected pages to run, as {@code --shard}
 * @param cache    {@code snipcheck.cache}: the verdict cache's directory, relative to the working directory;
 *                 {@code true} for {@value RunSettings#DEFAULT_CACHE}, which the Maven plugin shares; off when
 *                 not given or {@code false}
 * @param config   {@code snipcheck.config}: the project config file, relative to the working directory (default:
 *                 its {@code snipcheck.yaml}, when there is one)
 * @param problems the message for each parameter that could not be read
 */
record EngineSettings(List<String> paths, RunSettings run, Shard shard, Optional<Path> cache, Optional<Path> config,
                      Map<String, String> problems) {

    static final String PATHS = "snipcheck.paths";
    static final String TIMEOUT = "snipcheck.timeout";
    static final String POSTGRES = "snipcheck.postgres";
    static final String POSTGRES_URL = "snipcheck.postgres.url";
    static final String POSTGRES_IMAGE = "snipcheck.postgres.image";
    static final String POSTGRES_REUSE = "snipcheck.postgres.reuse";
    static final String POSTGRES_PULL_TIMEOUT = "snipcheck.postgres.pull-timeout";
    static final String JOBS = "snipcheck.jobs";
    static final String PASS_ENV = "snipcheck.passEnv";
    static final String SHARD = "snipcheck.shard";
    /** How hints name the PostgreSQL parameters. */
    static final PostgresOptionNames POSTGRES_NAMES = new PostgresOptionNames(POSTGRES, POSTGRES_URL, POSTGRES_IMAGE);
    static final String PYTHON = "snipcheck.python";
    static final String CACHE = "snipcheck.cache";
    static final String CONFIG = "snipcheck.config";

    static EngineSettings read(ConfigurationParameters parameters) {
        RunSettings defaults = RunSettings.defaults();
        Map<String, String> problems = new TreeMap<>();
        List<String> paths = list(parameters, PATHS);
        Duration timeout = duration(parameters, TIMEOUT, defaults.timeout(), problems);
        String python = parameters.get(PYTHON).map(String::strip).filter(p -> !p.isEmpty())
                .orElse(defaults.python());
        RunSettings run = new RunSettings(timeout, jobs(parameters, problems, defaults.jobs()),
                postgres(parameters, problems, defaults.postgres()), defaults.detectors(), python,
                list(parameters, PASS_ENV));
        Optional<Path> config = parameters.get(CONFIG).map(String::strip).filter(c -> !c.isEmpty()).map(Path::of);
        return new EngineSettings(paths, run, shard(parameters, problems), cache(parameters, problems), config,
                Map.copyOf(problems));
    }

    private static Shard shard(ConfigurationParameters parameters, Map<String, String> problems) {
        Optional<String> text = parameters.get(SHARD);
        Optional<Shard> shard = text.flatMap(Shard::parse);
        if (text.isPresent() && shard.isEmpty()) {
            problems.put(SHARD, SHARD + " is '" + text.get().strip() + "'; expected " + Shard.SYNTAX);
        }
        return shard.orElse(Shard.ALL);
    }

    private static Optional<Path> cache(ConfigurationParameters parameters, Map<String, String> problems) {
        Optional<String> text = parameters.get(CACHE).map(String::strip).filter(c -> !c.isEmpty());
        if (text.isEmpty() || text.get().equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text.get().equalsIgnoreCase("true") ? RunSettings.DEFAULT_CACHE : text.get())
                    .toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            problems.put(CACHE, CACHE + " is '" + text.get() + "', not a directory; write true, false or a path");
            return Optional.empty();
        }
    }

    /** A comma-separated parameter's items; none when it is not given. */
    private static List<String> list(ConfigurationParameters parameters, String key) {
        return parameters.get(key)
                .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList())
                .orElse(List.of());
    }

    private static PostgresSettings postgres(ConfigurationParameters parameters, Map<String, String> problems,
                                             PostgresSettings defaults) {
        Optional<String> url = parameters.get(POSTGRES_URL).map(String::strip).filter(u -> !u.isEmpty());
        Backend backend = defaults.backend();
        Optional<String> backendText = parameters.get(POSTGRES).map(String::strip);
        if (backendText.isPresent()) {
            Optional<Backend> parsed = Backend.named(backendText.get());
            if (parsed.isPresent()) {
                backend = parsed.get();
            } else {
                problems.put(POSTGRES, POSTGRES + " is '" + backendText.get()
                        + "'; expected one of " + Backend.CHOICES);
            }
        }
        String image = parameters.get(POSTGRES_IMAGE).map(String::strip).filter(i -> !i.isEmpty())
                .orElse(defaults.image());
        boolean reuse = parameters.getBoolean(POSTGRES_REUSE).orElse(defaults.reuse());
        Duration pullTimeout = duration(parameters, POSTGRES_PULL_TIMEOUT, defaults.pullTimeout(), problems);
        try {
            return new PostgresSettings(backend, url, image, reuse, pullTimeout);
        } catch (IllegalArgumentException e) {
            problems.put(POSTGRES, POSTGRES + " and " + POSTGRES_URL + " contradict each other: " + e.getMessage());
            return defaults;
        }
    }

    private static Duration duration(ConfigurationParameters parameters, String name, Duration fallback,
                                     Map<String, String> problems) {
        Optional<String> text = parameters.get(name);
        if (text.isEmpty()) {
            return fallback;
        }
        Optional<Duration> parsed = Durations.parse(text.get());
        if (parsed.isEmpty()) {
            problems.put(name, name + " is '" + text.get() + "', not a duration; " + Durations.HINT);
        }
        return parsed.orElse(fallback);
    }

    private static int jobs(ConfigurationParameters parameters, Map<String, String> problems, int byDefault) {
        Optional<String> text = parameters.get(JOBS);
        Optional<Integer> jobs = text.flatMap(RunSettings::parseJobs);
        if (text.isPresent() && jobs.isEmpty()) {
            problems.put(JOBS, JOBS + " is '" + text.get().strip() + "', not a number of pages of at least 1");
        }
        return jobs.orElse(byDefault);
    }
}
