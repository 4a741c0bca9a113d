package dev.snipcheck.timing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stage times snipcheck prints to stderr with {@code -Dsnipcheck.timings=true}, and only then. */
class TimingsTest {

    @TempDir
    Path dir;

    @Test
    void theRunPrintsTheTimeOfEachStageItWentThrough() throws Exception {
        String err = snipcheck(List.of("-Dsnipcheck.timings=true"));
        assertTrue(err.contains("snipcheck timings: "), err);
        assertTrue(err.matches("(?s).*\\n  01 read and parse pages +\\d+ ms +1×\\n.*"), err);
        assertTrue(err.matches("(?s).*\\n  11 write the report +\\d+ ms +1×\\n.*"), err);
        // no block runs, so no worker starts
        assertFalse(err.contains("worker JVM start"), err);
    }

    @Test
    void withoutThePropertyNothingIsPrinted() throws Exception {
        String err = snipcheck(List.of());
        assertFalse(err.contains("timings"), err);
    }

    /** Runs snipcheck on a page without checked blocks (so that no PostgreSQL starts); returns its stderr. */
    private String snipcheck(List<String> properties) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("page.md"), "# Prose only\n\n```text\nnot checked\n```\n");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(properties);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.snipcheck.cli.Main",
                dir.resolve("page.md").toString()));
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "snipcheck did not end");
        assertEquals(0, process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
        return Files.readString(err, StandardCharsets.UTF_8);
    }
}
