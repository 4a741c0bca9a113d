package dev.snipcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real headless Chromium (Debian's {@code chromium}) for the tests of the HTML report. Without it those tests are
 * skipped, saying why; with {@code SNIPCHECK_REQUIRE_CHROMIUM=1}, as CI sets once it has installed it, they fail.
 */
public final class TestChromium {

    private final Path executable;

    private TestChromium(Path executable) {
        this.executable = executable;
    }

    /** The browser, once it is known to be there; skips or fails the test otherwise. */
    public static TestChromium get() {
        Optional<Path> found = onPath("chromium");
        if (found.isEmpty()) {
            String why = "no chromium on the PATH, so the HTML report is not tested in a browser"
                    + " (apt-get install chromium)";
            if ("1".equals(System.getenv("SNIPCHECK_REQUIRE_CHROMIUM"))) {
                fail("SNIPCHECK_REQUIRE_CHROMIUM=1, but " + why);
            }
            System.err.println("Chromium tests skipped: " + why
                    + " (CI sets SNIPCHECK_REQUIRE_CHROMIUM=1, which makes this a failure)");
            assumeTrue(false, why);
        }
        return new TestChromium(found.get());
    }

    /** The DOM of a file once Chromium has parsed and laid it out, serialized. */
    public String dumpDom(Path file) throws IOException, InterruptedException {
        return run("--dump-dom", file.toUri().toString());
    }

    /** Saves what a person at a 1200x900 window sees of a file as a PNG. */
    public void screenshot(Path file, Path png) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        run("--screenshot=" + png.toAbsolutePath(), "--window-size=1200,900", file.toUri().toString());
        assertTrue(Files.size(png) > 0, "chromium wrote no screenshot to " + png);
    }

    private String run(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("snipcheck-chromium");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + profile));
        // Chromium's sandbox refuses to run as root, which CI's container is
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--no-sandbox");
        }
        command.addAll(List.of(args));
        Path log = profile.resolve("chromium.log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish within 60 s: " + command);
        }
        assertEquals(0, process.exitValue(), () -> "chromium failed: " + command + "\n" + read(log));
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
