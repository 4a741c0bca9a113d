package dev.snipcheck.markdown;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a Markdown file into a {@link Page}: its front matter options and every fenced block, hidden ones included. */
public final class MarkdownReader {

    public Page read(Path file, String displayPath) throws IOException {
        // decoding leniently: one stray byte must not hide every block of the page
        return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file, displayPath);
    }

    public Page parse(String text, Path file, String displayPath) {
        FrontMatter front = FrontMatter.read(normalize(text));
        return new Page(file, displayPath, front.options(), FenceCollector.collect(front.body()), front.problems());
    }

    /** Line ends become {@code \n} and a byte order mark goes, so that offsets count only what editors show. */
    private static String normalize(String text) {
        String withoutMark = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutMark.replace("\r\n", "\n").replace('\r', '\n');
    }
}
