package dev.snipcheck.cli;

import dev.snipcheck.markdown.DocFinder;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.report.TextReport;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.run.RunSetup;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Watch mode: after the first run, re-verifies each page as it is saved, on the same warm run (compiler,
 * worker JVMs and database server already started), and prints the new verdicts of just those pages.
 */
final class Watch {

    /** Editors save in several writes (temporary file, rename, touch); wait this long for the last one. */
    private static final long SETTLE_MILLIS = 40;

    /** Reads one page; the CLI's reader, so paths are shown as in the first run. */
    @FunctionalInterface
    interface PageReader {
        Page read(Path file) throws IOException;
    }

    private final List<Path> inputs;
    private final RunSetup run;
    private final PageReader reader;
    private final TextReport report;
    private final PrintWriter out;
    private final PrintWriter err;

    Watch(List<Path> inputs, RunSetup run, PageReader reader, TextReport report, PrintWriter out, PrintWriter err) {
        this.inputs = inputs;
        this.run = run;
        this.reader = reader;
        this.report = report;
        this.out = out;
        this.err = err;
    }

    /** Runs until the thread is interrupted (Ctrl-C). */
    void run() throws IOException {
        try (WatchService service = FileSystems.getDefault().newWatchService()) {
            register(service);
            err.println("snipcheck: watching " + inputs.size() + " path(s) for changes; Ctrl-C to stop");
            err.flush();
            while (!Thread.currentThread().isInterrupted()) {
                Set<Path> changed = new TreeSet<>();
                collect(service.take(), changed);
                for (WatchKey more; (more = service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null; ) {
                    collect(more, changed);
                }
                register(service);
                verify(changed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void verify(Set<Path> changed) throws IOException {
        long start = System.nanoTime();
        List<Page> pages = new ArrayList<>();
        // the first run said which links are dangling; a link made meanwhile is not a saved page
        for (Path file : DocFinder.find(inputs, link -> { })) {
            if (changed.contains(file.toAbsolutePath().normalize())) {
                pages.add(reader.read(file));
            }
        }
        if (pages.isEmpty()) {
            return;
        }
        RunResult result = run.verify(pages, page -> { });
        report.write(result, out);
        out.flush();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        err.println("snipcheck: re-verified " + String.join(", ", pages.stream().map(Page::displayPath).toList())
                + " in " + millis + " ms");
        err.flush();
    }

    private static void collect(WatchKey key, Set<Path> changed) {
        Path directory = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path name) {
                changed.add(directory.resolve(name).toAbsolutePath().normalize());
            }
        }
        key.reset();
    }

    /** Registers every searched directory, again after each change, so that new directories are watched too. */
    private void register(WatchService service) throws IOException {
        for (Path directory : DocFinder.directories(inputs)) {
            directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        }
    }
}
