package dev.snipcheck.markdown;

import java.util.Arrays;

/**
 * Where each line of a block's code sits in its Markdown file. Code inside list items and
 * block quotes is indented or prefixed in the file, so every code line carries its own column.
 *
 * @param lines   for code line i (0-based), its 1-based line in the Markdown file
 * @param columns for code line i (0-based), the 1-based Markdown column of the code's first character
 */
public record SourceMap(int[] lines, int[] columns) {

    /** Markdown position of a 0-based code line and 0-based code column. */
    public Position position(int codeLine, int codeColumn) {
        int line = Math.max(0, Math.min(codeLine, lines.length - 1));
        if (lines.length == 0) {
            return new Position(1, 1);
        }
        return new Position(lines[line], columns[line] + codeColumn);
    }

    public int lineCount() {
        return lines.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceMap other && Arrays.equals(lines, other.lines) && Arrays.equals(columns, other.columns);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lines) + Arrays.hashCode(columns);
    }

    @Override
    public String toString() {
        return "SourceMap" + Arrays.toString(lines);
    }
}
