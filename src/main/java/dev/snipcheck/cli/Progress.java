package dev.snipcheck.cli;

import dev.snipcheck.result.PageResult;

import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One self-overwriting status line on a terminal ({@code [12/40 pages] docs/pool.md}), shown only once a run has
 * taken a while, so short runs print nothing but their report.
 */
final class Progress implements Consumer<PageResult> {

    static final long DELAY_NANOS = 2_000_000_000L;
    /** A line that wraps can no longer be overwritten with '\r'; 80 columns is the safe guess. */
    static final int MAX_WIDTH = 79;

    private final PrintWriter err;
    private final int total;
    private final boolean enabled;
    private final LongSupplier nanoTime;
    private final long started;
    private int done;
    private int shownWidth;

    Progress(PrintWriter err, int total, boolean enabled, LongSupplier nanoTime) {
        this.err = err;
        this.total = total;
        this.enabled = enabled;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
    }

    @Override
    public synchronized void accept(PageResult page) {
        done++;
        if (!enabled || nanoTime.getAsLong() - started < DELAY_NANOS) {
            return;
        }
        String line = fit("[" + done + "/" + total + " pages] " + page.page().displayPath());
        // pad with blanks: a shorter line must hide the tail of the longer one before it
        err.print("\r" + line + " ".repeat(Math.max(0, shownWidth - line.length())));
        err.flush();
        shownWidth = Math.max(shownWidth, line.length());
    }

    /** Removes the line, leaving the cursor where the report starts. */
    synchronized void finish() {
        if (shownWidth > 0) {
            err.print("\r" + " ".repeat(shownWidth) + "\r");
            err.flush();
            shownWidth = 0;
        }
    }

    private static String fit(String line) {
        return line.length() <= MAX_WIDTH ? line : "..." + line.substring(line.length() - (MAX_WIDTH - 3));
    }
}
