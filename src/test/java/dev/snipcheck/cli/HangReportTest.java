package dev.snipcheck.cli;

import dev.snipcheck.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A block that times out is reported with what it was waiting for, and the next block gets a new worker. */
class HangReportTest {

    @TempDir
    Path dir;

    @Test
    void aHungBlockShowsItsConnectionsTheBackendsAndTheEventLoop() throws Exception {
        Files.writeString(dir.resolve("hang.md"), """
                ```java isolated timeout=6s
                try (java.sql.Connection setup = dataSource.getConnection();
                     java.sql.Statement statement = setup.createStatement()) {
                    statement.execute("create table item (id int primary key)");
                    statement.execute("insert into item values (1)");
                }
                Connection first = Mono.from(pool.create()).block();
                Mono.from(first.beginTransaction()).block();
                Mono.from(first.createStatement("update item set id = 2 where id = 1").execute())
                        .flatMap(result -> Mono.from(result.getRowsUpdated())).block();
                Connection second = Mono.from(pool.create()).block();
                Mono.from(second.createStatement("update item set id = 3 where id = 1").execute())
                        .flatMap(result -> Mono.from(result.getRowsUpdated())).block();
                ```

                ```java isolated
                System.out.println("a new worker");
                ```
                """);
        StringWriter out = new StringWriter();
        int exit = Main.run(new String[] {"--postgres-url", TestPostgres.url(), "--color", "never", "hang.md"},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), dir);
        String report = out.toString();

        assertEquals(1, exit, report);
        assertTrue(report.contains("hang.md:13:9: error[timeout]: did not finish within 6000 ms"), report);
        assertTrue(report.contains("hang.md:7:1: error[timeout]: a connection acquired here was still checked out "
                + "when the block timed out"), report);
        assertTrue(report.contains("hang.md:11:1: error[timeout]: a connection acquired here was still checked out"),
                report);
        assertTrue(report.contains("connections checked out: 2"), report);
        assertTrue(report.matches("(?s).*pid \\d+ idle in transaction .*holding .*RowExclusiveLock on item.*"
                + ": update item set id = 2 where id = 1.*"), report);
        assertTrue(report.matches("(?s).*pid \\d+ active waiting on Lock:transactionid .*\\(waiting\\), blocked by \\{\\d+}"
                + ": update item set id = 3 where id = 1.*"), report);
        assertTrue(report.contains("\"reactor-tcp-epoll-1\""), report);
        assertTrue(report.contains("\"snipcheck-block\""), report);
        assertTrue(report.contains("1 passed, 1 failed"), report);
    }
}
