package dev.snipcheck.run;

import dev.snipcheck.java.CompileError;
import dev.snipcheck.java.CompiledBlock;
import dev.snipcheck.java.CompiledPages;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.Problem;
import dev.snipcheck.postgres.Database;
import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.PostgresServer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one page's blocks in document order and gives each its verdict. The page's session gets one
 * fresh database; each isolated block gets its own. After a session block fails, the later session
 * blocks are not run; isolated blocks still are.
 */
final class PageRun {

    private final Page page;
    private final CompiledPages compiled;
    private final PostgresServer server;
    private final Workers workers;
    private final VerifyOptions options;
    /** Databases of this page by the bindings class that holds them, to close and drop at the end. */
    private final Map<String, Database> databases = new LinkedHashMap<>();
    /** Bindings classes opened in each worker this page used. */
    private final Map<Worker, List<String>> opened = new java.util.IdentityHashMap<>();
    private final RuntimeVerdicts runtime;
    private Integer failedSessionLine;

    PageRun(Page page, CompiledPages compiled, PostgresServer server, Workers workers, VerifyOptions options) {
        this.page = page;
        this.compiled = compiled;
        this.server = server;
        this.workers = workers;
        this.options = options;
        this.runtime = new RuntimeVerdicts(page, compiled);
    }

    /** The verdicts of the page's checked blocks, in document order. */
    List<BlockResult> run() {
        List<BlockResult> results = new ArrayList<>();
        try {
            for (Block block : page.blocks()) {
                if (block.isChecked()) {
                    BlockResult result = expectMisuse(verdict(block));
                    if (result.verdict() == Verdict.FAILED && !block.attributes().isolated() && failedSessionLine == null) {
                        failedSessionLine = block.fenceLine();
                    }
                    results.add(result);
                }
            }
            endPage(results);
        } finally {
            closeDatabases();
        }
        return results;
    }

    /** A block declaring {@code misuse=} passes only when exactly those rules fired; none fire in this version. */
    private static BlockResult expectMisuse(BlockResult result) {
        List<String> declared = result.block().attributes().misuse();
        if (declared.isEmpty() || result.verdict() != Verdict.PASSED || declared.equals(result.rules())) {
            return result;
        }
        String message = "is marked `misuse=" + String.join("+", declared) + "`, but no such rule fired";
        return BlockResult.failed(result.block(), Reason.EXPECTATION, message, List.of(Finding.at(
                result.block().fence(), message, "this version of snipcheck has no misuse rules yet")),
                result.output(), result.millis());
    }

    private BlockResult verdict(Block block) {
        if (page.options().skip().isPresent()) {
            return BlockResult.skipped(block, "page skipped: " + page.options().skip().get());
        }
        if (!page.problems().isEmpty()) {
            return BlockResult.failed(block, Reason.SYNTAX, "the page's front matter is malformed",
                    findings(page.problems()), "", 0);
        }
        if (!block.problems().isEmpty()) {
            return BlockResult.failed(block, Reason.SYNTAX, block.problems().get(0).message(),
                    findings(block.problems()), "", 0);
        }
        if (block.attributes().ignore()) {
            return BlockResult.skipped(block, "marked `ignore`");
        }
        if (failedSessionLine != null && !block.attributes().isolated()) {
            return BlockResult.notRun(block, "an earlier block of this page failed (line " + failedSessionLine + ")");
        }
        if (block.isSql()) {
            return BlockResult.skipped(block, "sql blocks are not run yet by this version of snipcheck");
        }
        CompiledBlock compiledBlock = compiled.block(block);
        return switch (compiledBlock.status()) {
            case FAILED -> BlockResult.failed(block, Reason.COMPILE, "does not compile",
                    compileFindings(compiledBlock.errors()), "", 0);
            case DROPPED -> BlockResult.notRun(block, "an earlier block of this page does not compile");
            case EXPECTED_FAILURE -> BlockResult.passed(block, List.of(), "", 0);
            case UNEXPECTED_SUCCESS -> unexpectedSuccess(block, compiledBlock.errors());
            case COMPILED -> block.attributes().noRun() || compiledBlock.className() == null
                    ? BlockResult.passed(block, List.of(), "", 0)
                    : execute(block, compiledBlock);
        };
    }

