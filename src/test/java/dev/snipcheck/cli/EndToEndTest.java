package dev.snipcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snipcheck.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole tool, in-process, on pages written for each case: what a user sees in the report. */
class EndToEndTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run snipcheck(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--postgres-url";
        all[1] = TestPostgres.url();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true), dir);
        return new Run(exit, out.toString(), err.toString());
    }

    /** JSON blocks by "file:line". */
    private Map<String, JsonNode> blocks(Run run) throws Exception {
        Map<String, JsonNode> byLine = new LinkedHashMap<>();
        for (JsonNode block : new ObjectMapper().readTree(run.out()).get("blocks")) {
            byLine.put(block.get("file").asText() + ":" + block.get("line").asInt(), block);
        }
        return byLine;
    }

    private static String where(JsonNode block) {
        JsonNode position = block.get("position");
        return block.get("verdict").asText() + " " + (block.has("reason") ? block.get("reason").asText() : "-")
                + (position == null ? "" : " " + position.get("line").asInt() + ":" + position.get("column").asInt());
    }

    @Test
    void compileErrorsAndTimeoutAreReportedAtTheirMarkdownLines() throws Exception {
        Files.writeString(dir.resolve("page.md"), """
                # A page

                ```java
                int half(int n) {
                    return 10 / n;
                }
                ```

                1. A list item:

                   ```java isolated
                   String name = 42;
                   ```

                ```java isolated
                System.out.println("before");
                int x = half(0);
                ```

                > ```java isolated, timeout=1s
                > while (true) { Thread.onSpinWait(); }
                > ```
                """);
        Run run = snipcheck("--format", "json", "page.md");
        Map<String, JsonNode> blocks = blocks(run);
        assertEquals(1, run.exit(), run.out() + run.err());
        assertEquals("passed -", where(blocks.get("page.md:3")));
        assertEquals("failed compile 12:18", where(blocks.get("page.md:11")), blocks.get("page.md:11").toString());
        // isolated: it sees nothing of the session, so half() is unknown there
        assertEquals("failed compile 17:9", where(blocks.get("page.md:15")), blocks.get("page.md:15").toString());
        assertEquals("failed timeout 21:3", where(blocks.get("page.md:20")), blocks.get("page.md:20").toString());
    }

    @Test
    void exceptionIsReportedAtTheDeepestSnippetFrame() throws Exception {
        Files.writeString(dir.resolve("page.md"), """
                ```java
                int half(int n) {
                    return 10 / n;
                }
                ```

                ```java
                System.out.println("before");
                int x = half(0);
                ```
                """);
        Run run = snipcheck("page.md");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("""
                page.md:3:5: error[exception]: threw java.lang.ArithmeticException: / by zero
                 3 |     return 10 / n;
                   |     ^
                """), run.out());
        assertTrue(run.out().contains("before"), "the block's output is shown: " + run.out());
        assertTrue(run.out().contains("at page.md:9"), "the trace names the calling line: " + run.out());
        assertTrue(run.out().contains("1 passed, 1 failed, 0 skipped, 0 not run, 0 not checked"), run.out());
    }

    @Test
    void misusesAreReportedCompilerStyleAtTheOffendingCallUnlessDeclaredOrAllowed() throws Exception {
        Files.writeString(dir.resolve("page.md"), """
                ---
                snipcheck:
                  allow:
                    unjoined-subscribe: "shows fire-and-forget"
                ---
                ```java misuse=blocking-in-event-loop
                Mono.just(1).publishOn(Schedulers.parallel()).map(n -> Mono.just(n).block()).block();
                ```

                ```java no_run
                Mono.from(pool.create()).flatMap(c -> Mono.from(c.close())).subscribe();
                ```

                - an undeclared misuse:

                  ```java
                  Connection connection = Mono.from(pool.create()).block();
                  connection.close();
                  ```
                """);
        Run run = snipcheck("page.md");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertEquals("""
                page.md:11:61: note[unjoined-subscribe]: `subscribe()` starts database work, and nothing in the \
                block waits for it: it is still in flight when the block ends (allowed on this page: shows fire-and-forget)
                page.md:18:14: error[unsubscribed-publisher]: the Publisher returned by `close()` is dropped: nothing \
                subscribes to it, so it never runs
                 18 |   connection.close();
                    |              ^
                    = hint: a Publisher does nothing until subscribed: chain it into the pipeline (`flatMap`, `then`, \
                `usingWhen`), return it, or, at the top level of a block, end the statement with `.block()`
                page.md:17:14: error[connection-leak]: the connection acquired here was never given back to the pool
                 17 |   Connection connection = Mono.from(pool.create()).block();
                    |              ^
                    = hint: close the connection when done, e.g. with `Mono.usingWhen(pool.create(), c -> ..., \
                Connection::close)`

                2 passed, 1 failed, 0 skipped, 0 not run, 0 not checked
                """, run.out());
    }

    @Test
    void blockThatExitsTheJvmCostsOnlyItself() throws Exception {
        Files.writeString(dir.resolve("a.md"), """
                ```java
                var table = "kept";
                ```

                ```java isolated
                System.exit(3);
                ```

                ```java isolated
                System.out.println("isolated still runs");
                ```

                ```java
                if (!"kept".equals(table)) throw new AssertionError("session state lost: " + table);
                ```
                """);
        Files.writeString(dir.resolve("b.md"), """
                ```java
                System.out.println("next page runs");
                ```
                """);
        Run run = snipcheck("--format", "json", "a.md", "b.md");
        Map<String, JsonNode> blocks = blocks(run);
        assertEquals(1, run.exit());
        assertEquals("failed exception 6:1", where(blocks.get("a.md:5")));
        assertTrue(blocks.get("a.md:5").get("message").asText().contains("exited with status 3"), run.out());
        assertEquals("passed -", where(blocks.get("a.md:9")));
        // isolated blocks run in a JVM of their own: the session's state outlives the exit
        assertEquals("passed -", where(blocks.get("a.md:13")), run.out());
        assertEquals("passed -", where(blocks.get("b.md:1")));
    }

    @Test
    void whatABlockPrintedIsShownWhenItHangsOrExits() throws Exception {
        Files.writeString(dir.resolve("page.md"), """
                ```java isolated, timeout=1s
                System.out.println("printed before hanging");
                while (true) { Thread.onSpinWait(); }
                ```

                ```java isolated
                System.out.println("printed before exiting");
                System.exit(4);
                ```
                """);
        Map<String, JsonNode> blocks = blocks(snipcheck("--format", "json", "page.md"));
        assertEquals("failed timeout 3:1", where(blocks.get("page.md:1")));
        assertTrue(blocks.get("page.md:1").get("output").asText().contains("printed before hanging"),
                blocks.get("page.md:1").toString());
        assertTrue(blocks.get("page.md:6").get("output").asText().contains("printed before exiting"),
                blocks.get("page.md:6").toString());
    }

    @Test
    void compilationUnitsRunMainOnlyWhenTheyHaveOneAndMayDeclareAPackage() throws Exception {
        Files.writeString(dir.resolve("page.md"), """
                ```java
                public class Greeter {
                    static String greet(String name) { return "hello " + name; }
                }
                ```

                ```java
                package com.example.docs;

                public class Main {
                    public static void main(String[] args) {
                        System.out.println("in a package");
                        throw new IllegalStateException("from main");
                    }
                }
                ```

                ```java
                String s = null;
                s.length();
                ```
                """);
        Run run = snipcheck("--format", "json", "page.md");
        Map<String, JsonNode> blocks = blocks(run);
        assertEquals("passed -", where(blocks.get("page.md:1")), run.out());
        assertEquals("failed exception 13:9", where(blocks.get("page.md:7")), run.out());
        assertTrue(blocks.get("page.md:7").get("output").asText().contains("in a package"), run.out());
    }

    @Test
    void messagesNameNoGeneratedClass() throws Exception {
        Files.writeString(dir.resolve("page.md"), """
                ```java
                String s = null;
                System.out.println(s.length());
                ```
                """);
        Run run = snipcheck("page.md");
        assertTrue(run.out().contains("because \"s\" is null"), run.out());
        assertTrue(!run.out().contains("snipcheck.p0") && !run.out().contains("Block_L"), run.out());
    }
}
