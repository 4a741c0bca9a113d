package dev.snipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snipcheck.TestDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auto} finds a database quickly where Docker answers but cannot pull (nothing is reachable from the machines
 * the tests run on, so a made-up image is as unpullable as {@code postgres:17} is offline), and the container backend
 * fails at once. Each run is a JVM of its own, with the environment a user would have: Ryuk enabled, which a test
 * JVM (run with {@code TESTCONTAINERS_RYUK_DISABLED=true} in CI) could not show.
 */
class AutoFallbackTest {

    private static final String UNPULLABLE = "snipcheck.invalid/no-such-postgres:1";

    @TempDir
    Path dir;

    @BeforeEach
    void page() throws IOException {
        Files.writeString(dir.resolve("good.md"), "```sql\nSELECT 1;\n```\n");
    }

    @Test
    void autoFallsBackToTheEmbeddedServerWhenTheImageCannotBePulledRyukEnabled() throws Exception {
        TestDocker.image();

        Run run = snipcheck(Map.of(), "--postgres-image", UNPULLABLE, "--postgres-pull-timeout", "3s", "good.md");

        assertEquals(0, run.exit, run.toString());
        assertTrue(run.err.contains("snipcheck: image " + UNPULLABLE + " could not be pulled in 3 s: "), run.toString());
        assertTrue(run.err.contains("; using the embedded PostgreSQL\n"), run.toString());
        assertTrue(run.millis < 90_000, run.toString());
        assertNoStackTrace(run);
    }

    @Test
    void theContainerBackendFailsWithinThePullBoundWhenTheImageCannotBePulled() throws Exception {
        TestDocker.image();

        // the default bound, 60 s: Ryuk's pull, which Testcontainers retries for two minutes, must not come first
        Run run = snipcheck(Map.of(), "--postgres=testcontainers", "--postgres-image", UNPULLABLE, "good.md");

        assertEquals(2, run.exit, run.toString());
        assertTrue(run.err.contains("snipcheck: PostgreSQL unavailable: image " + UNPULLABLE
                + " is not available to Docker and could not be pulled: "), run.toString());
        assertTrue(run.err.contains("  hint: choose another image with --postgres-image IMAGE"), run.toString());
        assertTrue(run.millis < 60_000, run.toString());
        assertNoStackTrace(run);
    }

    @Test
    void aDockerHostThatDoesNotAnswerMakesAutoUseTheEmbeddedServerAtOnce() throws Exception {
        TestDocker.image();
        String host = "unix://" + dir.resolve("no-docker.sock");

        Run run = snipcheck(Map.of("DOCKER_HOST", host), "good.md");

        assertEquals(0, run.exit, run.toString());
        assertTrue(run.err.startsWith("snipcheck: embedded PostgreSQL: DOCKER_HOST=" + host + " does not answer ("), run.toString());
        // not the engine at the usual socket, which answers on this machine
        assertFalse(run.err.contains("in a container"), run.toString());
        assertFalse(run.err.contains("waiting for the Docker engine"), run.toString());
        assertNoStackTrace(run);
    }

    @Test
    void aDockerHostThatDoesNotAnswerFailsTheContainerBackendWithTheHint() throws Exception {
        TestDocker.image();
        String host = "tcp://127.0.0.1:9";

        Run run = snipcheck(Map.of("DOCKER_HOST", host), "--postgres=testcontainers", "good.md");

        assertEquals(2, run.exit, run.toString());
        assertTrue(run.err.contains("snipcheck: PostgreSQL unavailable: DOCKER_HOST=" + host + " does not answer ("), run.toString());
        assertTrue(run.err.contains("  hint: start the Docker engine, or point DOCKER_HOST at one that runs"), run.toString());
        assertNoStackTrace(run);
    }

    private static void assertNoStackTrace(Run run) {
        assertFalse(run.err.contains("\tat ") || run.err.contains("Exception"), run.toString());
    }

    private Run snipcheck(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().remove("TESTCONTAINERS_RYUK_DISABLED");
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(150, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Run(process.isAlive() ? -1 : process.exitValue(), Files.readString(dir.resolve("out.txt")),
                Files.readString(dir.resolve("err.txt")), millis);
    }

    private record Run(int exit, String out, String err, long millis) {
        @Override
        public String toString() {
            return "exit " + exit + " after " + millis + " ms\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }
}
