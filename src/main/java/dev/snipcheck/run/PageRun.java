package dev.snipcheck.run;

import dev.snipcheck.java.CompileError;
import dev.snipcheck.java.CompiledBlock;
import dev.snipcheck.java.CompiledPages;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.markdown.Problem;
import dev.snipcheck.postgres.Database;
import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.PostgresServer;
import dev.snipcheck.protocol.BlockOutcome;
import dev.snipcheck.protocol.Checked;
import dev.snipcheck.python.PythonPage;
import dev.snipcheck.protocol.OpenDatabase;
import dev.snipcheck.protocol.RunBlock;
import dev.snipcheck.protocol.RunSql;
import dev.snipcheck.protocol.RuntimeFinding;
import dev.snipcheck.protocol.SqlOutcome;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.Reason;
import dev.snipcheck.rules.StaticChecks;
import dev.snipcheck.timing.Timings;
import dev.snipcheck.verdict.CompileVerdicts;
import dev.snipcheck.verdict.OpenBackends;
import dev.snipcheck.verdict.Outcomes;
import dev.snipcheck.verdict.Redirections;
import dev.snipcheck.verdict.RuntimeVerdicts;
import dev.snipcheck.verdict.SnippetFrames;
import dev.snipcheck.verdict.SqlBlock;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one page's blocks in document order and gives each its verdict. The page's session gets one
 * fresh database; each isolated block gets its own. How far the session goes after a failure is the
 * {@link Session}'s to say; isolated blocks always run.
 */
final class PageRun {

    private final Page page;
    private final CompiledPages compiled;
    private final PostgresServer server;
    private final DatabaseSupply supply;
    private final Workers workers;
    private final VerifyOptions options;
    /** Databases of this page by name (the bindings class, or a sql block's scope), to close and drop at the end. */
    private final Map<String, Database> databases = new LinkedHashMap<>();
    /** The bindings class that holds each database of this page in the worker. */
    private final Map<String, String> bindingsByName = new java.util.HashMap<>();
    /** Databases opened in each worker this page used. */
    private final Map<Worker, List<String>> opened = new java.util.IdentityHashMap<>();
    private final RuntimeVerdicts runtime;
    private final Redirections redirections;
    /** What each Java block that ran printed to stdout, which its output block is compared with. */
    private final Map<Block, String> printed = new java.util.IdentityHashMap<>();
    /** The page's python blocks, when it has some. */
    private final PythonPage python;
    /** The first session python block skipped for want of a Python: what the later session blocks may need. */
    private Integer skippedPythonLine;
    /** The backends idle in a transaction when the running block timed out, as the hang report's query saw them. */
    private final Set<Integer> idleInTransaction = new HashSet<>();
    private final Session session = new Session();
    private final SessionDamage damage;
    private final BlockJudges judges;
    /** Whether sql blocks run in the page's session, whose database then has a sql session too. */
    private final boolean sessionSqlBlocks;

    PageRun(Page page, CompiledPages compiled, PostgresServer server, DatabaseSupply supply, Workers workers,
            VerifyOptions options, StaticChecks checks, PythonPage python) {
        this.page = page;
        this.python = python;
        this.compiled = compiled;
        this.server = server;
        this.supply = supply;
        this.workers = workers;
        this.options = options;
        this.runtime = new RuntimeVerdicts(page, compiled);
        this.sessionSqlBlocks = page.blocks().stream()
                .anyMatch(block -> block.isSql() && !block.attributes().isolated() && !block.attributes().ignore());
        this.redirections = new Redirections(compiled);
        this.damage = new SessionDamage(server);
        this.judges = new BlockJudges(page, compiled, checks, runtime, python, server, damage, printed,
                block -> databases.get(block.isJava() ? compiled.bindingsClass(block) : compiled.pageBindingsClass(page)));
    }

