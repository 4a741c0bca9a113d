package dev.snipcheck.junit;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.report.TextReport;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.Reason;
import dev.snipcheck.run.RunSetup;
import dev.snipcheck.run.ServerFactory;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the selected pages through a {@link RunSetup}, as every front end does, and reports each block's verdict to
 * JUnit when its page ends (a page's verdicts are final only then). A page whose selection is a single block still
 * runs its earlier blocks, which that block's session needs, but reports only the selected one. Never throws:
 * whatever goes wrong fails the tests it concerns.
 */
final class Execution {

    private final TestDescriptor engine;
    private final EngineExecutionListener listener;
    private final EngineSettings settings;
    private final ServerFactory servers;
    private final Consumer<String> notices;
    /** The page each selected page descriptor runs as: cut after its last selected block. */
    private final Map<Page, PageDescriptor> running = new IdentityHashMap<>();
    private final List<PageDescriptor> reported = new ArrayList<>();

    /** @param notices hears the run's notices, e.g. which backend {@code auto} chose, each as one line */
    Execution(TestDescriptor engine, EngineExecutionListener listener, EngineSettings settings, ServerFactory servers,
              Consumer<String> notices) {
        this.engine = engine;
        this.listener = listener;
        this.settings = settings;
        this.servers = servers;
        this.notices = notices;
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
        List<Page> pages = running.keySet().stream().sorted(Comparator.comparing(Page::displayPath)).toList();
        String classpath = TestClasspath.of(Thread.currentThread().getContextClassLoader());
        try (RunSetup run = new RunSetup(settings.run(), classpath, settings.cache(), servers, notices)) {
            run.verify(pages, result -> report(result, run));
        }
    }

    /** The page up to its last selected block: later blocks cannot change the verdicts of earlier ones. */
    private static Page cut(PageDescriptor descriptor) {
        Page page = descriptor.page();
        int last = descriptor.blocks().stream().mapToInt(b -> b.block().ordinal()).max().orElse(-1);
        List<Block> blocks = page.blocks().subList(0, last + 1);
        return new Page(page.file(), page.displayPath(), page.options(), blocks, page.problems());
    }

    private void report(PageResult result, RunSetup run) {
        PageDescriptor page = running.get(result.page());
        if (page == null) {
            return;
        }
        // a page that could not get its database fails where it is selected, with what to change, as it would
        // have if the engine had waited for the server before compiling
        Optional<DatabaseUnavailableException> failure = result.blocks().stream()
                .anyMatch(block -> block.reason().equals(Optional.of(Reason.DATABASE)))
                ? run.failure() : Optional.empty();
        if (failure.isPresent()) {
            fail(page, "PostgreSQL unavailable: " + failure.get().getMessage() + "\n = hint: "
                    + EngineSettings.POSTGRES_NAMES.hint(settings.run().postgres(), failure.get()));
            return;
        }
        reported.add(page);
        listener.executionStarted(page);
        for (BlockDescriptor descriptor : page.blocks()) {
            BlockResult block = result.blocks().stream()
                    .filter(b -> b.block().ordinal() == descriptor.block().ordinal())
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
            if (!reported.contains(page)) {
                fail(page, message);
            }
        }
    }

    /** Fails every selected block of the page at its own line. */
    private void fail(PageDescriptor page, String message) {
        reported.add(page);
        listener.executionStarted(page);
        for (BlockDescriptor block : page.blocks()) {
            listener.executionStarted(block);
            listener.executionFinished(block, TestExecutionResult.failed(new BlockFailure(
                    block.block().displayPath(page.page().displayPath()) + ":" + block.block().fenceLine() + ": error: "
                            + message)));
        }
        listener.executionFinished(page, TestExecutionResult.successful());
    }
}
