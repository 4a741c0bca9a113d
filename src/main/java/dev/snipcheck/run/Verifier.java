package dev.snipcheck.run;

import dev.snipcheck.java.CompiledPages;
import dev.snipcheck.java.JavaStage;
import dev.snipcheck.java.ModeInference;
import dev.snipcheck.java.PageInput;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Mode;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.postgres.PostgresServer;
import dev.snipcheck.python.PythonInterpreter;
import dev.snipcheck.python.PythonPage;
import dev.snipcheck.python.PythonSession;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.rules.StaticChecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Compiles and runs the checked blocks of pages and gives every one of them a verdict. Keeps its compiler, worker
 * JVMs and classes directory between calls, so that verifying again (watch mode) starts warm; close it to release them.
 */
public final class Verifier implements AutoCloseable {

    /** Pages per javac task: enough that javac's start is paid rarely, few enough to start running pages soon. */
    private static final int PAGES_PER_COMPILE = 32;

    private final PostgresServer server;
    private final VerifyOptions options;
    private final JavaStage javaStage;
    private final Path classes;
    /**
     * Worker JVMs of pages not running now: one set per job, each used by one page at a time. Last in, first out,
     * so that verifying a single page again finds the set that is already started and warm.
     */
    private final BlockingDeque<Workers> idle;
    private final ExecutorService threads;
    private final DatabaseSupply databases;
    /** The Python of python blocks, asked once per verifier, when a page first has python blocks. */
    private PythonInterpreter python;

    public Verifier(PostgresServer server, VerifyOptions options) {
        this.server = server;
        this.options = options;
        this.javaStage = new JavaStage(options.classpath());
        this.classes = temporaryDirectory();
        this.idle = new LinkedBlockingDeque<>();
        for (int i = 0; i < options.jobs(); i++) {
            idle.add(new Workers(options.classpath(), classes, options.detectors(), Set.copyOf(options.passEnv())));
        }
        this.threads = Executors.newFixedThreadPool(options.jobs(), Verifier::pageThread);
        this.databases = new DatabaseSupply(server, options.jobs());
    }

    /**
     * Verifies the pages; {@code onPage} hears of each page as its verdicts are final, in the order given.
     * Never throws for a block's or page's failure: those become verdicts.
     */
    public RunResult verify(List<Page> pages, Consumer<PageResult> onPage) {
        List<PageInput> inputs = new ArrayList<>();
        Map<Page, PythonPage> pythonPages = new IdentityHashMap<>();
        for (Page page : pages) {
            if (PythonPage.runsPython(page) && page.options().skip().isEmpty() && page.problems().isEmpty()) {
                pythonPages.put(page, new PythonPage(page, python(), pythonEnvironment(page)));
            }
            inputs.add(new PageInput(page, mode(page), page.options().skip().isPresent() || !page.problems().isEmpty()
                    ? List.of() : page.blocks().stream().filter(Verifier::compiles).toList()));
        }
        if (needsDatabase(pages)) {
            if (pages.stream().flatMap(page -> page.blocks().stream()).anyMatch(b -> b.isJava() || b.isSql())) {
                // the worker JVMs start while javac compiles; pages of python blocks alone need none
                idle.stream().limit(pages.size()).forEach(Workers::prestart);
            }
            // and so do the Pythons of the first pages to run
            pythonPages.values().stream().limit(options.jobs()).forEach(PythonPage::prestart);
        }
        // In parts, so that the first pages run while javac compiles the next ones, and javac never holds the trees
        // of a whole large corpus at once.
        List<Future<PageResult>> running = new ArrayList<>();
        // The first part is one page per job: javac's first task is its slowest (nothing is compiled by the JIT yet),
        // and no page runs before it ends.
        for (int from = 0, size = options.jobs(); from < inputs.size(); from += size, size = PAGES_PER_COMPILE) {
            List<PageInput> part = inputs.subList(from, Math.min(inputs.size(), from + size));
            StaticChecks checks = new StaticChecks();
            CompiledPages compiled = javaStage.compile(part, classes, checks);
            for (PageInput input : part) {
                PythonPage pythonPage = pythonPages.get(input.page());
                running.add(threads.submit(() -> run(input, compiled, checks, pythonPage)));
            }
        }
        // Pages finish in any order but are reported in the order given, so output is the same every run.
        List<PageResult> results = new ArrayList<>();
        for (Future<PageResult> page : running) {
            PageResult result = join(page);
            onPage.accept(result);
            results.add(result);
        }
        return new RunResult(results, server.description());
    }

    @Override
    public void close() {
        threads.shutdownNow();
        javaStage.close();
        idle.forEach(Workers::close);
        databases.close();
        delete(classes);
    }

    private PageResult run(PageInput input, CompiledPages compiled, StaticChecks checks, PythonPage python)
            throws InterruptedException {
        Workers workers = idle.takeFirst();
        try (python) {
            return new PageResult(input.page(), input.mode(), input.page().options().mode().isEmpty(),
                    new PageRun(input.page(), compiled, server, databases, workers, options, checks, python).run());
        } finally {
            idle.addFirst(workers);
        }
    }

    /** What a page's Python sees of snipcheck's environment: what a Java worker of the page would see. */
    private Map<String, String> pythonEnvironment(Page page) {
        Set<String> passed = new java.util.TreeSet<>(options.passEnv());
        passed.addAll(page.options().env());
        return WorkerEnvironment.of(System.getenv(), passed);
    }

    private synchronized PythonInterpreter python() {
        if (python == null) {
            python = PythonInterpreter.find(options.python());
        }
        return python;
    }

    private static PageResult join(Future<PageResult> page) {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying pages", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private static Thread pageThread(Runnable task) {
        Thread thread = new Thread(task, "snipcheck-page");
        thread.setDaemon(true);
        return thread;
    }

    /** True when some block would compile or run; pages that are skipped or malformed need no server. */
    static boolean needsDatabase(List<Page> pages) {
        return pages.stream()
                .filter(page -> page.options().skip().isEmpty() && page.problems().isEmpty())
                .flatMap(page -> page.blocks().stream())
                .anyMatch(block -> block.isChecked() && !block.attributes().ignore() && block.problems().isEmpty());
    }

    private static Mode mode(Page page) {
        boolean onlyPython = page.blocks().stream().noneMatch(Block::isJava) && PythonPage.runsPython(page);
        return onlyPython ? PythonSession.mode(page) : page.options().mode().orElseGet(() -> ModeInference.infer(page));
    }

    private static boolean compiles(Block block) {
        return block.isJava() && !block.attributes().ignore() && block.problems().isEmpty();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("snipcheck-classes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing a run for
        }
    }
}
