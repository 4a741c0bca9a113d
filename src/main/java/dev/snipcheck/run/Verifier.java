package dev.snipcheck.run;

import dev.snipcheck.java.CompiledPages;
import dev.snipcheck.java.JavaStage;
import dev.snipcheck.java.ModeInference;
import dev.snipcheck.java.PageInput;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Mode;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.postgres.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Compiles and runs the checked blocks of pages and gives every one of them a verdict. */
public final class Verifier {

    private final PostgresServer server;
    private final VerifyOptions options;

    public Verifier(PostgresServer server, VerifyOptions options) {
        this.server = server;
        this.options = options;
    }

    /**
     * Verifies the pages; {@code onPage} hears of each page as its verdicts are final.
     * Never throws for a block's or page's failure: those become verdicts.
     */
    public RunResult verify(List<Page> pages, Consumer<PageResult> onPage) {
        List<PageInput> inputs = new ArrayList<>();
        for (Page page : pages) {
            inputs.add(new PageInput(page, mode(page), page.options().skip().isPresent() || !page.problems().isEmpty()
                    ? List.of() : page.blocks().stream().filter(Verifier::compiles).toList()));
        }
        Path classes = temporaryDirectory();
        try (Workers workers = new Workers(options.classpath(), classes, options.detectors())) {
            CompiledPages compiled = new JavaStage(options.classpath()).compile(inputs, classes);
            List<PageResult> results = new ArrayList<>();
            for (PageInput input : inputs) {
                PageResult result = new PageResult(input.page(), input.mode(), input.page().options().mode().isEmpty(),
                        new PageRun(input.page(), compiled, server, workers, options).run());
                onPage.accept(result);
                results.add(result);
            }
            return new RunResult(results, server.description());
        } finally {
            delete(classes);
        }
    }

    private static Mode mode(Page page) {
        return page.options().mode().orElseGet(() -> ModeInference.infer(page));
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
