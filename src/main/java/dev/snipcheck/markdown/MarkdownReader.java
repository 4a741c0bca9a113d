package dev.snipcheck.markdown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a Markdown file into a {@link Page}: its front matter options and every fenced block, hidden ones included. */
public final class MarkdownReader {

    public Page read(Path file, String displayPath) throws IOException {
        PageText text = PageText.decode(Files.readAllBytes(file));
        Page page = parse(text.text(), file, displayPath);
        if (text.problem().isEmpty()) {
            return page;
        }
        List<Problem> problems = new ArrayList<>(page.problems());
        problems.add(0, text.problem().get());
        return new Page(file, displayPath, page.options(), page.blocks(), List.copyOf(problems));
    }

    public Page parse(String text, Path file, String displayPath) {
        FrontMatter front = FrontMatter.read(normalize(text));
        return new Page(file, displayPath, front.options(), FenceCollector.collect(front.body()), front.problems());
    }

    /**
     * The Markdown of a file as snipcheck reads it, with its front matter turned into blank lines so that line numbers
     * stay the file's: what a report renders for people.
     */
    public String body(Path file) throws IOException {
        return FrontMatter.read(normalize(PageText.decode(Files.readAllBytes(file)).text())).body();
    }

    /** Line ends become {@code \n} and a byte order mark goes, so that offsets count only what editors show. */
    private static String normalize(String text) {
        String withoutMark = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutMark.replace("\r\n", "\n").replace('\r', '\n');
    }
}
