package dev.snipcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snipcheck.TestPostgres;
import dev.snipcheck.TestPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a block can see of snipcheck's process and of other blocks: no environment variable or system property it was
 * not given, only its own output, and the line it stopped at.
 */
class ProcessIsolationTest {

    private static final String SECRET = "tok-5f3e9a-never-in-a-report";
    private static final String SECRET_PROPERTY = "prop-77c1d0-never-in-a-report";

    @TempDir
    Path dir;

    @Test
    void aBlockSeesNoSecretOfSnipchecksEnvironmentOrPropertiesButThePassedNames() throws Exception {
        String dump = """
                ```java
                System.out.println("env " + System.getenv());
                System.out.println("properties " + System.getProperties());
                System.out.println("command " + ProcessHandle.current().info().commandLine().orElse(""));
                System.out.println("page-only=" + System.getenv("PAGE_ONLY"));
                throw new IllegalStateException("show my output");
                ```
                """;
        Map<String, String> outputs = runWithSecrets(dump, "MY_PASSED=passed-value");
        assertTrue(outputs.get("a.md").contains("page-only=null"), outputs.get("a.md"));
        assertTrue(outputs.get("b.md").contains("page-only=page-value"), outputs.get("b.md"));
        // the next page does not inherit the worker that saw it
        assertTrue(outputs.get("c.md").contains("page-only=null"), outputs.get("c.md"));
    }

    @Test
    void aBlockThatTimesOutOrExitsShowsOnlyWhatItPrintedAtTheLineItStoppedAt() throws Exception {
        Files.writeString(dir.resolve("earlier.md"), """
                # Another page

                ```java
                System.out.println("printed by another page");
                ```
                """);
        Files.writeString(dir.resolve("page.md"), """
                # A page

                ```java
                System.out.println("printed by an earlier block");
                ```

                ```java isolated timeout=2s
                System.out.println("printed before the wait");
                Thread.sleep(60_000);
                ```

                ```java isolated
                System.out.println("printed before the exit");
                System.exit(4);
                ```

                ```java isolated
                recurse(1);
                static int recurse(int n) {
                    return recurse(n + 1) + 1;
                }
                ```
                """, StandardCharsets.UTF_8);

        SnipcheckRun run = SnipcheckRun.of(dir, "--postgres-url", TestPostgres.url(), "-j", "1", "--format", "json",
                "earlier.md", "page.md");

        assertEquals(1, run.exit(), run.toString());
        Map<String, JsonNode> blocks = new LinkedHashMap<>();
        for (JsonNode block : new ObjectMapper().readTree(run.out()).get("blocks")) {
            blocks.put(block.get("file").asText() + ":" + block.get("line").asInt(), block);
        }
        JsonNode timedOut = blocks.get("page.md:7");
        assertEquals("timeout", timedOut.get("reason").asText(), run.toString());
        assertEquals(9, timedOut.get("position").get("line").asInt(), run.toString());
        String timeoutOutput = timedOut.get("output").asText();
        assertTrue(timeoutOutput.contains("printed before the wait"), timeoutOutput);
        assertFalse(timeoutOutput.contains("printed by an earlier block"), timeoutOutput);
        assertFalse(timeoutOutput.contains("printed by another page"), timeoutOutput);
        assertTrue(timeoutOutput.contains("\tat page.md:9"), timeoutOutput);
        assertFalse(timeoutOutput.contains("Block_L"), timeoutOutput);

        JsonNode exited = blocks.get("page.md:12");
        assertEquals("exception", exited.get("reason").asText(), run.toString());
        assertEquals(14, exited.get("position").get("line").asInt(), run.toString());
        String exitOutput = exited.get("output").asText();
        assertTrue(exitOutput.contains("printed before the exit"), exitOutput);
        assertFalse(exitOutput.contains("printed before the wait"), exitOutput);
        assertFalse(exitOutput.contains("exited at"), exitOutput);

        String overflow = blocks.get("page.md:17").get("output").asText();
        assertTrue(overflow.contains("StackOverflowError"), overflow);
        assertTrue(overflow.matches("(?s).*\t… [0-9,]+ more identical frames\n.*"), overflow);
        assertTrue(overflow.length() < 2_000, overflow);
    }

    @Test
    void aPythonBlockSeesNoSecretOfSnipchecksEnvironmentButThePassedNames() throws Exception {
        String dump = """
                ```python
                import os
                print("env", sorted(os.environ.items()))
                print("page-only=" + str(os.environ.get("PAGE_ONLY")))
                raise RuntimeError("show my output")
                ```
                """;
        Map<String, String> outputs = runWithSecrets(dump, "('MY_PASSED', 'passed-value')", "--python",
                TestPython.command());
        assertTrue(outputs.get("a.md").contains("page-only=None"), outputs.get("a.md"));
        assertTrue(outputs.get("b.md").contains("page-only=page-value"), outputs.get("b.md"));
        assertTrue(outputs.get("c.md").contains("page-only=None"), outputs.get("c.md"));
    }

    /**
     * Runs snipcheck in a JVM of its own, with a secret in its environment and its system properties, on three pages
     * of the one failing block {@code dump}: a.md, b.md (whose front matter passes PAGE_ONLY) and c.md. Asserts that
     * the run fails, that neither the text nor the JSON report holds the secret, and that both show {@code passed}
     * (what the block prints of MY_PASSED, which {@code --pass-env} passes).
     *
     * @return the output of each page's block, by file
     */
    private Map<String, String> runWithSecrets(String dump, String passed, String... options) throws Exception {
        Files.writeString(dir.resolve("a.md"), "# Before\n\n" + dump);
        Files.writeString(dir.resolve("b.md"), "---\nsnipcheck:\n  env: [PAGE_ONLY]\n---\n# With env\n\n" + dump);
        Files.writeString(dir.resolve("c.md"), "# After\n\n" + dump);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmy.secret.property=" + SECRET_PROPERTY, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--postgres-url", TestPostgres.url(), "-j", "1", "--pass-env", "MY_PASSED",
                "--report", "json=report.json"));
        command.addAll(List.of(options));
        command.addAll(List.of("a.md", "b.md", "c.md"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("report.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("MY_SECRET_TOKEN", SECRET);
        builder.environment().put("MY_PASSED", "passed-value");
        builder.environment().put("PAGE_ONLY", "page-value");
        Process process = builder.start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "snipcheck did not finish");
        String text = Files.readString(dir.resolve("report.txt"));
        String json = Files.readString(dir.resolve("report.json"));
        String all = text + json + Files.readString(dir.resolve("err.txt"));

        assertEquals(1, process.exitValue(), all);
        for (String report : List.of(text, json)) {
            assertFalse(report.contains(SECRET), report);
            assertFalse(report.contains("MY_SECRET_TOKEN"), report);
            assertFalse(report.contains(SECRET_PROPERTY), report);
            assertTrue(report.contains(passed), report);
        }
        return outputs(json);
    }

    /** The output of each page's one block, by file. */
    private static Map<String, String> outputs(String json) throws Exception {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (JsonNode block : new ObjectMapper().readTree(json).get("blocks")) {
            outputs.put(block.get("file").asText(), block.path("output").asText());
        }
        return outputs;
    }
}
