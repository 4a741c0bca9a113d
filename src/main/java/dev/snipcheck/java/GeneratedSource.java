package dev.snipcheck.java;

import dev.snipcheck.markdown.Position;
import dev.snipcheck.markdown.SourceMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Java source that snipcheck writes around the snippets' code, remembering for every piece of
 * snippet text where it came from, so a javac position or a stack frame line maps back to the
 * Markdown file instead of to generated code.
 */
final class GeneratedSource {

    /** Text copied from a block: {@code length} characters at generated column {@code column}. */
    private record Segment(int column, int length, SourceMap map, int codeLine, int codeColumn, int indent) {
    }

    private final StringBuilder text = new StringBuilder();
    private final List<List<Segment>> lines = new ArrayList<>(List.of(new ArrayList<>()));
    private final Position fallback;
    private final Map<Integer, String> notes = new HashMap<>();
    private int column;

    /** @param fallback where a position inside purely generated text maps to, e.g. the block's fence */
    GeneratedSource(Position fallback) {
        this.fallback = fallback;
    }

    GeneratedSource generated(String generated) {
        for (int i = 0; i < generated.length(); i++) {
            char c = generated.charAt(i);
            if (c == '\n') {
                newline();
            } else {
                text.append(c);
                column++;
            }
        }
        return this;
    }

    /** Appends snippet text (no line breaks) that starts at 0-based code line and column of a block. */
    GeneratedSource original(String snippet, SourceMap map, int codeLine, int codeColumn) {
        if (!snippet.isEmpty()) {
            int indent = snippet.length() - snippet.stripLeading().length();
            lines.get(lines.size() - 1).add(new Segment(column, snippet.length(), map, codeLine, codeColumn, indent));
            text.append(snippet);
            column += snippet.length();
        }
        return this;
    }

    /**
     * Says what the generated text of the current line stands for, where it is no snippet's code: a compiler
     * error on that line is about it, e.g. an import of the page's options.
     */
    GeneratedSource note(String note) {
        notes.put(lines.size(), note);
        return this;
    }

    /** What the generated text of a 1-based line stands for, when {@link #note} said it. */
    Optional<String> noteAt(long line) {
        return Optional.ofNullable(notes.get((int) line));
    }

    GeneratedSource newline() {
        text.append('\n');
        lines.add(new ArrayList<>());
        column = 0;
        return this;
    }

    String text() {
        return text.toString();
    }

    /** The Markdown position of a 1-based generated line and 1-based column. */
    Position toMarkdown(long line, long col) {
        int index = (int) line - 1;
        if (index < 0 || index >= lines.size()) {
            return fallback;
        }
        int zeroCol = (int) Math.max(0, col - 1);
        Segment best = null;
        for (Segment segment : lines.get(index)) {
            if (segment.column <= zeroCol) {
                best = segment;
            }
        }
        if (best == null) {
            return lines.get(index).isEmpty() ? lineFallback(index) : at(lines.get(index).get(0), 0);
        }
        return at(best, Math.min(zeroCol - best.column, Math.max(0, best.length - 1)));
    }

    /**
     * The Markdown position of a 1-based generated line, for stack frames, which carry no column:
     * the line's first character that is not white space.
     */
    Position lineToMarkdown(int line) {
        int index = line - 1;
        if (index < 0 || index >= lines.size()) {
            return lineFallback(index);
        }
        for (Segment segment : lines.get(index)) {
            if (segment.indent < segment.length) {
                return at(segment, segment.indent);
            }
        }
        return lineFallback(index);
    }

    private Position lineFallback(int index) {
        for (int i = Math.min(index, lines.size() - 1); i >= 0; i--) {
            List<Segment> segments = lines.get(i);
            if (!segments.isEmpty()) {
                Segment last = segments.get(segments.size() - 1);
                return at(last, Math.max(0, last.length - 1));
            }
        }
        return fallback;
    }

    private static Position at(Segment segment, int offset) {
        return segment.map.position(segment.codeLine, segment.codeColumn + offset);
    }
}
