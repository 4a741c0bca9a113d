package dev.snipcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two pages whose second block shuts the PostgreSQL server down, as a crash or a killed container would. */
final class ServerLossPages {

    /** The blocks that must end with reason {@code database}, as "file:line". */
    private static final List<String> AFTER_THE_LOSS = List.of("a.md:11", "a.md:21", "a.md:27", "b.md:1", "b.md:5");

    private ServerLossPages() {
    }

    /**
     * Asserts what the user must see: the block before the loss passed, every block from the loss on failed with
     * reason database saying that the server stopped answering, the run exited with 2, and it did not wait on the dead
     * server (one pass of the kill loop is 50 ms; a run that waited would take a block timeout, 30 s, or more).
     */
    static void assertLost(SnipcheckRun run, long withinMillis) throws IOException {
        Map<String, String> verdicts = run.verdicts();
        assertEquals("passed", verdicts.get("a.md:5"), run.toString());
        for (String block : AFTER_THE_LOSS) {
            assertEquals("failed database", verdicts.get(block), block + "\n" + run);
        }
        assertTrue(run.message("a.md:21").contains("stopped answering"), run.toString());
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("snipcheck: PostgreSQL unavailable: PostgreSQL at "), run.toString());
        assertTrue(run.millis() < withinMillis, run.toString());
    }

    static void write(Path dir) throws IOException {
        // the shell's parent is this session's backend, whose parent is the postmaster; SIGQUIT is an immediate shutdown
        Files.writeString(dir.resolve("a.md"), """
                ---
                snipcheck:
                  {mode: sync, superuser: "shuts the server down with COPY TO PROGRAM"}
                ---
                ```java
                try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                    s.execute("CREATE TABLE t (x int)");
                }
                ```

                ```java
                try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                    s.execute("COPY (SELECT 1) TO PROGRAM 'kill -QUIT $(cut -d\\" \\" -f4 /proc/$PPID/stat)'");
                    for (int i = 0; i < 100; i++) {
                        s.execute("SELECT 1");
                        Thread.sleep(50);
                    }
                }
                ```

                ```java
                try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                    s.execute("INSERT INTO t VALUES (1)");
                }
                ```

                ```java isolated
                System.out.println("no database, no run");
                ```
                """);
        Files.writeString(dir.resolve("b.md"), """
                ```java
                int answer = 42;
                ```

                ```java
                System.out.println(answer);
                ```
                """);
    }
}
