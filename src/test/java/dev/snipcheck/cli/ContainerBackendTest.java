package dev.snipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snipcheck.TestDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Testcontainers backend, with a real Docker engine and a real PostgreSQL image: skipped, saying why, where
 * there is none (see {@link TestDocker}). Each run starts a container of its own, as a user's run does.
 */
class ContainerBackendTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultRunUsesAContainerWhenDockerAnswersAndRunsRealQueriesInIt() throws Exception {
        String image = TestDocker.image();
        Files.writeString(dir.resolve("sync.md"), """
                ---
                snipcheck:
                  mode: sync
                ---
                ```java
                try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                    s.execute("CREATE TABLE book (id int PRIMARY KEY, title text)");
                    s.execute("INSERT INTO book VALUES (1, 'Dune'), (2, 'Emma')");
                }
                ```

                ```java
                try (var c = dataSource.getConnection(); var s = c.createStatement();
                     var r = s.executeQuery("SELECT string_agg(title, ',' ORDER BY id) FROM book")) {
                    r.next();
                    if (!r.getString(1).equals("Dune,Emma")) {
                        throw new AssertionError(r.getString(1));
                    }
                }
                ```
                """);
        Files.writeString(dir.resolve("async.md"), """
                ```java
                Boolean fresh = Mono.usingWhen(pool.create(),
                        c -> Mono.from(c.createStatement("SELECT to_regclass('book') IS NULL").execute())
                                .flatMap(r -> Mono.from(r.map((row, meta) -> row.get(0, Boolean.class)))),
                        Connection::close).block();
                if (!fresh) {
                    throw new AssertionError("this page's database has the other page's table");
                }
                ```
                """);

        SnipcheckRun run = SnipcheckRun.of(dir, "--format", "json", "--postgres-image", image, "sync.md", "async.md");

        assertEquals(Map.of("sync.md:5", "passed", "sync.md:12", "passed", "async.md:1", "passed"), run.verdicts(), run.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().startsWith("snipcheck: PostgreSQL in a container of " + image + ": a Docker engine answered (API "),
                run.toString());
    }

    @Test
    void anImageThatCannotBePulledIsNamedWithTheWaysToChooseAnother() throws Exception {
        TestDocker.image();
        Files.writeString(dir.resolve("page.md"), "```java\nint x = 1;\n```\n");
        String missing = "snipcheck.invalid/no-such-postgres:1";

        SnipcheckRun run = SnipcheckRun.of(dir, "--postgres=testcontainers", "--postgres-image", missing, "page.md");

        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().startsWith("snipcheck: PostgreSQL unavailable: image " + missing
                + " is not available to Docker and could not be pulled: "), run.toString());
        assertTrue(run.err().contains("hint: choose another image with --postgres-image IMAGE"), run.toString());
        assertTrue(run.err().contains("or start no container with --postgres=embedded"), run.toString());
        // one pull, not Testcontainers' two minutes of retries
        assertTrue(run.millis() < 30_000, run.toString());
    }

    @Test
    void aContainerThatDiesMidRunLeavesEveryRemainingBlockToTheDatabase() throws Exception {
        String image = TestDocker.image();
        ServerLossPages.write(dir);

        SnipcheckRun run = SnipcheckRun.of(dir, "--format", "json", "--postgres=testcontainers", "--postgres-image", image,
                "a.md", "b.md");

        Map<String, String> verdicts = run.verdicts();
        assertEquals("passed", verdicts.get("a.md:5"), run.toString());
        for (String block : ServerLossPages.AFTER_THE_LOSS) {
            assertEquals("failed database", verdicts.get(block), block + "\n" + run);
        }
        assertTrue(run.message("a.md:21").contains("stopped answering"), run.toString());
        assertTrue(run.message("a.md:21").contains("(container "), run.toString());
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.millis() < 40_000, run.toString());
    }
}
