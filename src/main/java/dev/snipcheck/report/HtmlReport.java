package dev.snipcheck.report;

import dev.snipcheck.markdown.MarkdownReader;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.result.Verdict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes a run as static HTML for people: each page rendered with every block's verdict beside it, and an
 * {@code index.html} with each page's coverage, worst first. No script, no server: the files open from a CI artifact.
 */
public final class HtmlReport {

    private final MarkdownReader reader = new MarkdownReader();

    /** Writes {@code index.html} and one file per page into {@code directory}, creating it when needed. */
    public void write(RunResult result, Path directory) throws IOException {
        Files.createDirectories(directory);
        for (PageResult page : result.pages()) {
            Path file = directory.resolve(fileOf(page.page().displayPath()));
            Files.createDirectories(file.getParent());
            Files.writeString(file, pageDocument(page), StandardCharsets.UTF_8);
        }
        Files.writeString(directory.resolve("index.html"), index(result), StandardCharsets.UTF_8);
    }

    /**
     * Where a page's HTML goes, relative to the report's directory: its display path with {@code .html} added, so that
     * the folders mirror the docs'; a path that leaves the working directory stays inside the report's.
     */
    static String fileOf(String displayPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : displayPath.replace('\\', '/').split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment.equals("..") ? "up" : segment.replace(':', '_'));
            }
        }
        return String.join("/", segments) + ".html";
    }

    private String pageDocument(PageResult page) throws IOException {
        String path = page.page().displayPath();
        String up = "../".repeat(fileOf(path).split("/").length - 1);
        Coverage coverage = Coverage.of(page);
        String body = "<nav><a href=\"" + up + "index.html\">all pages</a></nav>\n"
                + "<h1>" + Html.escape(path) + "</h1>\n"
                + "<p class=\"summary\">" + coverage.bar() + " " + Html.escape(coverage.counts()) + "</p>\n"
                + new PageHtml(page).render(reader.body(page.page().file()));
        return Html.document(path + " - snipcheck", body);
    }

    private static String index(RunResult result) {
        StringBuilder body = new StringBuilder("<h1>snipcheck report</h1>\n<p class=\"summary\">")
                .append(Html.escape(new TextReport(false, false).summary(result))).append("</p>\n")
                .append("<p class=\"where\">PostgreSQL: ").append(Html.escape(result.database())).append("</p>\n")
                .append("<table>\n<tr><th>page</th><th>coverage</th><th>verified</th><th>failed</th><th>skipped</th>"
                        + "<th>not run</th><th>not checked</th></tr>\n");
        List<PageResult> worstFirst = result.pages().stream()
                .sorted(Comparator.comparing(Coverage::of, Coverage.WORST_FIRST)
                        .thenComparing(p -> p.page().displayPath()))
                .toList();
        for (PageResult page : worstFirst) {
            Coverage coverage = Coverage.of(page);
            body.append("<tr class=\"page\"><td><a href=\"").append(Html.escape(fileOf(page.page().displayPath())))
                    .append("\">").append(Html.escape(page.page().displayPath())).append("</a></td><td>")
                    .append(coverage.bar()).append("</td>");
            for (long n : List.of(coverage.verified(), coverage.failed(), coverage.skipped(), coverage.notRun(),
                    coverage.notChecked())) {
                body.append("<td class=\"n\">").append(n).append("</td>");
            }
            body.append("</tr>\n");
        }
        return Html.document("snipcheck report", body.append("</table>\n").toString());
    }

    /** A page's blocks by verdict; verified are the blocks that passed. */
    record Coverage(long verified, long failed, long skipped, long notRun, long notChecked) {

        /** Failures first, the most first; then the smallest verified share; pages without blocks last. */
        static final Comparator<Coverage> WORST_FIRST = Comparator.comparingLong(Coverage::failed).reversed()
                .thenComparingDouble(Coverage::share);

        static Coverage of(PageResult page) {
            return new Coverage(count(page, Verdict.PASSED), count(page, Verdict.FAILED),
                    count(page, Verdict.SKIPPED), count(page, Verdict.NOT_RUN), page.notChecked());
        }

        private static long count(PageResult page, Verdict verdict) {
            return page.blocks().stream().filter(b -> b.verdict() == verdict).count();
        }

        long total() {
            return verified + failed + skipped + notRun + notChecked;
        }

        double share() {
            return total() == 0 ? 2 : (double) verified / total();
        }

        String counts() {
            return verified + " of " + total() + " blocks verified, " + failed + " failed, " + skipped + " skipped, "
                    + notRun + " not run, " + notChecked + " not checked";
        }

        /** The blocks as a stacked bar, readable without color through its title. */
        String bar() {
            StringBuilder bar = new StringBuilder("<span class=\"bar\" title=\"" + Html.escape(counts()) + "\">");
            segment(bar, "passed", verified);
            segment(bar, "failed", failed);
            segment(bar, "skipped", skipped + notRun);
            segment(bar, "not-checked", notChecked);
            return bar.append("</span>").toString();
        }

        private void segment(StringBuilder bar, String css, long n) {
            if (n > 0) {
                bar.append("<span class=\"").append(css).append("\" style=\"width:")
                        .append(String.format(Locale.ROOT, "%.2f", 100.0 * n / total())).append("%\"></span>");
            }
        }
    }
}