    private BlockResult unexpectedSuccess(Block block, List<CompileError> errors) {
        if (errors.isEmpty()) {
            return BlockResult.failed(block, Reason.EXPECTATION, "compiles, but is marked `compile_fail`",
                    List.of(Finding.at(block.fence(), "compiles, but is marked `compile_fail`",
                            "fix the example so it shows the error, or remove `compile_fail`")), "", 0);
        }
        String text = block.attributes().compileFailText().orElse("");
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.at(block.fence(), "no compiler error contains \"" + text + "\"",
                "the errors are listed below; change the expected text or the example"));
        findings.addAll(compileFindings(errors));
        return BlockResult.failed(block, Reason.EXPECTATION, "no compiler error contains \"" + text + "\"", findings, "", 0);
    }

    private BlockResult execute(Block block, CompiledBlock compiledBlock) {
        Duration timeout = block.attributes().timeout().or(() -> page.options().timeout()).orElse(options.timeout());
        String bindings = compiled.bindingsClass(block);
        Worker worker = null;
        try {
            worker = workers.get(block.attributes().isolated());
            openDatabase(worker, bindings);
        } catch (DatabaseUnavailableException e) {
            return BlockResult.failed(block, Reason.DATABASE, "no database for this block: " + e.getMessage(),
                    List.of(), "", 0);
        } catch (IOException | WorkerDiedException | WorkerTimeoutException | IllegalStateException e) {
            workers.discard(worker);
            return BlockResult.failed(block, Reason.DATABASE, "could not prepare the worker JVM: " + e.getMessage(),
                    List.of(), "", 0);
        }
        RunBlock request = compiledBlock.main() ? RunBlock.main(compiledBlock.className())
                : RunBlock.method(compiledBlock.className(), compiledBlock.method());
        BlockOutcome outcome;
        try {
            Database database = databases.get(bindings);
            outcome = worker.run(request, timeout, () -> HangReport.backends(database));
        } catch (WorkerTimeoutException e) {
            workers.discard(worker);
            String message = "did not finish within " + timeout.toMillis() + " ms";
            HangReport hang = new HangReport(compiled, e);
            List<Finding> findings = new ArrayList<>(List.of(Finding.at(block.fence(), message,
                    "make it finish sooner, or give it more time with `timeout=` on the block")));
            findings.addAll(hang.findings());
            return BlockResult.failed(block, Reason.TIMEOUT, message, findings, e.output() + hang.text(),
                    timeout.toMillis());
        } catch (WorkerDiedException e) {
            workers.discard(worker);
            return BlockResult.failed(block, Reason.EXCEPTION, e.getMessage(), List.of(Finding.at(block.fence(),
                    e.getMessage(), "a block must not end the JVM it runs in (System.exit, halt, running out of memory)")),
                    e.output(), 0);
        } catch (IllegalStateException e) {
            workers.discard(worker);
            return BlockResult.failed(block, Reason.EXCEPTION, e.getMessage(), List.of(), "", 0);
        }
        BlockResult result = runtime.ran(new Outcomes(block, compiled, page).judge(outcome), outcome.findings());
        if (block.attributes().isolated()) {
            // The isolated block's scope ends with it: its leaks are judged now.
            checkDatabase(worker, bindings);
        }
        return result;
    }

    /** Judges the leaks and open transactions the page left, and with them gives every block its final verdict. */
    private void endPage(List<BlockResult> results) {
        for (Map.Entry<Worker, List<String>> entry : opened.entrySet()) {
            for (String bindings : entry.getValue()) {
                checkDatabase(entry.getKey(), bindings);
            }
        }
        if (options.detectors()) {
            databases.forEach((bindings, database) -> runtime.chargeOpenBackends(bindings, OpenBackends.of(database)));
        }
        results.replaceAll(result -> expectMisuse(runtime.finalVerdict(result)));
    }

    private void checkDatabase(Worker worker, String bindings) {
        if (worker.alive()) {
            try {
                runtime.charge(worker.check(bindings));
            } catch (WorkerDiedException | WorkerTimeoutException | IllegalStateException e) {
                workers.discard(worker);
            }
        }
    }

    private void openDatabase(Worker worker, String bindings) throws DatabaseUnavailableException,
            WorkerDiedException, WorkerTimeoutException {
        List<String> open = opened.computeIfAbsent(worker, w -> new ArrayList<>());
        if (open.contains(bindings)) {
            return;
        }
        Database database = databases.get(bindings);
        if (database == null) {
            database = server.createDatabase();
            databases.put(bindings, database);
        }
        worker.openDatabase(new OpenDatabase(bindings, database.host(), database.port(), database.name(),
                database.user(), database.password(), database.jdbcUrl(), database.r2dbcUrl()));
        open.add(bindings);
    }

    private void closeDatabases() {
        for (Worker worker : opened.keySet()) {
            if (worker.alive()) {
                try {
                    worker.closeDatabase();
                } catch (WorkerDiedException | WorkerTimeoutException e) {
                    workers.discard(worker);
                }
            }
        }
        databases.values().forEach(server::dropDatabase);
    }

    private static List<Finding> findings(List<Problem> problems) {
        return problems.stream().map(p -> Finding.at(p.position(), p.message(), p.hint())).toList();
    }

    private static List<Finding> compileFindings(List<CompileError> errors) {
        return errors.stream().map(e -> Finding.at(e.position(), e.message(), CompileHints.hint(e.message()))).toList();
    }
}
