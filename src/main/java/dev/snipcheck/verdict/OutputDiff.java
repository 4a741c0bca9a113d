package dev.snipcheck.verdict;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.ExpectedOutput;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.Reason;
import dev.snipcheck.result.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares what a block produced with its {@code output} block: trailing whitespace and trailing
 * blank lines do not count, and a line holding only {@code ...} stands for any number of lines. A
 * mismatch is shown as a unified diff whose {@code -} side is numbered with the output block's
 * Markdown lines.
 */
public final class OutputDiff {

    private static final String ELISION = "...";
    private static final int CONTEXT = 3;

    private final List<String> expected;
    private final List<String> actual;
    /** cost[i][j]: the fewest unmatched lines when aligning expected[i..] with actual[j..]. */
    private final int[][] cost;

    private OutputDiff(List<String> expected, List<String> actual) {
        this.expected = expected;
        this.actual = actual;
        cost = new int[expected.size() + 1][actual.size() + 1];
        for (int i = expected.size(); i >= 0; i--) {
            for (int j = actual.size(); j >= 0; j--) {
                cost[i][j] = cost(i, j);
            }
        }
    }

    private int cost(int i, int j) {
        if (i == expected.size()) {
            return actual.size() - j;
        }
        if (expected.get(i).equals(ELISION)) {
            return j == actual.size() ? cost[i + 1][j] : Math.min(cost[i + 1][j], cost[i][j + 1]);
        }
        if (j == actual.size()) {
            return cost[i + 1][j] + 1;
        }
        int best = Math.min(cost[i + 1][j], cost[i][j + 1]) + 1;
        return expected.get(i).equals(actual.get(j)) ? Math.min(best, cost[i + 1][j + 1]) : best;
    }

    /**
     * The verdict once a passed block's output block is compared with what the block produced: its
     * stdout (Java) or its last result as psql prints it (SQL). Blocks that did not run, or ran to
     * fail as declared, are left as they are.
     *
     * @param produced what is compared: a Java block's stdout; null for the result's output (a sql block's result)
     */
    public static BlockResult judge(BlockResult result, String displayPath, String produced) {
        Block block = result.block();
        var attributes = block.attributes();
        if (result.verdict() != Verdict.PASSED || block.expectedOutput().isEmpty()
                || attributes.noRun() || attributes.compileFail() || attributes.fails()) {
            return result;
        }
        ExpectedOutput output = block.expectedOutput().get();
        java.util.Optional<Mismatch> mismatch = compare(output, produced != null ? produced : result.output(),
                displayPath);
        if (mismatch.isEmpty()) {
            return result;
        }
        String message = (block.isSql() ? "returned" : "printed") + " something else than its output block (line "
                + output.fenceLine() + ")\n" + mismatch.get().diff();
        return BlockResult.failed(block, Reason.OUTPUT, message, List.of(Finding.at(mismatch.get().position(), message,
                "lines with - are the output block's, lines with + what the block produced; a line holding only "
                        + "`...` stands for any number of lines")), result.output(), result.millis());
    }

    /** The lines of a text as compared: without trailing whitespace and trailing blank lines. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            lines.add(line.stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /**
     * The mismatch between an output block and what its block produced; empty when they match.
     *
     * @param displayPath the page, to name the two sides of the diff
     */
    static java.util.Optional<Mismatch> compare(ExpectedOutput output, String produced, String displayPath) {
        OutputDiff diff = new OutputDiff(lines(output.text()), lines(produced));
        return diff.cost[0][0] == 0 ? java.util.Optional.empty() : java.util.Optional.of(diff.mismatch(output, displayPath));
    }

    /**
     * A mismatch.
     *
     * @param position the Markdown position of the first expected line that differs
     * @param diff     the unified diff, expected against actual
     */
    record Mismatch(Position position, String diff) {
    }

    /** One line of the edit script: ' ' in both, '-' only expected, '+' only produced, '.' an elision (of produced lines before it). */
    private record Edit(char kind, int expectedLine, int actualLine, String text) {
    }

    private Mismatch mismatch(ExpectedOutput output, String displayPath) {
        List<Edit> edits = edits();
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(displayPath).append(':').append(output.fenceLine()).append(" (output block)\n");
        out.append("+++ what the block produced\n");
        Position first = null;
        int i = 0;
        while (i < edits.size()) {
            if (unchanged(edits.get(i))) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // a hunk takes in the changes whose context touches it
            while (end < edits.size()) {
                int next = end;
                while (next < edits.size() && unchanged(edits.get(next))) {
                    next++;
                }
                if (next == edits.size() || next - end > 2 * CONTEXT) {
                    end = Math.min(edits.size(), end + CONTEXT);
                    break;
                }
                while (next < edits.size() && !unchanged(edits.get(next))) {
                    next++;
                }
                end = next;
            }
            List<Edit> hunk = edits.subList(start, end);
            if (first == null) {
                Edit change = edits.get(i);
                first = markdown(output, Math.min(change.expectedLine(), Math.max(0, expected.size() - 1)));
            }
            appendHunk(out, hunk, output);
            i = end;
        }
        return new Mismatch(first == null ? new Position(output.fenceLine(), 1) : first, out.toString());
    }

    private static boolean unchanged(Edit edit) {
        return edit.kind() == ' ' || edit.kind() == '.';
    }

    private void appendHunk(StringBuilder out, List<Edit> hunk, ExpectedOutput output) {
        long expectedCount = hunk.stream().filter(e -> e.kind() != '+').count();
        long actualCount = hunk.stream().filter(e -> e.kind() == ' ' || e.kind() == '+').count();
        Edit head = hunk.get(0);
        int expectedStart = expected.isEmpty() ? output.fenceLine()
                : markdown(output, Math.min(head.expectedLine(), expected.size() - 1)).line();
        out.append("@@ -").append(expectedStart).append(',').append(expectedCount)
                .append(" +").append(head.actualLine() + 1).append(',').append(actualCount).append(" @@\n");
        for (Edit edit : hunk) {
            out.append(edit.kind() == '.' ? ' ' : edit.kind()).append(edit.text()).append('\n');
        }
    }

    private static Position markdown(ExpectedOutput output, int line) {
        return output.map().lineCount() == 0 ? new Position(output.fenceLine(), 1) : output.map().position(line, 0);
    }

    /** The cheapest alignment, walked from the start; an elision shows once, as context. */
    private List<Edit> edits() {
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < expected.size() || j < actual.size()) {
            if (i < expected.size() && expected.get(i).equals(ELISION)) {
                // the elision ends as early as it can, so the lines after it line up with what follows
                if (j < actual.size() && cost[i][j] != cost[i + 1][j]) {
                    j++;
                } else {
                    edits.add(new Edit('.', i, j, ELISION));
                    i++;
                }
            } else if (i < expected.size() && j < actual.size() && expected.get(i).equals(actual.get(j))
                    && cost[i][j] == cost[i + 1][j + 1]) {
                edits.add(new Edit(' ', i, j, expected.get(i)));
                i++;
                j++;
            } else if (i < expected.size() && cost[i][j] == cost[i + 1][j] + 1) {
                edits.add(new Edit('-', i, j, expected.get(i)));
                i++;
            } else {
                edits.add(new Edit('+', i, j, actual.get(j)));
                j++;
            }
        }
        return edits;
    }
}
