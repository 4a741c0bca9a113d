package dev.snipcheck.report;

import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.result.Verdict;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * GitHub Actions workflow commands, one {@code ::error} per failed block, so the runner annotates the pull request
 * at the block's Markdown line. As {@code --format github}, the summary line follows.
 */
public final class GithubAnnotations implements Report {

    @Override
    public void write(RunResult result, PrintWriter out) {
        writeAnnotations(result, out);
        out.print(new TextReport(false, false).summary(result));
        out.print('\n');
        out.flush();
    }

    /** Only the commands, for a text report on a GitHub runner. */
    public void writeAnnotations(RunResult result, PrintWriter out) {
        // a prelude block fails the same way in every page it runs in: one annotation for its place
        Set<String> written = new HashSet<>();
        for (PageResult page : result.pages()) {
            for (BlockResult block : page.blocks()) {
                String command = block.verdict() == Verdict.FAILED
                        ? command(block.block().displayPath(page.page().displayPath()), block) : null;
                if (command != null && written.add(command)) {
                    out.print(command);
                    out.print('\n');
                }
            }
        }
        out.flush();
    }

    /** The first diagnostic is where the block's annotation goes; the others are listed in its message. */
    static String command(String file, BlockResult block) {
        List<Diagnostic> diagnostics = Diagnostic.of(block);
        Diagnostic first = diagnostics.get(0);
        StringBuilder message = new StringBuilder(first.message());
        for (Diagnostic more : diagnostics.subList(1, diagnostics.size())) {
            message.append("\n").append(more.position()).append(": ").append(more.message());
        }
        if (!block.output().isBlank()) {
            message.append("\noutput:\n").append(block.output().stripTrailing());
        }
        return "::error file=" + property(file)
                + ",line=" + first.position().line()
                + ",col=" + first.position().column()
                + ",title=" + property(first.ruleId())
                + "::" + data(message.toString());
    }

    /** The runner reads a command's message up to the end of the line: line breaks and '%' are escaped. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value also ends at ',' and its name at ':'. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
