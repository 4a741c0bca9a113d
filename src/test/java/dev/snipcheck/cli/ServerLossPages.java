package dev.snipcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Two pages whose second block shuts the PostgreSQL server down, as a crash or a killed container would. */
final class ServerLossPages {

    /** The blocks that must end with reason {@code database}, as "file:line". */
    static final List<String> AFTER_THE_LOSS = List.of("a.md:11", "a.md:21", "a.md:27", "b.md:1", "b.md:5");

    private ServerLossPages() {
    }

    static void write(Path dir) throws IOException {
        // the shell's parent is this session's backend, whose parent is the postmaster; SIGQUIT is an immediate shutdown
        Files.writeString(dir.resolve("a.md"), """
                ---
                snipcheck:
                  mode: sync
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
