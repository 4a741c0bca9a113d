package dev.snipcheck.report;

/** Text made safe to put into HTML, and the frame every file of the HTML report shares. */
final class Html {

    /** Inline, so each file reads on its own from a CI artifact, with no script and no other request. */
    private static final String STYLE = """
            body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1400px;padding:1em 2em;color:#1f2328}
            a{color:#0969da}
            pre{background:#f6f8fa;padding:.6em .8em;overflow-x:auto;border-radius:6px;font-size:13px}
            code{font-family:ui-monospace,Menlo,Consolas,monospace}
            .block{display:flex;gap:1em;align-items:flex-start;border-left:5px solid #d0d7de;padding-left:.8em;margin:1em 0}
            .block>.code{flex:3;min-width:0}
            .block>.verdict{flex:2;min-width:0;font-size:14px}
            .block.passed{border-color:#1a7f37}.block.failed{border-color:#cf222e;background:#fff5f5}
            .block.skipped,.block.not-run{border-color:#bf8700}
            .badge{display:inline-block;padding:0 .6em;border-radius:1em;font-weight:600;font-size:13px;color:#fff}
            .badge.passed{background:#1a7f37}.badge.failed{background:#cf222e}
            .badge.skipped,.badge.not-run{background:#9a6700}.badge.not-checked{background:#6e7781}
            .where{font-family:ui-monospace,Menlo,Consolas,monospace;color:#57606a;margin-left:.5em}
            .message{font-weight:600;margin:.4em 0;white-space:pre-wrap}
            .finding{margin:.4em 0}.hint{color:#57606a}
            .diff .del{color:#cf222e}.diff .add{color:#1a7f37}.diff .hunk{color:#8250df}
            details.hidden{border:1px dashed #afb8c1;border-radius:6px;padding:.3em .8em;margin:1em 0}
            details.hidden>summary{cursor:pointer;color:#57606a}
            .expected{margin-top:-.6em}.expected>.label{font-size:12px;color:#57606a}
            table{border-collapse:collapse}td,th{padding:.3em .8em;border-bottom:1px solid #d0d7de;text-align:left}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            .bar{display:flex;width:14em;height:.8em;border-radius:.4em;overflow:hidden;background:#eaeef2}
            .bar>.passed{background:#1a7f37}.bar>.failed{background:#cf222e}.bar>.skipped{background:#bf8700}
            .bar>.not-checked{background:#afb8c1}
            """;

    private Html() {
    }

    /**
     * Escapes the five characters HTML gives meaning to; control characters, which HTML cannot hold, are written as
     * {@code \}{@code uXXXX} as in the JUnit report.
     */
    static String escape(String text) {
        String clean = JunitReport.clean(text);
        StringBuilder b = new StringBuilder(clean.length());
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A whole HTML document around {@code body}, which is HTML already. */
    static String document(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }
}
