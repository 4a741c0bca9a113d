package dev.snipcheck.cli;

import dev.snipcheck.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --watch}: a saved page is verified again and its new verdicts printed; other pages are left alone. */
class WatchTest {

    @TempDir
    Path dir;

    @Test
    void aSavedPageIsVerifiedAgainAlone() throws Exception {
        Path page = dir.resolve("page.md");
        Files.writeString(page, """
                ```java
                var greeting = "hello";
                ```

                ```java
                System.out.println(greeting);
                ```
                """);
        Files.writeString(dir.resolve("other.md"), """
                ```java
                System.out.println("other");
                ```
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int[] exit = {-1};
        Thread watch = new Thread(() -> exit[0] = Main.run(
                new String[] {"--postgres-url", TestPostgres.url(), "--color", "never", "--watch", "."},
                new PrintWriter(out, true), new PrintWriter(err, true), dir));
        watch.start();
        try {
            await(() -> err.toString().contains("watching"), err::toString);
            assertTrue(out.toString().contains("3 passed, 0 failed"), out.toString());

            Files.writeString(page, Files.readString(page).replace("println(greeting)", "println(greting)"));

            await(() -> err.toString().contains("re-verified page.md in"), err::toString);
            String rerun = out.toString().substring(out.toString().indexOf("3 passed, 0 failed"));
            assertTrue(rerun.contains("page.md:6:20: error[compile]: cannot find symbol: variable greting"), rerun);
            assertTrue(rerun.contains("1 passed, 1 failed"), rerun);
            assertFalse(err.toString().contains("other.md in"), err.toString());
        } finally {
            watch.interrupt();
            watch.join(Duration.ofSeconds(20).toMillis());
        }
        assertFalse(watch.isAlive(), "watch mode did not stop when interrupted");
        assertEquals(0, exit[0], "the exit status is the first run's");
    }

    private static void await(Supplier<Boolean> condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting; so far: " + what.get());
            }
            Thread.sleep(20);
        }
    }
}
