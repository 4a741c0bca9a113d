package dev.snipcheck.java;

import com.sun.source.util.JavacTask;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.timing.Timings;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles the Java blocks of the pages it is given (a run gives them in parts of 32) in-process with
 * javax.tools, in as few javac tasks as correctness allows: one parse, one analysis per round of {@code var}
 * inference (usually none or one), one compilation of everything, and one for the {@code compile_fail} blocks.
 * A block that does not compile costs only the later blocks of its session that need what it declares.
 */
public final class JavaStage implements AutoCloseable {

    private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    private final String classpath;
    /**
     * Kept for the stage's life: it holds the opened class path archives, so a later compile (watch mode) does not
     * open and index them again.
     */
    private final StandardJavaFileManager files =
            compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    /**
     * Pages compiled by earlier calls: page packages are numbered on from there, so a warm worker JVM whose class
     * loader already holds an earlier version of a page never runs a stale class.
     */
    private int packageBase;

    /** @param classpath what snippets compile against: snipcheck, its dependencies, the user's classes */
    public JavaStage(String classpath) {
        this.classpath = classpath;
    }

    /**
     * Compiles the pages' blocks into {@code classes}; each call's classes have names no earlier call used.
     *
     * @param listener hears of this call's classes as javac analyzes them in the compilation that is kept: pages
     *                 compiled in parts each get their own, so one part's findings outlive the next part's compile
     */
    public synchronized CompiledPages compile(List<PageInput> pages, Path classes, AnalysisListener listener) {
        try {
            return compilePages(pages, classes, listener);
        } finally {
            packageBase += pages.size();
        }
    }

