package dev.snipcheck.cli;

import dev.snipcheck.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text report of a block that fails for a misuse, as its author reads it. */
class MisuseReportTest {

    @TempDir
    Path dir;

    /** The text report of a page that must fail. */
    private String failingReport(String markdown) throws Exception {
        Files.writeString(dir.resolve("page.md"), markdown);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.run(new String[] {"--postgres-url", TestPostgres.url(), "page.md"},
                new PrintWriter(out, true), new PrintWriter(err, true), dir);

        assertEquals(1, exit, err.toString());
        return out.toString();
    }

    @Test
    void anExceptionThatAnUndeclaredMisuseExplainsPointsBackAtTheMisuse() throws Exception {
        String report = failingReport("""
                # Blocking

                ```java
                Flux.usingWhen(pool.create(),
                        connection -> Flux.from(connection.createStatement("SELECT 1").execute())
                                .flatMap(result -> result.map(row -> row.get(0, Integer.class)))
                                .map(n -> Mono.just(n).delayElement(Duration.ofMillis(1)).block()),
                        Connection::close)
                    .blockLast();
                ```
                """);

        assertTrue(report.contains("page.md:7:75: error[blocking-in-event-loop]: `block()` blocks inside the callback"),
                report);
        assertTrue(report.contains("threw java.lang.IllegalStateException: block()/blockFirst()/blockLast() are blocking"),
                report);
        assertTrue(report.contains("= hint: thrown because of the `blocking-in-event-loop` misuse on this line: "
                + "fix the misuse, and the exception goes away"), report);
        assertFalse(report.contains("mark it `fails="), report);
    }

    @Test
    void aRuleIdSeparatedFromMisuseByACommaIsPointedOut() throws Exception {
        String report = failingReport("""
                # Fire and forget

                ```java no_run misuse=unsubscribed-publisher,unjoined-subscribe
                Mono.from(pool.create()).subscribe(connection ->
                    connection.createStatement("SELECT 1").execute());
                ```
                """);

        assertTrue(report.contains("page.md:4:26: error[unjoined-subscribe]: `subscribe()` starts database work"), report);
        assertTrue(report.contains("= hint: `unjoined-subscribe` stands alone in the info string, so it is not declared: "
                + "join the rule ids of `misuse=` with `+`, as in "
                + "`misuse=unsubscribed-publisher+unjoined-subscribe`"), report);
    }

    @Test
    void theHintOfABlockInTheMiddleOfAsyncCodeSaysWhereBlockingIsFine() throws Exception {
        // the contract: block() in a top-level statement is fine, in an operator's argument it is not
        String report = failingReport("""
                ```java async no_run
                Integer one = Mono.just(1).block();
                Integer two = Mono.just(1).then(Mono.just(Flux.range(1, 3).blockLast())).block();
                ```
                """);

        assertTrue(report.contains("page.md:3:60: error[sync-api-in-async]: `blockLast()` waits in the middle of a "
                + "pipeline (in an argument of `just()`), in code declared async"), report);
        assertTrue(report.contains("= hint: keep the code a pipeline (`flatMap`, `then`, `usingWhen`), and block only "
                + "in a top-level statement of the block, such as `T value = mono.block();`"), report);
    }
}
