package dev.snipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snipcheck.TestDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.TestcontainersConfiguration;
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
        // after "waiting for ..." lines, where the engine was slow to answer
        assertTrue(run.err().replaceAll("snipcheck: waiting for [^\n]*\n", "")
                        .startsWith("snipcheck: PostgreSQL in a container of " + image + ": a Docker engine answered (API "),
                run.toString());
    }

    @Test
    void reuseKeepsTheContainerForTheNextRunWhereTestcontainersAllowsIt() throws Exception {
        String image = TestDocker.image();
        Files.writeString(dir.resolve("page.md"), """
                ```java
                try (var c = java.sql.DriverManager.getConnection(jdbcUrl); var s = c.createStatement()) {
                    s.execute("CREATE TABLE kept (x int)");
                }
                ```
                """);
        SnipcheckRun first = SnipcheckRun.of(dir, "-v", "--postgres=testcontainers", "--postgres-image", image, "--postgres-reuse", "page.md");
        assertEquals(0, first.exit(), first.toString());
        if (!TestcontainersConfiguration.getInstance().environmentSupportsReuse()) {
            assertTrue(first.err().contains("snipcheck: container reuse is off in Testcontainers' configuration"
                    + " (set TESTCONTAINERS_REUSE_ENABLE=true"), first.toString());
            return;
        }
        try {
            String address = first.out().replaceFirst("(?s).*in a container of " + Pattern.quote(image) + " at (\\S+), kept for the next run.*", "$1");
            assertTrue(address.matches("[^ ]+:\\d+"), first.toString());

            // auto: a kept container is taken up before Docker is even asked; the page's database is fresh all the same
            SnipcheckRun second = SnipcheckRun.of(dir, "-v", "--postgres-image", image, "--postgres-reuse", "page.md");

            assertEquals(0, second.exit(), second.toString());
            assertTrue(second.err().startsWith("snipcheck: PostgreSQL in the container of " + image + " that an earlier run kept"),
                    second.toString());
            assertTrue(second.out().contains(" at " + address + ", kept for the next run"), second.toString());
        } finally {
            DockerClient docker = DockerClientFactory.instance().client();
            for (Container kept : docker.listContainersCmd().withLabelFilter(Map.of("dev.snipcheck", "postgres")).exec()) {
                if (kept.getLabels().containsKey("org.testcontainers.hash")) {
                    docker.removeContainerCmd(kept.getId()).withForce(true).exec();
                }
            }
        }
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

        // one page at a time, so that every block of b.md comes after the loss
        SnipcheckRun run = SnipcheckRun.of(dir, "--format", "json", "--postgres=testcontainers", "--postgres-image", image,
                "--jobs", "1", "a.md", "b.md");

        ServerLossPages.assertLost(run, 40_000);
        assertTrue(run.message("a.md:21").contains("; container "), run.toString());
    }
}
