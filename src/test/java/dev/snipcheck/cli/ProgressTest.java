package dev.snipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.snipcheck.markdown.Mode;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.PageOptions;
import dev.snipcheck.result.PageResult;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final StringWriter err = new StringWriter();
    private final AtomicLong now = new AtomicLong();

    @Test
    void silentDuringTheFirstTwoSeconds() {
        Progress progress = new Progress(new PrintWriter(err), 3, true, now::get);
        now.set(Progress.DELAY_NANOS - 1);
        progress.accept(page("docs/a.md"));
        progress.finish();
        assertEquals("", err.toString());
    }

    @Test
    void oneOverwrittenLineThenCleared() {
        Progress progress = new Progress(new PrintWriter(err), 3, true, now::get);
        progress.accept(page("docs/a-long-name.md"));
        now.set(Progress.DELAY_NANOS);
        progress.accept(page("docs/b-long-name.md"));
        progress.accept(page("docs/c.md"));
        progress.finish();
        String b = "[2/3 pages] docs/b-long-name.md";
        String c = "[3/3 pages] docs/c.md";
        assertEquals("\r" + b + "\r" + c + " ".repeat(b.length() - c.length())
                + "\r" + " ".repeat(b.length()) + "\r", err.toString());
    }

    @Test
    void neverWhenNotATerminal() {
        Progress progress = new Progress(new PrintWriter(err), 1, false, now::get);
        now.set(Progress.DELAY_NANOS * 10);
        progress.accept(page("docs/a.md"));
        progress.finish();
        assertEquals("", err.toString());
    }

    @Test
    void longPathsAreCutFromTheLeftToFitOneLine() {
        Progress progress = new Progress(new PrintWriter(err), 1, true, now::get);
        now.set(Progress.DELAY_NANOS);
        progress.accept(page("docs/" + "x".repeat(100) + ".md"));
        String line = err.toString().substring(1);
        assertEquals(Progress.MAX_WIDTH, line.length());
        assertEquals("...", line.substring(0, 3));
    }

    private static PageResult page(String path) {
        return new PageResult(new Page(Path.of(path), path, PageOptions.NONE, List.of(), List.of()), Mode.SYNC, false,
                List.of());
    }
}
