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
        String read = line(err, "01 read and parse pages");
        String report = line(err, "11 write the report");
        assertTrue(read.matches(" +\\d+ ms +1× +\\d+ \\.\\. +\\d+ ms"), read);
        assertTrue(report.matches(" +\\d+ ms +1× +\\d+ \\.\\. +\\d+ ms"), report);
        // the report is written after the pages are read: the stretches say when each stage ran
        assertTrue(stretch(report)[0] >= stretch(read)[1], read + " / " + report);
        // no block runs, so no worker starts
        assertFalse(err.contains("worker JVM start"), err);
    }

    @Test
    void withoutThePropertyNothingIsPrinted() throws Exception {
        String err = snipcheck(List.of());
        assertFalse(err.contains("timings"), err);
    }

    /** What the stage's line says after its name. */
    private static String line(String err, String stage) {
        return err.lines().filter(l -> l.startsWith("  " + stage + " ")).findFirst()
                .map(l -> l.substring(stage.length() + 2)).orElseThrow(() -> new AssertionError(stage + ": " + err));
    }

    /** The first start and last end a stage's line gives, in ms since the JVM started. */
    private static long[] stretch(String line) {
        String[] parts = line.trim().split(" +");
        return new long[] {Long.parseLong(parts[3]), Long.parseLong(parts[5])};
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
