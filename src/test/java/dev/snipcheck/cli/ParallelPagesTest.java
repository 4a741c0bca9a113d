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

/** Pages run in parallel with {@code --jobs}, yet the report lists them in the same order every run. */
class ParallelPagesTest {

    @TempDir
    Path dir;

    @Test
    void aSlowFirstPageIsStillReportedFirst() throws Exception {
        // the first page is slower than the others, so with two jobs they finish before it
        Files.writeString(dir.resolve("a.md"), """
                ```java
                Thread.sleep(500);
                throw new IllegalStateException("from a");
                ```
                """);
        for (String name : new String[] {"b", "c", "d"}) {
            Files.writeString(dir.resolve(name + ".md"), """
                    ```java
                    throw new IllegalStateException("from %s");
                    ```
                    """.formatted(name));
        }
        String sequential = report("--jobs", "1");
        String parallel = report("--jobs", "2");

        assertEquals(sequential, parallel);
        assertEquals(4, parallel.lines().filter(l -> l.contains("error[exception]")).count(), parallel);
        int a = parallel.indexOf("a.md:3:1: error[exception]");
        int b = parallel.indexOf("b.md:2:1: error[exception]");
        int d = parallel.indexOf("d.md:2:1: error[exception]");
        assertTrue(a >= 0 && a < b && b < d, parallel);
    }

    private String report(String... jobs) {
        StringWriter out = new StringWriter();
        String[] args = {"--postgres-url", TestPostgres.url(), "--color", "never", jobs[0], jobs[1], "."};
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), dir);
        assertEquals(1, exit, out.toString());
        return out.toString();
    }
}