    /** The verdicts of the page's checked blocks, in document order. */
    List<BlockResult> run() {
        List<ProvisionalVerdict> ran = new ArrayList<>();
        try {
            for (Block block : page.blocks()) {
                if (block.isChecked()) {
                    ProvisionalVerdict verdict = judges.whileRunning(verdict(block));
                    session.ran(block, verdict.ran(), verdict.soFar());
                    ran.add(verdict);
                }
            }
            return endPage(ran);
        } finally {
            closeDatabases();
        }
    }

    private BlockResult verdict(Block block) {
        if (page.options().skip().isPresent()) {
            return BlockResult.skipped(block, "page skipped: " + page.options().skip().get());
        }
        if (!page.problems().isEmpty()) {
            return BlockResult.failed(block, Reason.SYNTAX, page.problemSummary(),
                    findings(page.problems()), "", 0);
        }
        if (!block.problems().isEmpty()) {
            return BlockResult.failed(block, Reason.SYNTAX, block.problems().get(0).message(),
                    findings(block.problems()), "", 0);
        }
        if (block.attributes().ignore()) {
            return BlockResult.skipped(block, "marked `ignore`");
        }
        Optional<String> stopped = session.notRunReason(block);
        if (stopped.isPresent()) {
            Optional<String> lost = server.lost();
            if (lost.isPresent()) {
                return BlockResult.failed(block, Reason.DATABASE, lost.get(), List.of(), "", 0);
            }
            return BlockResult.notRun(block, stopped.get());
        }
        Optional<BlockResult> unusable = damage.unusable(block);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        if (skippedPythonLine != null && !block.attributes().isolated()) {
            return BlockResult.skipped(block, "needs what the python block at line " + skippedPythonLine
                    + " did, which was skipped: " + python.missing().orElseThrow());
        }
        if (block.isSql()) {
            return sql(block);
        }
        if (block.isPython()) {
            return python(block);
        }
        CompiledBlock compiledBlock = compiled.block(block);
        return switch (compiledBlock.status()) {
            case FAILED -> CompileVerdicts.doesNotCompile(block, compiledBlock.errors());
            case DROPPED -> BlockResult.notRun(block, compiledBlock.errors().stream().findFirst()
                    .map(CompileError::message).orElse("an earlier block of this page does not compile"));
            case EXPECTED_FAILURE -> BlockResult.passed(block, List.of(), "", 0);
            case UNEXPECTED_SUCCESS -> CompileVerdicts.unexpectedSuccess(block, compiledBlock.errors());
            case COMPILED -> block.attributes().noRun() || compiledBlock.className() == null
                    ? BlockResult.passed(block, List.of(), "", 0)
                    : execute(block, compiledBlock);
        };
    }

    private BlockResult execute(Block block, CompiledBlock compiledBlock) {
        RunBlock request = compiledBlock.main() ? RunBlock.main(compiledBlock.className())
                : RunBlock.method(compiledBlock.className(), compiledBlock.method());
        String bindings = compiled.bindingsClass(block);
        return onWorker(block, bindings, bindings, (worker, timeout, database) -> {
            BlockOutcome outcome;
            try (var timed = Timings.start("08 java block: round trip to the worker")) {
                outcome = worker.run(request, timeout, () -> HangReport.backends(database, idleInTransaction));
            }
            runtime.ran(block, outcome);
            redirections.ran(block, outcome);
            printed.put(block, outcome.stdout());
            if (block.attributes().isolated()) {
                // the isolated block's scope ends with it: its leaks are judged now
                checkDatabase(worker, bindings);
            }
            return new Outcomes(block, compiled, page).judge(outcome);
        });
    }

    /**
     * A sql block runs on the page's database, or an isolated one on a fresh database of its own; a {@code no_run} one
     * is only prepared there.
     */
    private BlockResult sql(Block block) {
        SqlBlock sql = SqlBlock.of(block);
        Optional<BlockResult> unsupported = sql.unsupported();
        if (unsupported.isPresent()) {
            return unsupported.get();
        }
        String bindings = compiled.pageBindingsClass(page);
        String database = block.attributes().isolated() ? bindings + "@" + block.fenceLine() : bindings;
        RunSql request = new RunSql(bindings, sql.texts(), block.expectedOutput().isPresent(),
                block.attributes().noRun());
        return onWorker(block, bindings, database, (worker, timeout, opened) -> {
            SqlOutcome outcome;
            try (var timed = Timings.start("08 sql block: round trip to the worker")) {
                outcome = worker.runSql(request, timeout, () -> HangReport.backends(opened, idleInTransaction));
            }
            return sql.judge(outcome);
        });
    }

