package dev.snipcheck.run;

import dev.snipcheck.markdown.MarkdownReader;
import dev.snipcheck.markdown.Page;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the pages of a run, each named as every front end shows it: relative to the working directory when inside
 * it, with forward slashes on every platform.
 */
public final class PageFiles {

    private final Path workingDirectory;

    public PageFiles(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    public Page read(Path file) throws IOException {
        return new MarkdownReader().read(file, display(file));
    }

    /** The path of {@code file} as reports show it, e.g. {@code docs/pool.md}. */
    public String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
        String text = shown.toString();
        return File.separatorChar == '/' ? text : text.replace(File.separatorChar, '/');
    }
}
