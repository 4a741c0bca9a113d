package dev.snipcheck.report;

import dev.snipcheck.markdown.Position;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.Verdict;

import java.util.List;

/** What the HTML report shows beside one block: its badge, where, the message, the findings, the output. */
final class VerdictHtml {

    static final String NOT_CHECKED = "not checked";

    private VerdictHtml() {
    }

    /** The CSS class of a verdict: {@code passed}, {@code failed}, {@code skipped}, {@code not-run}. */
    static String cssClass(Verdict verdict) {
        return verdict.label().replace(' ', '-');
    }

    /** {@code failed: compile}, {@code failed: unsubscribed-publisher}, {@code skipped}, ... */
    static String badgeText(BlockResult block) {
        return block.verdict() == Verdict.FAILED ? "failed: " + TextReport.errorId(block) : block.verdict().label();
    }

    static String badge(BlockResult block) {
        return badge(cssClass(block.verdict()), badgeText(block));
    }

    static String badge(String cssClass, String text) {
        return "<span class=\"badge " + cssClass + "\">" + Html.escape(text) + "</span>";
    }

    /** The panel beside a checked block. */
    static String of(String path, BlockResult block) {
        StringBuilder html = new StringBuilder("<aside class=\"verdict\">\n");
        Position where = block.position().orElse(block.block().fence());
        html.append(badge(block)).append("<span class=\"where\">").append(Html.escape(path + ":" + where))
                .append("</span>");
        if (block.verdict() == Verdict.PASSED) {
            html.append("<span class=\"where\">").append(block.millis()).append(" ms</span>");
        }
        html.append('\n');
        String headline = firstLine(block.message());
        if (!headline.isEmpty()) {
            html.append("<p class=\"message\">").append(Html.escape(headline)).append("</p>\n");
        }
        for (Finding finding : block.findings()) {
            appendFinding(html, finding, headline, block.block().fence());
        }
        if (!block.output().isBlank()) {
            // what a failed block printed explains it; a passed block's is there for the curious
            html.append(block.verdict() == Verdict.FAILED ? "<details class=\"output\" open>" : "<details class=\"output\">")
                    .append("<summary>output</summary><pre>").append(Html.escape(block.output().stripTrailing()))
                    .append("</pre></details>\n");
        }
        return html.append("</aside>\n").toString();
    }

    /** The panel beside a block snipcheck does not check, such as {@code bash}. */
    static String notChecked(String language) {
        return "<aside class=\"verdict\">" + badge("not-checked", NOT_CHECKED) + "<span class=\"where\">"
                + Html.escape(language.isEmpty() ? "no language" : language) + "</span></aside>\n";
    }

    private static void appendFinding(StringBuilder html, Finding finding, String headline, Position fence) {
        List<String> lines = List.of(finding.message().strip().split("\\R", -1));
        html.append("<div class=\"finding\"><span class=\"where\">line ")
                .append(Html.escape(finding.position().orElse(fence).toString().replace(":", ", column ")))
                .append("</span>");
        if (!lines.get(0).equals(headline)) {
            html.append(' ').append(Html.escape(lines.get(0)));
        }
        if (lines.size() > 1) {
            appendDetail(html, lines.subList(1, lines.size()));
        }
        if (!finding.hint().isBlank()) {
            html.append("<p class=\"hint\">hint: ").append(Html.escape(finding.hint().strip())).append("</p>");
        }
        html.append("</div>\n");
    }

    /** The lines after a message's first: a unified diff (an output mismatch) is colored line by line. */
    private static void appendDetail(StringBuilder html, List<String> lines) {
        boolean diff = lines.get(0).startsWith("--- ");
        html.append(diff ? "<pre class=\"diff\">" : "<pre>");
        for (String line : lines) {
            String kind = !diff ? "" : line.startsWith("@@") ? "hunk" : line.startsWith("+") ? "add"
                    : line.startsWith("-") ? "del" : "";
            html.append(kind.isEmpty() ? Html.escape(line)
                    : "<span class=\"" + kind + "\">" + Html.escape(line) + "</span>").append('\n');
        }
        html.append("</pre>");
    }

    private static String firstLine(String message) {
        return message.strip().split("\\R", 2)[0];
    }
}
