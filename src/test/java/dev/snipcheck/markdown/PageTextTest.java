package dev.snipcheck.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageTextTest {

    @TempDir
    Path dir;

    @Test
    void aByteThatIsNotUtf8IsAProblemAtItsLineAndColumn() throws IOException {
        Path file = dir.resolve("latin1.md");
        // "Café" written in ISO-8859-1: é is the single byte 0xE9, at line 4, column 24 (byte offset 39) of the page
        Files.write(file, "# Menu\n\n```java\nSystem.out.println(\"Café\");\n```\n".getBytes(StandardCharsets.ISO_8859_1));

        Page page = new MarkdownReader().read(file, "latin1.md");

        assertEquals(List.of(new Problem(new Position(4, 24), "the page is not valid UTF-8: byte 0xE9 at offset 39",
                "save the page as UTF-8, e.g. `iconv -f ISO-8859-1 -t UTF-8 page.md`")), page.problems());
        assertEquals(1, page.blocks().size(), "the blocks are still found, so each can fail with the problem");
    }

    @Test
    void utf8PagesHaveNoProblem() throws IOException {
        Path file = dir.resolve("utf8.md");
        Files.writeString(file, "# Menü\n\n```java\nSystem.out.println(\"Café ☕\");\n```\n");

        assertEquals(List.of(), new MarkdownReader().read(file, "utf8.md").problems());
    }
}
