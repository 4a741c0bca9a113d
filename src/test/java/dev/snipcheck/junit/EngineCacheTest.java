package dev.snipcheck.junit;

import dev.snipcheck.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

/** {@code snipcheck.cache}: the engine keeps verdicts where the Maven plugin does, or where it is told, if asked. */
class EngineCacheTest {

    private static final String PAGE =
            "[engine:snipcheck]/[page:src%2Ftest%2Fresources%2Fengine%2Fmore%2Fclasspath.md]";

    @TempDir
    Path dir;

    @Test
    void theParameterNamesADirectoryOrTheSharedDefaultAndIsOffUnlessGiven() {
        assertEquals(Optional.of(Path.of("target/snipcheck-cache").toAbsolutePath()),
                cache(Map.of("snipcheck.cache", "true")));
        assertEquals(Optional.of(dir.resolve("verdicts")),
                cache(Map.of("snipcheck.cache", dir.resolve("verdicts").toString())));
        assertEquals(Optional.empty(), cache(Map.of("snipcheck.cache", "false")));
        assertEquals(Optional.empty(), cache(Map.of()));
    }

    @Test
    void aPageThatPassedIsReportedFromTheCacheTheNextTime() throws IOException {
        Path cache = dir.resolve("cache");
        EngineExecutionResults first = execute(cache);
        List<Path> entries = entries(cache);
        FileTime stored = Files.getLastModifiedTime(entries.get(0));

        EngineExecutionResults second = execute(cache);

        first.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        second.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertEquals(1, entries.size(), entries.toString());
        // a page whose verdicts came from the cache is not stored again
        assertEquals(entries, entries(cache));
        assertEquals(stored, Files.getLastModifiedTime(entries.get(0)));
    }

    private static Optional<Path> cache(Map<String, String> parameters) {
        ConfigurationParameters read = LauncherDiscoveryRequestBuilder.request()
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(parameters)
                .build()
                .getConfigurationParameters();
        return EngineSettings.read(read).cache();
    }

    private static EngineExecutionResults execute(Path cache) {
        return EngineTestKit.engine("snipcheck")
                .configurationParameter(EngineSettings.POSTGRES_URL, TestPostgres.url())
                .configurationParameter(EngineSettings.CACHE, cache.toString())
                .selectors(selectUniqueId(PAGE))
                .execute();
    }

    private static List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("pages"))) {
            return files.sorted().toList();
        }
    }
}