    /**
     * A python block runs in the page's Python session on the page's database, or an isolated one in a Python and a
     * database of its own; where there is no Python with psycopg, it is skipped.
     */
    private BlockResult python(Block block) {
        Optional<String> missing = python.missing();
        if (missing.isPresent()) {
            if (!block.attributes().isolated()) {
                skippedPythonLine = block.fenceLine();
            }
            return BlockResult.skipped(block, missing.get());
        }
        String bindings = compiled.pageBindingsClass(page);
        String name = block.attributes().isolated() ? bindings + "@" + block.fenceLine() : bindings;
        Database database;
        try {
            database = database(name, bindings);
        } catch (DatabaseUnavailableException e) {
            return BlockResult.failed(block, Reason.DATABASE, "no database for this block: " + e.getMessage(),
                    List.of(), "", 0);
        }
        BlockResult result = python.run(block, database, timeout(block));
        python.printed(block).ifPresent(stdout -> printed.put(block, stdout));
        return result;
    }

    private Duration timeout(Block block) {
        return block.attributes().timeout().or(() -> page.options().timeout()).orElse(options.timeout());
    }

    /**
     * Runs a block on a worker with the block's database open and judges the outcome; the failures of
     * the worker itself become the block's verdict.
     *
     * @param bindings the class whose fields hold the database's bindings in the worker
     * @param database names the database: a page's session and each isolated block have their own
     */
    private BlockResult onWorker(Block block, String bindings, String database, WorkerCall call) {
        Duration timeout = timeout(block);
        idleInTransaction.clear();
        Worker worker = null;
        try {
            worker = workers.get(block.attributes().isolated(), Set.copyOf(page.options().env()));
            openDatabase(worker, bindings, database);
        } catch (DatabaseUnavailableException e) {
            return BlockResult.failed(block, Reason.DATABASE, "no database for this block: " + e.getMessage(),
                    List.of(), "", 0);
        } catch (IOException | WorkerDiedException | WorkerTimeoutException | IllegalStateException e) {
            workers.discard(worker);
            return BlockResult.failed(block, Reason.DATABASE, "could not prepare the worker JVM: " + e.getMessage(),
                    List.of(), "", 0);
        }
        try {
            return call.call(worker, timeout, databases.get(database));
        } catch (WorkerTimeoutException e) {
            workers.discard(worker);
            String message = "did not finish within " + timeout.toMillis() + " ms";
            HangReport hang = new HangReport(compiled, page.displayPath(), block, e, idleInTransaction);
            chargeHeldTransactions(block, hang.held());
            // where the block's thread was stuck says more than its fence
            List<Finding> findings = new ArrayList<>(List.of(Finding.at(hang.waitingAt().orElse(block.fence()), message,
                    "make it finish sooner, or give it more time with `timeout=` on the block")));
            findings.addAll(hang.findings());
            return BlockResult.failed(block, Reason.TIMEOUT, message, findings, e.output() + hang.text(),
                    timeout.toMillis());
        } catch (WorkerDiedException e) {
            workers.discard(worker);
            Position exitedAt = SnippetFrames.innermost(compiled, e.exitFrames(), block).orElse(block.fence());
            return BlockResult.failed(block, Reason.EXCEPTION, e.getMessage(), List.of(Finding.at(exitedAt,
                    e.getMessage(), "a block must not end the JVM it runs in (System.exit, halt, running out of memory)")),
                    e.output(), 0);
        } catch (IllegalStateException e) {
            workers.discard(worker);
            return BlockResult.failed(block, Reason.EXCEPTION, e.getMessage(), List.of(), "", 0);
        }
    }

