package dev.snipcheck.junit;

import dev.snipcheck.markdown.Durations;
import org.junit.platform.engine.ConfigurationParameters;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The engine's configuration parameters, read at discovery and again at execution. They come from
 * {@code junit-platform.properties}, Surefire's {@code configurationParameters}, {@code @ConfigurationParameter} on a
 * suite, or system properties.
 *
 * @param paths       {@code snipcheck.paths}: comma-separated Markdown files and directories, relative to the working
 *                    directory; the selection of a request without selectors (a {@code @Suite} naming none)
 * @param timeout     {@code snipcheck.timeout}: the time limit of a block that sets none (default 30s)
 * @param postgresUrl {@code snipcheck.postgres.url}: a running PostgreSQL server; else an embedded one is started
 * @param problems    the message for each parameter that could not be read
 */
record EngineSettings(
        List<String> paths, Duration timeout, Optional<String> postgresUrl, Map<String, String> problems) {

    static final String PATHS = "snipcheck.paths";
    static final String TIMEOUT = "snipcheck.timeout";
    static final String POSTGRES_URL = "snipcheck.postgres.url";

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    static EngineSettings read(ConfigurationParameters parameters) {
        Map<String, String> problems = new TreeMap<>();
        List<String> paths = parameters.get(PATHS)
                .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList())
                .orElse(List.of());
        Duration timeout = DEFAULT_TIMEOUT;
        Optional<String> timeoutText = parameters.get(TIMEOUT);
        if (timeoutText.isPresent()) {
            Optional<Duration> parsed = Durations.parse(timeoutText.get());
            if (parsed.isPresent()) {
                timeout = parsed.get();
            } else {
                problems.put(TIMEOUT, TIMEOUT + " is '" + timeoutText.get() + "', not a duration; " + Durations.HINT);
            }
        }
        Optional<String> url = parameters.get(POSTGRES_URL).map(String::strip).filter(u -> !u.isEmpty());
        return new EngineSettings(paths, timeout, url, Map.copyOf(problems));
    }
}
