package dev.snipcheck.cli;

import dev.snipcheck.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --classpath} checks docs against a project's own jar, which the blocks compile and run with. */
class ClasspathTest {

    @TempDir
    Path dir;

    @Test
    void blocksUseTheProjectsJar() throws Exception {
        Path jar = greeterJar();
        Files.writeString(dir.resolve("page.md"), """
                ```java
                System.out.println(com.example.Greeter.greet("docs"));
                ```

                ```output
                hello, docs
                ```
                """);

        SnipcheckRun with = SnipcheckRun.of(dir, "--postgres-url", TestPostgres.url(), "--format", "json",
                "--classpath", dir.relativize(jar).toString(), "page.md");
        SnipcheckRun without = SnipcheckRun.of(dir, "--postgres-url", TestPostgres.url(), "--format", "json",
                "page.md");

        assertEquals(Map.of("page.md:1", "passed"), with.verdicts(), with.toString());
        assertEquals(Map.of("page.md:1", "failed compile"), without.verdicts(), without.toString());
    }

    @Test
    void aMissingEntryIsAUsageError() throws IOException {
        Files.writeString(dir.resolve("page.md"), "```java\nint one = 1;\n```\n");
        SnipcheckRun run = SnipcheckRun.of(dir, "--classpath", "target/classes", "page.md");

        assertEquals(Main.USAGE, run.exit(), run.toString());
        assertTrue(run.err().startsWith("snipcheck: no such file or directory in --classpath: target/classes\n"),
                run.err());
    }

    private Path greeterJar() throws IOException {
        return GreeterJar.write(dir, "hello, ");
    }
}
