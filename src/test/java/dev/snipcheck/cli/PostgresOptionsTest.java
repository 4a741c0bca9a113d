package dev.snipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snipcheck.postgres.Backend;
import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.PostgresSettings;
import dev.snipcheck.run.ServerFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PostgreSQL options, as the settings they give the launcher; no server is started. */
class PostgresOptionsTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final List<PostgresSettings> asked = new ArrayList<>();

    private int run(String... args) throws Exception {
        Files.writeString(dir.resolve("page.md"), "```java\nint x = 1;\n```\n");
        ServerFactory recording = (settings, notices) -> {
            asked.add(settings);
            throw new DatabaseUnavailableException("not in this test");
        };
        return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err), dir, Terminal.NONE, recording);
    }

    @Test
    void byDefaultAContainerOfTheOfficialImageOrElseTheEmbeddedServer() throws Exception {
        run("page.md");
        assertEquals(List.of(PostgresSettings.defaults()), asked);
        assertEquals(new PostgresSettings(Backend.AUTO, Optional.empty(), "postgres:17", false, PostgresSettings.DEFAULT_PULL_TIMEOUT), asked.get(0));
    }

    @Test
    void theFlagsMapOntoTheSettings() throws Exception {
        run("--postgres=testcontainers", "--postgres-image", "postgres:16-alpine", "--postgres-reuse",
                "--postgres-pull-timeout", "3s", "page.md");
        assertEquals(List.of(new PostgresSettings(Backend.TESTCONTAINERS, Optional.empty(), "postgres:16-alpine", true,
                Duration.ofSeconds(3))), asked);
    }

    @Test
    void aUrlImpliesAnExternalServer() throws Exception {
        run("--postgres-url", "postgresql://me@db.example/docs", "page.md");
        assertEquals(Backend.EXTERNAL, asked.get(0).backend());
    }

    @Test
    void aUrlThatNamesNoServerIsAUsageErrorBeforeAnyPageRuns() throws Exception {
        assertEquals(2, run("--postgres-url", "", "page.md"));
        assertTrue(err.toString().contains("snipcheck: not a PostgreSQL URL (expected jdbc:postgresql://host:port/db"),
                err.toString());
        assertEquals(2, run("--postgres-url", "jdbc:postgresql://db.example:port/docs", "page.md"));
        assertTrue(err.toString().contains("snipcheck: malformed PostgreSQL URL: no host and port in its authority"),
                err.toString());
        assertFalse(err.toString().contains("internal error"), err.toString());
        assertEquals(List.of(), asked);
    }

    @Test
    void contradictionsAreUsageErrors() throws Exception {
        assertEquals(2, run("--postgres=embedded", "--postgres-url", "postgresql://me@db.example/docs", "page.md"));
        assertTrue(err.toString().contains("--postgres-url means --postgres=external, not --postgres=embedded"), err.toString());
        assertEquals(2, run("--postgres=external", "page.md"));
        assertTrue(err.toString().contains("--postgres=external needs --postgres-url URL"), err.toString());
        assertEquals(2, run("--postgres=docker", "page.md"));
        assertTrue(err.toString().contains("expected one of auto, testcontainers, embedded, external, but was 'docker'"), err.toString());
        assertEquals(List.of(), asked);
    }

    @Test
    void aDefectInStartingTheServerEndsTheRunWithItsTraceAndExitThree() throws Exception {
        Files.writeString(dir.resolve("page.md"), "```java\nint x = 1;\n```\n");
        ServerFactory broken = (settings, notices) -> {
            throw new IllegalStateException("a defect of the backend");
        };

        int exit = Main.run(new String[] {"page.md"}, new PrintWriter(new StringWriter()), new PrintWriter(err), dir,
                Terminal.NONE, broken);

        assertEquals(3, exit, err.toString());
        assertTrue(err.toString().contains("snipcheck: internal error, please report it:\n"
                + "java.lang.IllegalStateException: a defect of the backend\n\tat "), err.toString());
        assertFalse(err.toString().contains("PostgreSQL unavailable"), err.toString());
    }
}
