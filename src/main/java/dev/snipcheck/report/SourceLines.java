package dev.snipcheck.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The lines of one Markdown file, read on first use so pages without findings cost nothing. */
final class SourceLines {

    private final Path file;
    private List<String> lines;

    SourceLines(Path file) {
        this.file = file;
    }

    /** The 1-based line, without its line break; empty when the file is gone or shorter. */
    Optional<String> line(int number) {
        if (lines == null) {
            lines = read(file);
        }
        return number >= 1 && number <= lines.size() ? Optional.of(lines.get(number - 1)) : Optional.empty();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            // the report still has every message and position; only the excerpt is lost
            return List.of();
        }
    }
}
