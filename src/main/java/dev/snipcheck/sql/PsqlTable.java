package dev.snipcheck.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A query result rendered byte for byte as psql prints it in its default format (aligned, border
 * 1, ascii lines): centered headers, a {@code -}/{@code +} rule, numbers right-aligned and the
 * rest left-aligned, NULL as nothing, {@code +} after each line of a multi-line value that goes on,
 * tabs expanded, control characters escaped, then {@code (N rows)} and a blank line.
 */
public final class PsqlTable {

    /** Type OIDs psql right-aligns: int2, int4, int8, float4, float8, numeric, oid, xid, xid8, cid, money. */
    private static final Set<Integer> NUMERIC_TYPES = Set.of(21, 23, 20, 700, 701, 1700, 26, 28, 5069, 29, 790);

    private PsqlTable() {
    }

    /** Whether psql right-aligns a column of this type. */
    public static boolean rightAligned(int typeOid) {
        return NUMERIC_TYPES.contains(typeOid);
    }

    /**
     * @param headers      the column names
     * @param rightAligned per column, whether it is right-aligned
     * @param rows         the values as the server's text, null for NULL
     * @param rowCount     the number of rows the footer counts: more than {@code rows} when only the first were kept
     */
    public static String render(List<String> headers, List<Boolean> rightAligned, List<List<String>> rows,
                                long rowCount) {
        int columns = headers.size();
        List<List<Cell>> headerCells = new ArrayList<>();
        int[] widths = new int[columns];
        for (int i = 0; i < columns; i++) {
            List<Cell> lines = Cell.lines(headers.get(i));
            headerCells.add(lines);
            widths[i] = Cell.widest(lines);
        }
        List<List<List<Cell>>> body = new ArrayList<>();
        for (List<String> row : rows) {
            List<List<Cell>> cells = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                String value = row.get(i);
                List<Cell> lines = Cell.lines(value == null ? "" : value);
                cells.add(lines);
                widths[i] = Math.max(widths[i], Cell.widest(lines));
            }
            body.add(cells);
        }
        StringBuilder out = new StringBuilder();
        writeHeader(out, headerCells, widths);
        writeRule(out, widths);
        // without columns a row has no cells, and psql prints no line for it
        for (List<List<Cell>> row : columns == 0 ? List.<List<List<Cell>>>of() : body) {
            writeRow(out, row, widths, rightAligned);
        }
        out.append(rowCount == 1 ? "(1 row)" : "(" + rowCount + " rows)").append("\n\n");
        return out.toString();
    }

    private static void writeHeader(StringBuilder out, List<List<Cell>> headers, int[] widths) {
        int lines = headers.stream().mapToInt(List::size).max().orElse(0);
        for (int line = 0; line < lines; line++) {
            for (int i = 0; i < widths.length; i++) {
                List<Cell> header = headers.get(i);
                out.append(' ');
                if (line < header.size()) {
                    int spaces = widths[i] - header.get(line).width();
                    pad(out, spaces / 2).append(header.get(line).text());
                    pad(out, (spaces + 1) / 2);
                    out.append(line + 1 < header.size() ? '+' : ' ');
                } else {
                    pad(out, widths[i]).append(' ');
                }
                if (i < widths.length - 1) {
                    out.append('|');
                }
            }
            out.append('\n');
        }
    }

    private static void writeRule(StringBuilder out, int[] widths) {
        out.append('-');
        for (int i = 0; i < widths.length; i++) {
            out.append("-".repeat(widths[i]));
            out.append(i < widths.length - 1 ? "-+-" : "");
        }
        out.append("-\n");
    }

    private static void writeRow(StringBuilder out, List<List<Cell>> row, int[] widths, List<Boolean> rightAligned) {
        int lines = row.stream().mapToInt(List::size).max().orElse(1);
        for (int line = 0; line < lines; line++) {
            for (int i = 0; i < widths.length; i++) {
                List<Cell> cell = row.get(i);
                boolean last = i == widths.length - 1;
                boolean more = line + 1 < cell.size();
                out.append(' ');
                if (line >= cell.size()) {
                    if (!last) {
                        pad(out, widths[i]);
                    }
                } else if (rightAligned.get(i)) {
                    pad(out, widths[i] - cell.get(line).width()).append(cell.get(line).text());
                } else {
                    out.append(cell.get(line).text());
                    if (!last || more) {
                        pad(out, widths[i] - cell.get(line).width());
                    }
                }
                if (more) {
                    out.append('+');
                } else if (!last) {
                    out.append(' ');
                }
                if (!last) {
                    out.append('|');
                }
            }
            out.append('\n');
        }
    }

    private static StringBuilder pad(StringBuilder out, int spaces) {
        return out.append(" ".repeat(Math.max(0, spaces)));
    }

    /** One line of a value as psql shows it, and its width on a terminal. */
    private record Cell(String text, int width) {

        /** The value's lines, with tabs expanded and control characters escaped as psql's pg_wcsformat does. */
        static List<Cell> lines(String value) {
            List<Cell> lines = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            int width = 0;
            for (int i = 0; i < value.length(); ) {
                int c = value.codePointAt(i);
                i += Character.charCount(c);
                int w = DisplayWidth.of(c);
                if (c == '\n') {
                    lines.add(new Cell(text.toString(), width));
                    text.setLength(0);
                    width = 0;
                } else if (c == '\r') {
                    text.append("\\r");
                    width += 2;
                } else if (c == '\t') {
                    do {
                        text.append(' ');
                        width++;
                    } while (width % 8 != 0);
                } else if (w < 0) {
                    String escaped = c < 0x80 ? String.format("\\x%02X", c) : String.format("\\u%04X", c);
                    text.append(escaped);
                    width += escaped.length();
                } else {
                    text.appendCodePoint(c);
                    width += w;
                }
            }
            lines.add(new Cell(text.toString(), width));
            return lines;
        }

        static int widest(List<Cell> lines) {
            return lines.stream().mapToInt(Cell::width).max().orElse(0);
        }
    }
}
