package dev.snipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snipcheck.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** snipcheck verifies its own README and docs: every java block there is a real, passing example. */
class DocsDogfoodTest {

    /**
     * The java blocks of README.md and docs/ that must pass: README 3, getting-started 4, format 29 (its one
     * {@code ignore} block is skipped), runtime 3, rules/connection-leak 3, rules/open-transaction 3,
     * rules/dropped-error 2. Raise it when adding examples, so that a page that silently stops being
     * checked (a broken fence, a misspelt language) is noticed.
     */
    private static final int PASSED_AT_LEAST = 47;

    private static final Pattern SUMMARY = Pattern.compile(
            "(?m)^(\\d+) passed, (\\d+) failed, (\\d+) skipped, (\\d+) not run, (\\d+) not checked$");

    @Test
    void everyJavaBlockOfTheReadmeAndTheDocsPasses() {
        Path project = Path.of("").toAbsolutePath();
        assertTrue(Files.isRegularFile(project.resolve("README.md")) && Files.isDirectory(project.resolve("docs")),
                "the test must run in the project directory, but runs in " + project);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"--postgres-url", TestPostgres.url(), "README.md", "docs"},
                new PrintWriter(out, true), new PrintWriter(err, true), project);
        String report = out + "\n--- stderr ---\n" + err;

        assertEquals(0, exit, "snipcheck README.md docs exited with " + exit + ":\n" + report);
        Matcher summary = SUMMARY.matcher(out.toString());
        assertTrue(summary.find(), "no summary line in the report:\n" + report);
        int passed = Integer.parseInt(summary.group(1));
        assertEquals(0, Integer.parseInt(summary.group(2)), "failed blocks:\n" + report);
        assertEquals(0, Integer.parseInt(summary.group(4)), "blocks not run:\n" + report);
        assertTrue(passed >= PASSED_AT_LEAST,
                "expected at least " + PASSED_AT_LEAST + " passed blocks, got " + passed + ":\n" + report);
    }
}