    private CompiledPages compilePages(List<PageInput> pages, Path classes, AnalysisListener listener) {
        List<Block> all = pages.stream().flatMap(p -> p.blocks().stream()).toList();
        Map<Block, JavaBlock> parsed = new IdentityHashMap<>();
        List<JavaBlock> parsedBlocks;
        try (var timed = Timings.start("02 parse java blocks")) {
            parsedBlocks = new BlockParser().parse(all);
        }
        for (JavaBlock block : parsedBlocks) {
            parsed.put(block.block(), block);
        }
        Map<PageInput, List<JavaBlock>> remaining = new LinkedHashMap<>();
        List<PageInput> withCompileFail = new ArrayList<>();
        for (PageInput page : pages) {
            List<JavaBlock> blocks = new ArrayList<>();
            for (Block block : page.blocks()) {
                if (block.attributes().compileFail()) {
                    withCompileFail.add(page);
                } else {
                    blocks.add(parsed.get(block));
                }
            }
            remaining.put(page, blocks);
        }
        try {
            Map<Piece.Declarator, String> types = new VarInference(this::generator,
                    sources -> task(files, sources, new DiagnosticCollector<>(), null)).types(remaining);
            Map<String, GeneratedSource> sources = new HashMap<>();
            CompiledPages result = new CompiledPages(classes, sources);
            for (int index = 0; index < pages.size(); index++) {
                result.putPage(pages.get(index).page(), packageOf(index) + "." + PageGenerator.PAGE_ROOT);
            }
            compileAll(remaining, types, files, classes, sources, result, listener);
            compileExpectedFailures(withCompileFail.stream().distinct().toList(), parsed, remaining, types, files, classes, result);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String packageOf(int index) {
        return String.format(Locale.ROOT, "snipcheck.p%03d", packageBase + index + 1);
    }

    private PageGenerator generator(PageInput page, int index, Map<Piece.Declarator, String> types) {
        return new PageGenerator(packageOf(index), page.mode(), page.page().options().imports(), types);
    }

    /** Compiles every page; the blocks that fail are left out and the rest compiled again, until all compile. */
    private void compileAll(Map<PageInput, List<JavaBlock>> pages, Map<Piece.Declarator, String> types,
                            StandardJavaFileManager files, Path classes, Map<String, GeneratedSource> sourcesByPath,
                            CompiledPages result, AnalysisListener listener) throws IOException {
        Map<PageInput, FailedNames> failed = new IdentityHashMap<>();
        while (true) {
            List<PageGenerator.Unit> units = new ArrayList<>();
            Map<PageGenerator.Unit, Page> pageOf = new IdentityHashMap<>();
            int index = 0;
            for (Map.Entry<PageInput, List<JavaBlock>> page : pages.entrySet()) {
                for (PageGenerator.Unit unit : generator(page.getKey(), index++, types).generate(page.getValue())) {
                    units.add(unit);
                    pageOf.put(unit, page.getKey().page());
                }
            }
            if (units.isEmpty()) {
                return; // javac refuses to compile nothing: a run without pages has no classes
            }
            UnitSources sources = UnitSources.of(units);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            Files.createDirectories(classes);
            JavacTask task = task(files, sources.files(), diagnostics, classes);
            listener.roundStarted();
            task.addTaskListener(new AnalysisRelay(task, sources.unitOf(), pageOf, listener));
            boolean ok;
            try (var timed = Timings.start("04 javac compile (incl. static rules)")) {
                ok = task.call();
            }
            Map<JavaBlock, List<CompileError>> errors = CompileErrors.byBlock(diagnostics, sources.unitOf());
            if (ok || errors.isEmpty()) {
                if (!ok) {
                    throw new IllegalStateException("javac failed without an error in any block: " + diagnostics.getDiagnostics());
                }
                for (PageGenerator.Unit unit : units) {
                    sourcesByPath.put(unit.path(), unit.source());
                    if (unit.block() != null) {
                        result.putSource(unit.path(), unit.block().block());
                    }
                }
                record(units, result);
                return;
            }
            for (Map.Entry<PageInput, List<JavaBlock>> page : pages.entrySet()) {
                dropFailed(page.getValue(), errors, result, failed.computeIfAbsent(page.getKey(), p -> new FailedNames()));
            }
        }
    }

    /**
     * Records the compiled blocks with the bindings class of their scope: the page's root, or the
     * root written just before an isolated block. A unit without {@code main} has nothing to run.
     */
    private static void record(List<PageGenerator.Unit> units, CompiledPages result) {
        String page = null;
        String scope = null;
        for (PageGenerator.Unit unit : units) {
            if (unit.block() == null) {
                scope = unit.className();
                if (scope.endsWith("." + PageGenerator.PAGE_ROOT)) {
                    page = scope;
                }
                continue;
            }
            JavaBlock block = unit.block();
            boolean runsNothing = block.unit() && block.mainClass().isEmpty();
            result.put(new CompiledBlock(block.block(), CompiledBlock.Status.COMPILED,
                    runsNothing ? null : unit.className(), block.unit(), List.of()),
                    block.block().attributes().isolated() ? scope : page);
        }
    }

    /**
     * Leaves out the blocks that did not compile, as JShell does: the later blocks of their session are compiled
     * again without them, and one that then fails only for want of their names is not run.
     */
    private static void dropFailed(List<JavaBlock> blocks, Map<JavaBlock, List<CompileError>> errors,
                                   CompiledPages result, FailedNames failed) {
        for (var it = blocks.iterator(); it.hasNext(); ) {
            JavaBlock block = it.next();
            List<CompileError> own = errors.get(block);
            if (own == null) {
                continue;
            }
            boolean session = !block.block().attributes().isolated();
            Optional<CompileError> needs = session ? failed.needs(own) : Optional.empty();
            if (needs.isPresent()) {
                result.put(new CompiledBlock(block.block(), CompiledBlock.Status.DROPPED, null, false,
                        List.of(needs.get())), null);
                failed.dropped(block);
            } else {
                result.put(new CompiledBlock(block.block(), CompiledBlock.Status.FAILED, null, false, own), null);
                if (session) {
                    failed.failed(block);
                }
            }
            it.remove();
        }
    }

    /** Each {@code compile_fail} block, compiled against its page's compiled session, must fail. */
    private void compileExpectedFailures(List<PageInput> pages, Map<Block, JavaBlock> parsed,
                                         Map<PageInput, List<JavaBlock>> compiled, Map<Piece.Declarator, String> types,
                                         StandardJavaFileManager files, Path classes, CompiledPages result)
            throws IOException {
        if (pages.isEmpty()) {
            return;
        }
        List<PageInput> order = new ArrayList<>(compiled.keySet());
        List<PageGenerator.Unit> units = new ArrayList<>();
        List<JavaBlock> expected = new ArrayList<>();
        for (PageInput page : pages) {
            List<JavaBlock> blocks = new ArrayList<>();
            boolean sessionBroken = false;
            for (Block block : page.blocks()) {
                JavaBlock javaBlock = parsed.get(block);
                CompiledBlock done = result.block(block);
                boolean failedBefore = done != null && done.status() != CompiledBlock.Status.COMPILED;
                sessionBroken |= failedBefore && !block.attributes().isolated();
                if (block.attributes().compileFail()) {
                    if (sessionBroken && !block.attributes().isolated()) {
                        result.put(new CompiledBlock(block, CompiledBlock.Status.DROPPED, null, false, List.of()), null);
                    } else {
                        blocks.add(javaBlock);
                        expected.add(javaBlock);
                    }
                } else if (!failedBefore) {
                    blocks.add(javaBlock);
                }
            }
            for (PageGenerator.Unit unit : generator(page, order.indexOf(page), types).generate(blocks)) {
                boolean isolatedRoot = unit.block() == null && !unit.className().endsWith("." + PageGenerator.PAGE_ROOT);
                if (isolatedRoot || unit.block() != null && unit.block().block().attributes().compileFail()) {
                    units.add(unit);
                }
            }
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        // inside the run's class directory, which is deleted after the run; the classes are never loaded
        Path scratch = Files.createTempDirectory(classes, "compile-fail");
        UnitSources sources = UnitSources.of(units);
        task(files, sources.files(), diagnostics, scratch, classes).call();
        Map<JavaBlock, List<CompileError>> errors = CompileErrors.byBlock(diagnostics, sources.unitOf());
        for (JavaBlock block : expected) {
            List<CompileError> own = errors.getOrDefault(block, List.of());
            Optional<String> text = block.block().attributes().compileFailText();
            boolean met = !own.isEmpty() && text.map(t -> own.stream().anyMatch(e -> e.message().contains(t))).orElse(true);
            result.put(new CompiledBlock(block.block(), met ? CompiledBlock.Status.EXPECTED_FAILURE
                    : CompiledBlock.Status.UNEXPECTED_SUCCESS, null, false, own), null);
        }
    }

    private JavacTask task(StandardJavaFileManager files, List<StringSource> sources,
                           DiagnosticCollector<JavaFileObject> diagnostics, Path out) {
        return task(files, sources, diagnostics, out, null);
    }

    private JavacTask task(StandardJavaFileManager files, List<StringSource> sources,
                           DiagnosticCollector<JavaFileObject> diagnostics, Path out, Path extraClasspath) {
        // should-stop.ifError=FLOW: every block is attributed even after another block's error, so each
        // block's own errors are all known (as Error Prone does); the default may stop after the first.
        List<String> options = new ArrayList<>(List.of("-proc:none", "-g", "-nowarn", "-Xlint:none",
                "-Xmaxerrs", String.valueOf(Integer.MAX_VALUE), "-implicit:none", "-XDshould-stop.ifError=FLOW"));
        String cp = extraClasspath == null ? classpath : extraClasspath + java.io.File.pathSeparator + classpath;
        options.addAll(List.of("-classpath", cp));
        if (out != null) {
            options.addAll(List.of("-d", out.toString()));
        }
        return (JavacTask) compiler.getTask(null, files, diagnostics, options, null, sources);
    }

    @Override
    public void close() {
        try {
            files.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
