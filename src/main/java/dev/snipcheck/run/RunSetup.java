package dev.snipcheck.run;

import dev.snipcheck.markdown.Page;
import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.RunResult;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One run as every front end sets it up: its settings, where its notices go, a PostgreSQL server that starts while
 * javac compiles the pages (and only when some block needs one), and a verifier that stays warm between calls. The
 * command line and the JUnit engine differ only in how they read the settings and show what happened.
 */
public final class RunSetup implements AutoCloseable {

    private final LazyServer server;
    private final Verifier verifier;

    /**
     * @param classpath what snippets compile and run against
     * @param servers   starts the server that the settings choose
     * @param notices   hears each notice as one line to show the user, e.g. {@code snipcheck: embedded PostgreSQL:
     *                  no Docker engine answered (no /var/run/docker.sock)}; nothing of a run writes to stderr itself
     */
    public RunSetup(RunSettings settings, String classpath, ServerFactory servers, Consumer<String> notices) {
        Consumer<String> lines = notice -> notices.accept("snipcheck: " + notice);
        this.server = new LazyServer(() -> servers.start(settings.postgres(), lines));
        this.verifier = new Verifier(server, settings.verifyOptions(classpath));
    }

    /**
     * Verifies the pages as {@link Verifier#verify} does; PostgreSQL, when some block needs it and it does not run
     * yet, starts now on a thread of its own, while javac compiles.
     */
    public RunResult verify(List<Page> pages, Consumer<PageResult> onPage) {
        if (Verifier.needsDatabase(pages)) {
            server.startInBackground();
        }
        return verifier.verify(pages, onPage);
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
}
