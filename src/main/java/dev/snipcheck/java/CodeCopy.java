package dev.snipcheck.java;

import dev.snipcheck.markdown.SourceMap;

import java.util.Map;
import java.util.TreeMap;

/**
 * A block's code with edits that keep every remaining character at its line and column: parts are
 * blanked to spaces, single characters replaced, and only insertions shift the text after them.
 */
final class CodeCopy {

    private final char[] chars;
    private final SourceMap map;
    private final TreeMap<Integer, String> inserts = new TreeMap<>();

    CodeCopy(String code, SourceMap map) {
        this.chars = code.toCharArray();
        this.map = map;
    }

    /** Blanks {@code [start, end)}, keeping line breaks. */
    CodeCopy blank(int start, int end) {
        for (int i = Math.max(0, start); i < Math.min(end, chars.length); i++) {
            if (chars[i] != '\n') {
                chars[i] = ' ';
            }
        }
        return this;
    }

    /** Blanks everything outside the given ranges (each {@code [start, end)}). */
    CodeCopy keepOnly(Iterable<int[]> ranges) {
        boolean[] keep = new boolean[chars.length];
        for (int[] range : ranges) {
            for (int i = range[0]; i < range[1]; i++) {
                keep[i] = true;
            }
        }
        for (int i = 0; i < chars.length; i++) {
            if (!keep[i] && chars[i] != '\n') {
                chars[i] = ' ';
            }
        }
        return this;
    }

    CodeCopy replace(int offset, char c) {
        chars[offset] = c;
        return this;
    }

    CodeCopy insert(int offset, String text) {
        inserts.merge(offset, text, String::concat);
        return this;
    }

    /** Writes the code line by line; lines that are blank after the edits are written empty. */
    void writeTo(GeneratedSource out) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i <= chars.length; i++) {
            if (i == chars.length || chars[i] == '\n') {
                writeLine(out, line, lineStart, i);
                out.newline();
                line++;
                lineStart = i + 1;
            }
        }
    }

    private void writeLine(GeneratedSource out, int line, int start, int end) {
        if (new String(chars, start, end - start).isBlank() && inserts.subMap(start, true, end, end == chars.length).isEmpty()) {
            return;
        }
        int from = start;
        // an insertion at the very end of the code belongs to its last line
        for (Map.Entry<Integer, String> insert : inserts.subMap(start, true, end, end == chars.length).entrySet()) {
            int at = insert.getKey();
            out.original(new String(chars, from, at - from), map, line, from - start);
            out.generated(insert.getValue());
            from = at;
        }
        out.original(new String(chars, from, end - from), map, line, from - start);
    }
}
