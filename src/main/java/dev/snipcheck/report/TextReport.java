package dev.snipcheck.report;

import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.Reason;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.result.Verdict;
import dev.snipcheck.rules.Rule;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Writes a run for people: every finding of a failed block compiler-style ({@code path:line:col: error[id]: ...})
 * with its Markdown line and a caret, one line per skipped or not-run block, then the summary line.
 */
public final class TextReport implements Report {

    /** Output beyond this many lines rarely explains more, and would bury the next finding. */
    static final int OUTPUT_LINES = 40;

    private final boolean verbose;
    private final Style style;

    /**
     * @param color   use ANSI colors
     * @param verbose also list passed blocks, pages whose mode was inferred, and the database used
     */
    public TextReport(boolean color, boolean verbose) {
        this.verbose = verbose;
        this.style = new Style(color);
    }

    @Override
    public void write(RunResult result, PrintWriter out) {
        for (PageResult page : result.pages()) {
            writePage(page, out);
        }
        if (verbose) {
            println(out, style.dim("PostgreSQL: " + result.database()));
        }
        println(out, summary(result));
        out.flush();
    }

    /**
     * One failed block as {@link #write} prints it: each finding compiler-style with its Markdown line and a caret,
     * the hints, then what the block printed. For front ends that report block by block, like the JUnit engine.
     */
    public String failure(Page page, BlockResult block) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        writeFailure(block.block().displayPath(page.displayPath()), block,
                new SourceLines(block.block().file(page.file())), out);
        out.flush();
        return text.toString().stripTrailing();
    }

    private void writePage(PageResult page, PrintWriter out) {
        String path = page.page().displayPath();
        if (verbose && page.modeInferred()) {
            println(out, style.dim(path + ": mode " + page.mode().name().toLowerCase(Locale.ROOT) + " (inferred)"));
        }
        SourceLines source = new SourceLines(page.page().file());
        String cached = page.cached() ? " " + style.dim("(cached)") : "";
        for (BlockResult block : page.blocks()) {
            String blockPath = block.block().displayPath(path);
            String where = blockPath + ":" + block.block().fenceLine() + ":";
            switch (block.verdict()) {
                case FAILED -> {
                    writeFailure(blockPath, block, block.block().prelude().isPresent()
                            ? new SourceLines(block.block().file(page.page().file())) : source, out);
                    if (verbose) {
                        writeNotes(blockPath, block, out);
                    }
                    println(out, "");
                }
                case SKIPPED -> println(out, style.bold(where) + " " + style.warning("skipped") + cached
                        + suffix(block.message()));
                case NOT_RUN -> println(out, style.bold(where) + " " + style.warning("not run") + cached
                        + suffix(block.message()));
                case PASSED -> {
                    if (verbose) {
                        println(out, style.bold(where) + " " + style.passed("passed") + cached
                                + " (" + block.millis() + " ms)");
                    }
                    writeAllowed(blockPath, block, out);
                }
            }
            if (verbose && block.verdict() != Verdict.FAILED) {
                writeNotes(blockPath, block, out);
            }
        }
    }

    /** With {@code -v}: what the reader may want to know of a block though nothing is wrong, at its line. */
    private void writeNotes(String path, BlockResult block, PrintWriter out) {
        for (Finding note : block.notes()) {
            String where = note.position().map(p -> path + ":" + p.line() + ":" + p.column() + ":")
                    .orElse(path + ":" + block.block().fenceLine() + ":");
            println(out, style.bold(where) + " " + style.dim("note:") + " " + note.message());
        }
    }

    /** Findings of misuse rules the page allows: they did not fail the block, and the page's reason is shown. */
    private void writeAllowed(String path, BlockResult block, PrintWriter out) {
        List<String> declared = block.block().attributes().misuse();
        for (Finding finding : block.findings()) {
            // a misuse the block declares is what it demonstrates, not a note
            if (finding.rule().isPresent() && !declared.contains(finding.rule().get().id())) {
                String where = finding.position().map(p -> path + ":" + p.line() + ":" + p.column() + ":")
                        .orElse(path + ":" + block.block().fenceLine() + ":");
                println(out, style.bold(where) + " " + style.warning("note[" + finding.rule().get().id() + "]")
                        + style.bold(":") + " " + finding.message());
            }
        }
    }

    private void writeFailure(String path, BlockResult block, SourceLines source, PrintWriter out) {
        List<Finding> findings = findingsOf(block);
        String margin = " ".repeat(gutterWidth(findings, block.block().fenceLine()));
        for (Finding finding : findings) {
            Optional<Position> position = finding.position();
            String where = position.map(p -> path + ":" + p.line() + ":" + p.column() + ":")
                    .orElse(path + ":" + block.block().fenceLine() + ":");
            // in a block failed by a misuse, what else went wrong (an exception, a timeout) has no rule to name
            String id = finding.rule().map(r -> "[" + r.id() + "]")
                    .orElse(block.reason().equals(Optional.of(Reason.MISUSE)) ? "" : "[" + errorId(block) + "]");
            String label = style.error("error" + id) + style.bold(":");
            List<String> message = lines(finding.message().stripTrailing());
            println(out, style.bold(where) + " " + label + " " + style.bold(message.get(0)));
            for (String more : message.subList(1, message.size())) {
                println(out, margin + "    " + more);
            }
            position.ifPresent(p -> writeExcerpt(p, source, margin, out));
            if (!finding.hint().isBlank()) {
                writeNote("hint", finding.hint(), margin, out);
            }
        }
        if (!block.output().isBlank()) {
            writeOutput(block.output(), margin, out);
        }
    }

    /** The findings to print: when none repeats the block's one-line message, it leads, at the fence. */
    private static List<Finding> findingsOf(BlockResult block) {
        List<Finding> findings = new ArrayList<>();
        String message = block.message().strip();
        boolean repeated = block.findings().stream().anyMatch(f -> f.message().strip().equals(message));
        if (block.findings().isEmpty() || (!message.isEmpty() && !repeated)) {
            findings.add(new Finding(Optional.empty(), message.isEmpty() ? "failed" : message, ""));
        }
        findings.addAll(block.findings());
        return findings;
    }

    /** What the bracket names: the misuse rule that fired, else the reason. */
    static String errorId(BlockResult block) {
        Optional<Reason> reason = block.reason();
        if (reason.isPresent() && reason.get() == Reason.MISUSE && !block.rules().isEmpty()) {
            return block.rules().get(0).id();
        }
        return reason.map(Reason::id).orElse("failed");
    }

    private static int gutterWidth(List<Finding> findings, int fenceLine) {
        int widest = findings.stream()
                .flatMap(f -> f.position().stream())
                .mapToInt(Position::line)
                .max()
                .orElse(fenceLine);
        return String.valueOf(widest).length();
    }

    private void writeExcerpt(Position position, SourceLines source, String margin, PrintWriter out) {
        Optional<String> line = source.line(position.line());
        if (line.isEmpty()) {
            return;
        }
        String text = line.get().stripTrailing();
        String number = String.format("%" + margin.length() + "d", position.line());
        println(out, " " + style.gutter(number + " |") + (text.isEmpty() ? "" : " " + text));
        println(out, " " + style.gutter(margin + " |") + " " + padTo(text, position.column()) + style.error("^"));
    }

    /** Blanks up to the column, keeping the line's tabs so the caret lands under the same character. */
    private static String padTo(String text, int column) {
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < column - 1; i++) {
            pad.append(i < text.length() && text.charAt(i) == '\t' ? '\t' : ' ');
        }
        return pad.toString();
    }

    private void writeNote(String kind, String text, String margin, PrintWriter out) {
        List<String> lines = lines(text.stripTrailing());
        String prefix = " " + margin + " " + style.gutter("=") + " " + style.bold(kind + ":");
        println(out, prefix + " " + lines.get(0));
        String indent = " " + margin + "   " + " ".repeat(kind.length() + 2);
        for (String more : lines.subList(1, lines.size())) {
            println(out, more.isEmpty() ? "" : indent + more);
        }
    }

    private void writeOutput(String output, String margin, PrintWriter out) {
        println(out, " " + margin + " " + style.gutter("=") + " " + style.bold("output:"));
        String indent = " " + margin + "   ";
        List<String> lines = lines(output.stripTrailing());
        int shown = Math.min(lines.size(), OUTPUT_LINES);
        for (String line : lines.subList(0, shown)) {
            String text = line.stripTrailing();
            println(out, text.isEmpty() ? "" : indent + text);
        }
        if (lines.size() > shown) {
            println(out, indent + style.dim("... " + (lines.size() - shown) + " more lines"));
        }
    }

    /** {@code N passed, N failed, N skipped, N not run, N not checked}, then {@code (N cached)} when some were. */
    String summary(RunResult result) {
        long cached = result.pages().stream().filter(PageResult::cached).mapToLong(page -> page.blocks().size()).sum();
        return count(result.count(Verdict.PASSED), "passed", style::passed) + ", "
                + count(result.count(Verdict.FAILED), "failed", style::error) + ", "
                + count(result.count(Verdict.SKIPPED), "skipped", style::warning) + ", "
                + count(result.count(Verdict.NOT_RUN), "not run", style::warning) + ", "
                + result.notChecked() + " not checked"
                + (cached > 0 ? " " + style.dim("(" + cached + " cached)") : "");
    }

    private static String count(long n, String label, UnaryOperator<String> color) {
        String text = n + " " + label;
        return n > 0 ? color.apply(text) : text;
    }

    private static String suffix(String message) {
        String first = lines(message.strip()).get(0);
        return first.isEmpty() ? "" : ": " + first;
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\\R", -1));
    }

    /** Always '\n': the report is compared byte for byte in tests and must not vary with the platform. */
    private static void println(PrintWriter out, String line) {
        out.print(line);
        out.print('\n');
    }
}
