package dev.snipcheck.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Swaps the placeholders of a block's code ({@code <host>}, {@code ...}) for code, as {@code replace:} maps them, and
 * keeps the block's source map exact: a column after a replacement still points into the Markdown as written.
 */
final class Placeholders {

    private Placeholders() {
    }

    /** The block with every occurrence of each placeholder replaced, the longest placeholder first where two start at once. */
    static Block apply(Block block, Map<String, String> replace) {
        if (replace.isEmpty()) {
            return block;
        }
        String[] lines = block.code().split("\n", -1);
        int[][] edits = new int[lines.length][];
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            List<Integer> lineEdits = new ArrayList<>();
            code.append(i > 0 ? "\n" : "").append(replaceLine(lines[i], replace, lineEdits));
            edits[i] = lineEdits.stream().mapToInt(Integer::intValue).toArray();
        }
        SourceMap map = new SourceMap(block.map().lines(), block.map().columns(), edits);
        return new Block(block.ordinal(), block.language(), block.infoString(), block.attributes(), code.toString(),
                block.fenceLine(), block.hidden(), map, block.expectedOutput(), block.problems(), block.prelude());
    }

    /** Replaces once, as the page is read: the block's map has no edits yet, and gets exactly these. */
    private static String replaceLine(String line, Map<String, String> replace, List<Integer> edits) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < line.length()) {
            String placeholder = longestAt(line, at, replace);
            if (placeholder == null) {
                out.append(line.charAt(at++));
                continue;
            }
            String text = replace.get(placeholder);
            edits.add(out.length());
            edits.add(text.length());
            edits.add(placeholder.length());
            out.append(text);
            at += placeholder.length();
        }
        return out.toString();
    }

    private static String longestAt(String line, int at, Map<String, String> replace) {
        String longest = null;
        for (String placeholder : replace.keySet()) {
            if (line.startsWith(placeholder, at) && (longest == null || placeholder.length() > longest.length())) {
                longest = placeholder;
            }
        }
        return longest;
    }
}
