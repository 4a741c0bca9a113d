package dev.snipcheck.junit;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.postgres.Database;
import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.PostgresServer;
import dev.snipcheck.report.TextReport;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.run.Verifier;
import dev.snipcheck.run.VerifyOptions;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the selected pages through the {@link Verifier} and reports each block's verdict to JUnit when its page ends
 * (a page's verdicts are final only then). A page whose selection is a single block still runs its earlier blocks,
 * which that block's session needs, but reports only the selected one. Never throws: whatever goes wrong fails the
 * tests it concerns.
 */
final class Execution {

    private final TestDescriptor engine;
    private final EngineExecutionListener listener;
    private final EngineSettings settings;
    /** The page each selected page descriptor runs as: cut after its last selected block. */
    private final Map<Page, PageDescriptor> running = new IdentityHashMap<>();
    private final List<PageDescriptor> reported = new ArrayList<>();

    Execution(TestDescriptor engine, EngineExecutionListener listener, EngineSettings settings) {
        this.engine = engine;
        this.listener = listener;
        this.settings = settings;
    }

    void run() {
        listener.executionStarted(engine);
        for (TestDescriptor child : engine.getChildren()) {
            if (child instanceof ProblemDescriptor problem) {
                listener.executionStarted(problem);
                listener.executionFinished(problem, TestExecutionResult.failed(new BlockFailure(problem.message())));
            } else if (child instanceof PageDescriptor page && !page.blocks().isEmpty()) {
                running.put(cut(page), page);
            }
        }
        try {
            verify();
        } catch (RuntimeException e) {
            failUnreported("snipcheck: internal error, please report it: " + e);
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    private void verify() {
        if (running.isEmpty()) {
            return;
        }
        List<Page> pages = List.copyOf(running.keySet());
        PostgresServer server;
        try {
            server = Verifier.needsDatabase(pages) ? ServerChoice.start(settings) : new NoServer();
        } catch (DatabaseUnavailableException e) {
            failUnreported("PostgreSQL unavailable: " + e.getMessage() + "\n = hint: " + ServerChoice.hint(settings, e));
            return;
        }
        VerifyOptions options = new VerifyOptions(settings.timeout(),
                TestClasspath.of(Thread.currentThread().getContextClassLoader()), settings.jobs(), true,
                settings.python());
        try (server; Verifier verifier = new Verifier(server, options)) {
            verifier.verify(pages.stream().sorted(
                    (a, b) -> a.displayPath().compareTo(b.displayPath())).toList(), this::report);
        }
    }

    /** The page up to its last selected block: later blocks cannot change the verdicts of earlier ones. */
    private static Page cut(PageDescriptor descriptor) {
        Page page = descriptor.page();
        int last = descriptor.blocks().stream().mapToInt(b -> b.block().ordinal()).max().orElse(-1);
        List<Block> blocks = page.blocks().subList(0, last + 1);
        return new Page(page.file(), page.displayPath(), page.options(), blocks, page.problems());
    }

    private void report(PageResult result) {
        PageDescriptor page = running.get(result.page());
        if (page == null) {
            return;
        }
        reported.add(page);
        listener.executionStarted(page);
        for (BlockDescriptor descriptor : page.blocks()) {
            BlockResult block = result.blocks().stream()
                    .filter(b -> b.block().fenceLine() == descriptor.block().fenceLine())
                    .findFirst()
                    .orElse(null);
            if (block == null) {
                listener.executionStarted(descriptor);
                listener.executionFinished(descriptor, TestExecutionResult.failed(
                        new BlockFailure("snipcheck: internal error, please report it: the block has no verdict")));
                continue;
            }
            switch (block.verdict()) {
                case PASSED -> {
                    listener.executionStarted(descriptor);
                    listener.executionFinished(descriptor, TestExecutionResult.successful());
                }
                case SKIPPED -> listener.executionSkipped(descriptor, block.message());
                case NOT_RUN -> listener.executionSkipped(descriptor, "not run: " + block.message());
                case FAILED -> {
                    listener.executionStarted(descriptor);
                    listener.executionFinished(descriptor, TestExecutionResult.failed(
                            new BlockFailure(new TextReport(false, false).failure(result.page(), block))));
                }
            }
        }
        listener.executionFinished(page, TestExecutionResult.successful());
    }

    /** Fails every block of the pages not reported yet, at their own lines. */
    private void failUnreported(String message) {
        for (PageDescriptor page : running.values()) {
            if (reported.contains(page)) {
                continue;
            }
            reported.add(page);
            listener.executionStarted(page);
            for (BlockDescriptor block : page.blocks()) {
                listener.executionStarted(block);
                listener.executionFinished(block, TestExecutionResult.failed(new BlockFailure(
                        page.page().displayPath() + ":" + block.block().fenceLine() + ": error: " + message)));
            }
            listener.executionFinished(page, TestExecutionResult.successful());
        }
    }

    /** The server of a run where no block needs a database: every page is skipped or malformed. */
    private static final class NoServer implements PostgresServer {

        @Override
        public Database createDatabase() throws DatabaseUnavailableException {
            throw new DatabaseUnavailableException("no block of the selected pages needs a database");
        }

        @Override
        public void dropDatabase(Database database) {
        }

        @Override
        public String description() {
            return "not started (no block needed a database)";
        }

        @Override
        public void close() {
        }
    }
}
