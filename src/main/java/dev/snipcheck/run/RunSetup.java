package dev.snipcheck.run;

import dev.snipcheck.cache.VerdictCache;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.timing.Timings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One run as every front end sets it up: its settings, where its notices go, a PostgreSQL server that starts while
 * javac compiles the pages (and only when some block needs one), a verifier that stays warm between calls, and the
 * verdict cache if the front end turned it on. The command line, the JUnit engine and the Maven plugin differ only in
 * how they read the settings and show what happened.
 */
public final class RunSetup implements AutoCloseable {

    private final LazyServer server;
    private final Verifier verifier;
    private final Consumer<String> notices;
    private Optional<VerdictCache> cache;

    /**
     * @param classpath what snippets compile and run against
     * @param cache     the verdict cache's directory; empty to run every page
     * @param servers   starts the server that the settings choose
     * @param notices   hears each notice as one line to show the user, e.g. {@code snipcheck: embedded PostgreSQL:
     *                  no Docker engine answered (no /var/run/docker.sock)}; nothing of a run writes to stderr itself
     */
    public RunSetup(RunSettings settings, String classpath, Optional<Path> cache, ServerFactory servers,
                    Consumer<String> notices) {
        this.notices = notice -> notices.accept("snipcheck: " + notice);
        this.server = new LazyServer(() -> servers.start(settings.postgres(), this.notices));
        this.verifier = new Verifier(server, settings.verifyOptions(classpath));
        this.cache = cache.flatMap(directory -> open(directory, settings, classpath));
    }

    /**
     * Verifies the pages as {@link Verifier#verify} does, but for those the cache has verdicts of; PostgreSQL, when
     * some page to run needs it and it does not run yet, starts now on a thread of its own, while javac compiles.
     */
    public RunResult verify(List<Page> pages, Consumer<PageResult> onPage) {
        InOrder results = new InOrder(pages.size(), onPage);
        List<Page> toRun = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            Optional<PageResult> cached;
            try (var timed = Timings.start("00 verdict cache lookup")) {
                cached = cache.isPresent() ? cache.get().lookup(pages.get(i)) : Optional.empty();
            }
            if (cached.isPresent()) {
                results.add(i, cached.get());
            } else {
                toRun.add(pages.get(i));
                results.expect(i);
            }
        }
        if (toRun.isEmpty()) {
            return new RunResult(results.all(), describeServer());
        }
        if (Verifier.needsDatabase(toRun)) {
            server.startInBackground();
        }
        RunResult ran = verifier.verify(toRun, results::next);
        try (var timed = Timings.start("12 verdict cache store")) {
            store(ran);
        }
        return new RunResult(results.all(), ran.database());
    }

    /**
     * Why PostgreSQL could not be provided, if a block needed it; the blocks that needed it have reason database.
     *
     * @throws RuntimeException the defect of snipcheck that kept it from starting, for the front end to report as one
     */
    public Optional<DatabaseUnavailableException> failure() {
        Optional<DatabaseUnavailableException> failure = server.failure();
        Optional<RuntimeException> defect = server.unexpected();
        if (defect.isPresent()) {
            throw defect.get();
        }
        return failure;
    }

    /** Why PostgreSQL stopped answering during the run, if it did. */
    public Optional<String> lost() {
        return server.lost();
    }

    @Override
    public void close() {
        verifier.close();
        server.close();
    }

    private String describeServer() {
        return server.version().isPresent() ? server.description()
                : "not started (every page's verdicts came from the verdict cache)";
    }

    private void store(RunResult ran) {
        if (cache.isEmpty()) {
            return;
        }
        try {
            for (PageResult page : ran.pages()) {
                cache.get().store(page, server.version());
            }
            cache.get().finish(server.version());
        } catch (IOException e) {
            notices.accept("verdict cache off: cannot write to it: " + e);
            cache = Optional.empty();
        }
    }

    private Optional<VerdictCache> open(Path directory, RunSettings settings, String classpath) {
        try {
            return Optional.of(VerdictCache.open(directory, settings, classpath));
        } catch (IOException | RuntimeException e) {
            notices.accept("verdict cache off: cannot use " + directory + ": " + e);
            return Optional.empty();
        }
    }
}
