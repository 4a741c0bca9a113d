package dev.snipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --html DIR} beside the report on stdout; a block that does not compile needs no database. */
class HtmlOptionTest {

    @TempDir
    Path dir;

    @Test
    void writesTheSiteBesideTheTextReport() throws Exception {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/bad.md"), "# Bad\n\n```java\nint x = \"no\";\n```\n");
        SnipcheckRun run = SnipcheckRun.of(dir, "--postgres=embedded", "--html", "out/site", "docs");

        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.out().contains("docs/bad.md:4:9: error[compile]"), run.toString());
        assertTrue(Files.readString(dir.resolve("out/site/index.html")).contains(">docs/bad.md</a>"));
        String page = Files.readString(dir.resolve("out/site/docs/bad.md.html"));
        assertTrue(page.contains("<span class=\"badge failed\">failed: compile</span><span class=\"where\">docs/bad.md:4:9"),
                page);
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsAUsageError() throws Exception {
        Files.writeString(dir.resolve("page.md"), "# Nothing to run\n\n```bash\necho hi\n```\n");
        Files.writeString(dir.resolve("taken"), "a file, not a directory");
        SnipcheckRun run = SnipcheckRun.of(dir, "--postgres=embedded", "--html", "taken", "page.md");

        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("snipcheck: could not write the HTML report to taken"), run.toString());
    }
}
