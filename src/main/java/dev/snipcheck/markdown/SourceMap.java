package dev.snipcheck.markdown;

import java.util.Arrays;

/**
 * Where each line of a block's code sits in its Markdown file. Code inside list items and
 * block quotes is indented or prefixed in the file, so every code line carries its own column; a placeholder that
 * {@code replace:} swapped for other text shifts the columns after it, so each line also carries its replacements.
 *
 * @param lines   for code line i (0-based), its 1-based line in the Markdown file
 * @param columns for code line i (0-based), the 1-based Markdown column of the code's first character
 * @param edits   for code line i (0-based), its replacements in order as triples: 0-based code column where the
 *                replacing text starts, its length, and the length of the Markdown text it replaced
 */
public record SourceMap(int[] lines, int[] columns, int[][] edits) {

    public SourceMap(int[] lines, int[] columns) {
        this(lines, columns, new int[lines.length][0]);
    }

    /** Markdown position of a 0-based code line and 0-based code column. */
    public Position position(int codeLine, int codeColumn) {
        int line = Math.max(0, Math.min(codeLine, lines.length - 1));
        if (lines.length == 0) {
            return new Position(1, 1);
        }
        return new Position(lines[line], columns[line] + markdownColumn(edits[line], codeColumn));
    }

    /** A column inside a replacing text is the start of the placeholder it replaced: the compiler points at it. */
    private static int markdownColumn(int[] edits, int codeColumn) {
        int shift = 0;
        for (int i = 0; i < edits.length; i += 3) {
            int start = edits[i];
            int end = start + edits[i + 1];
            if (codeColumn < start) {
                break;
            }
            if (codeColumn < end) {
                return start + shift;
            }
            shift += edits[i + 2] - edits[i + 1];
        }
        return codeColumn + shift;
    }

    public int lineCount() {
        return lines.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceMap other && Arrays.equals(lines, other.lines) && Arrays.equals(columns, other.columns)
                && Arrays.deepEquals(edits, other.edits);
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
