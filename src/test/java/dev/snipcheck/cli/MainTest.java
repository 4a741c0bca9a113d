package dev.snipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snipcheck.run.RunSettings;
import dev.snipcheck.run.ServerFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

    /** Usage errors are found before any database is needed: starting one is a bug. */
    private static final ServerFactory NO_SERVER = (settings, notices) -> {
        throw new AssertionError("PostgreSQL must not be started");
    };

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err), dir, Terminal.NONE, NO_SERVER);
    }

    @Test
    void missingPathIsAUsageErrorNamingThePath() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# hi\n");
        assertEquals(2, run("README.md", "docs/missing.md"));
        assertTrue(err.toString().contains("no such file or directory: docs/missing.md"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void noPathAndNoDefaultsIsAUsageError() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("neither README.md nor docs/ exists"), err.toString());
    }

    @Test
    void badTimeoutIsAUsageError() {
        assertEquals(2, run("--timeout", "soon", "README.md"));
        assertTrue(err.toString().contains("Invalid value for option '--timeout'"), err.toString());
        assertTrue(err.toString().contains("but was 'soon'"), err.toString());
    }

    @Test
    void zeroTimeoutIsAUsageError() {
        assertEquals(2, run("--timeout=0s"));
        assertTrue(err.toString().contains("'--timeout'"), err.toString());
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertEquals(2, run("--format", "xml"));
        assertTrue(err.toString().contains("Invalid value for option '--format': expected one of text, json, sarif,"
                + " github, junit, but was 'xml'"), err.toString());
    }

    @Test
    void unknownColorIsAUsageError() {
        assertEquals(2, run("--color=sometimes"));
        assertTrue(err.toString().contains("expected one of auto, always, never"), err.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run("--fromat", "json"));
        assertTrue(err.toString().contains("Unknown option: '--fromat'"), err.toString());
        assertTrue(err.toString().contains("snipcheck --help"), err.toString());
    }

    @Test
    void helpGoesToStdout() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().startsWith("Usage: snipcheck"), out.toString());
        assertTrue(out.toString().contains("--postgres-url"), out.toString());
        assertTrue(out.toString().contains("default: 30s"), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void versionGoesToStdout() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("snipcheck "), out.toString());
    }

    @Test
    void unwritableOutputIsReportedBeforeAnyServerStarts() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# hi\n");
        assertEquals(2, run("--output", "no/such/dir/report.json", "README.md"));
        assertTrue(err.toString().contains("cannot write the report to no/such/dir/report.json: its directory does "
                + "not exist"), err.toString());
        assertFalse(Files.exists(dir.resolve("no")));
    }

    @Test
    void aDirectoryWithoutMarkdownFilesChecksNothingAndStartsNoServer() throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        assertEquals(0, run("docs"), err.toString());
        assertEquals("0 passed, 0 failed, 0 skipped, 0 not run, 0 not checked", out.toString().strip());
    }

    @Test
    void optionsNotGivenHaveTheDefaultsOfEveryFrontEnd() {
        Options options = new Options();
        new CommandLine(options).parseArgs("README.md");
        assertEquals(RunSettings.defaults(), options.runSettings());
    }

    @Test
    void reportNeedsAFormatAndAFile() {
        assertEquals(2, run("--report", "snipcheck.sarif"));
        assertTrue(err.toString().contains("Invalid value for option '--report' (FORMAT=FILE): expected a format and a "
                + "file such as sarif=snipcheck.sarif, but was 'snipcheck.sarif'"), err.toString());
    }

    @Test
    void unknownReportFormatIsAUsageError() {
        assertEquals(2, run("--report", "html=site/index.html"));
        assertTrue(err.toString().contains("expected one of text, json, sarif, github, junit, but was 'html'"),
                err.toString());
    }

    @Test
    void twoReportsToOneFileIsAUsageError() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# hi\n");
        assertEquals(2, run("--output", "out.txt", "--report", "junit=./out.txt", "README.md"));
        assertTrue(err.toString().contains("two reports would be written to ./out.txt"), err.toString());
    }

    @Test
    void unwritableReportFileIsReportedBeforeAnyServerStarts() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# hi\n");
        assertEquals(2, run("--report", "sarif=no/such/dir/snipcheck.sarif", "README.md"));
        assertTrue(err.toString().contains("cannot write the report to no/such/dir/snipcheck.sarif: its directory "
                + "does not exist"), err.toString());
    }

    @Test
    void watchPrintsTextOnly() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# hi\n");
        assertEquals(2, run("--watch", "--report", "junit=out.xml", "README.md"));
        assertTrue(err.toString().contains("cannot be combined with another --format, --output or --report"),
                err.toString());
    }

    @Test
    void reportsOfAPageWithoutCheckedBlocksAreWrittenToo() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# hi\n\n```sh\nls\n```\n");
        assertEquals(0, run("--format", "github", "--report", "junit=out.xml", "--report", "sarif=out.sarif",
                "README.md"), err.toString());
        assertEquals("0 passed, 0 failed, 0 skipped, 0 not run, 1 not checked\n", out.toString());
        assertTrue(Files.readString(dir.resolve("out.xml")).contains("<testsuite name=\"README.md\" tests=\"0\""),
                Files.readString(dir.resolve("out.xml")));
        assertTrue(Files.readString(dir.resolve("out.sarif")).contains("\"results\": []"));
    }
}