    /**
     * The earlier blocks whose JDBC transactions were still open when {@code block} timed out fail with
     * open-transaction: their locks are what it may have waited for, and the page's end, which would have found them,
     * never comes for the worker that is killed now. The block's own transactions are its interruption's doing.
     */
    private void chargeHeldTransactions(Block block, List<RuntimeFinding> held) {
        String own = block.isJava() ? compiled.block(block).className() : null;
        runtime.charge(held.stream().filter(finding -> !finding.blockClass().equals(own)).toList());
    }

    /**
     * Judges the leaks and open transactions the page left (in the session's database only when the session
     * reached its end), and with them gives every block its final verdict.
     */
    private List<BlockResult> endPage(List<ProvisionalVerdict> ran) {
        if (python != null) {
            python.end();
        }
        String sessionDatabase = compiled.pageBindingsClass(page);
        boolean judged = session.pageEndJudged();
        for (Map.Entry<Worker, List<String>> entry : opened.entrySet()) {
            for (String name : entry.getValue()) {
                if (judged || !name.equals(sessionDatabase)) {
                    checkDatabase(entry.getKey(), bindingsByName.get(name));
                }
            }
        }
        if (options.detectors()) {
            databases.forEach((name, database) -> {
                if (judged || !name.equals(sessionDatabase)) {
                    try (var timed = Timings.start("09 page end: open backends (pg_stat_activity)")) {
                        runtime.chargeOpenBackends(bindingsByName.get(name), OpenBackends.of(server, database));
                    }
                }
            });
        }
        return ran.stream().map(verdict -> judges.atPageEnd(verdict).withNotes(redirections.of(verdict.ran().block())))
                .toList();
    }

    private void checkDatabase(Worker worker, String bindings) {
        if (worker.alive()) {
            try (var timed = Timings.start("09 page end: leak check in the worker")) {
                Checked checked = worker.check(bindings);
                runtime.charge(checked.findings());
                runtime.opened(checked.ownConnections());
            } catch (WorkerDiedException | WorkerTimeoutException | IllegalStateException e) {
                workers.discard(worker);
            }
        }
    }

    /** One request to a worker, judged; {@code database} is the one it runs on, to describe a hang. */
    private interface WorkerCall {
        BlockResult call(Worker worker, Duration timeout, Database database)
                throws WorkerDiedException, WorkerTimeoutException;
    }

    private void openDatabase(Worker worker, String bindings, String name) throws DatabaseUnavailableException,
            WorkerDiedException, WorkerTimeoutException {
        List<String> open = opened.computeIfAbsent(worker, w -> new ArrayList<>());
        if (open.contains(name)) {
            return;
        }
        Database database = database(name, bindings);
        try (var timed = Timings.start("07 open the database in the worker")) {
            worker.openDatabase(new OpenDatabase(bindings, database.host(), database.port(), database.name(),
                    database.user(), database.password(), database.jdbcUrl(), database.r2dbcUrl(),
                    database.schema().orElse(null), page.options().redirect(),
                    name.equals(compiled.pageBindingsClass(page)) && sessionSqlBlocks));
        }
        open.add(name);
    }

    /** The page's database of that name, created on first use. */
    private Database database(String name, String bindings) throws DatabaseUnavailableException {
        Database database = databases.get(name);
        if (database == null) {
            database = supply.take(page.displayPath(), page.options().superuser());
            databases.put(name, database);
            bindingsByName.put(name, bindings);
        }
        return database;
    }

    private void closeDatabases() {
        for (Worker worker : opened.keySet()) {
            if (worker.alive()) {
                try (var timed = Timings.start("10 close the database in the worker")) {
                    worker.closeDatabase();
                } catch (WorkerDiedException | WorkerTimeoutException e) {
                    workers.discard(worker);
                }
            }
        }
        databases.values().forEach(supply::drop);
    }

    private static List<Finding> findings(List<Problem> problems) {
        return problems.stream().map(p -> Finding.at(p.position(), p.message(), p.hint())).toList();
    }
}
