package dev.snipcheck.run;

import dev.snipcheck.java.CompiledBlock;
import dev.snipcheck.java.CompiledPages;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.postgres.Database;
import dev.snipcheck.postgres.PostgresServer;
import dev.snipcheck.python.PythonPage;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.Reason;
import dev.snipcheck.result.Verdict;
import dev.snipcheck.rules.StaticChecks;
import dev.snipcheck.verdict.MisuseVerdict;
import dev.snipcheck.verdict.OutputDiff;
import dev.snipcheck.verdict.RuntimeVerdicts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The judges a block's result passes after it ran, in the one order they apply, each seeing the verdict the ones
 * before it gave. Those that judge what running the block did come first and judge once; the misuse rules and the
 * lost server judge while the page runs, on what is known so far, and again when it ends.
 */
final class BlockJudges {

    /** One judge: the result as the judges before it left it in, the result with its say out. */
    private interface Judgement {
        BlockResult judge(BlockResult result, boolean pageEnded);
    }

    private record Judge(boolean againAtPageEnd, Judgement judgement) {
    }

    private final List<Judge> judges = List.of(
            new Judge(false, this::printedAgainstItsOutputBlock),
            new Judge(false, this::damageToItsDatabase),
            new Judge(true, this::misuses),
            new Judge(true, this::lostServer));

    private final Page page;
    private final CompiledPages compiled;
    private final StaticChecks checks;
    private final RuntimeVerdicts runtime;
    /** The page's python blocks, when it has some. */
    private final PythonPage python;
    private final PostgresServer server;
    private final SessionDamage damage;
    /** What each block that ran printed to stdout. */
    private final Map<Block, String> printed;
    /** The database each block ran on; null when it opened none. */
    private final Function<Block, Database> databaseOf;

    BlockJudges(Page page, CompiledPages compiled, StaticChecks checks, RuntimeVerdicts runtime, PythonPage python,
                PostgresServer server, SessionDamage damage, Map<Block, String> printed,
                Function<Block, Database> databaseOf) {
        this.page = page;
        this.compiled = compiled;
        this.checks = checks;
        this.runtime = runtime;
        this.python = python;
        this.server = server;
        this.damage = damage;
        this.printed = printed;
        this.databaseOf = databaseOf;
    }

    /** The block's verdict while its page runs. */
    ProvisionalVerdict whileRunning(BlockResult outcome) {
        BlockResult ran = outcome;
        BlockResult soFar = outcome;
        for (Judge judge : judges) {
            soFar = judge.judgement().judge(soFar, false);
            if (!judge.againAtPageEnd()) {
                ran = soFar;
            }
        }
        return new ProvisionalVerdict(ran, soFar);
    }

    /** The block's final verdict, judged again with what the page's end found. */
    BlockResult atPageEnd(ProvisionalVerdict provisional) {
        BlockResult result = provisional.ran();
        for (Judge judge : judges) {
            if (judge.againAtPageEnd()) {
                result = judge.judgement().judge(result, true);
            }
        }
        return result;
    }

    private BlockResult printedAgainstItsOutputBlock(BlockResult result, boolean pageEnded) {
        return OutputDiff.judge(result, page.displayPath(), printed.get(result.block()));
    }

    private BlockResult damageToItsDatabase(BlockResult result, boolean pageEnded) {
        return damage.judge(result, databaseOf.apply(result.block()));
    }

    /** A block that threw or hung because the server died gets reason {@code database}: that is not the block's fault. */
    private BlockResult lostServer(BlockResult result, boolean pageEnded) {
        if (result.reason().filter(reason -> reason == Reason.EXCEPTION || reason == Reason.TIMEOUT).isEmpty()) {
            return result;
        }
        return server.lost().map(lost -> BlockResult.failed(result.block(), Reason.DATABASE, lost, List.of(),
                result.output(), result.millis())).orElse(result);
    }

    /**
     * The misuse rules: those of a compiled block's code, what the runtime detectors charged to it, and the page's
     * allowances.
     *
     * @param pageEnded false while the page runs, when a declared leak may still be found
     */
    private BlockResult misuses(BlockResult result, boolean pageEnded) {
        Block block = result.block();
        if (block.isSql()) {
            // a sql block's one misuse, a transaction left open, comes with its result
            List<Finding> misuses = result.findings().stream().filter(f -> f.rule().isPresent()).toList();
            return misuses.isEmpty() && block.attributes().misuse().isEmpty() ? result
                    : new MisuseVerdict(block, List.of(), page.options().allow())
                            .judge(result, Optional.empty(), misuses, true);
        }
        if (block.isPython()) {
            boolean ran = result.reason().filter(r -> r == Reason.COMPILE || r == Reason.SYNTAX).isEmpty()
                    && (result.verdict() == Verdict.PASSED || result.verdict() == Verdict.FAILED);
            return ran ? new MisuseVerdict(block, List.of(), page.options().allow())
                    .judge(result, Optional.empty(), python.misuses(block), pageEnded) : result;
        }
        CompiledBlock compiledBlock = block.isJava() ? compiled.block(block) : null;
        boolean judged = result.verdict() == Verdict.PASSED || result.verdict() == Verdict.FAILED;
        if (!judged || compiledBlock == null || compiledBlock.status() != CompiledBlock.Status.COMPILED) {
            return result;
        }
        return new MisuseVerdict(block, checks.of(block), page.options().allow())
                .judge(result, runtime.thrown(block), runtime.of(block), pageEnded);
    }
}
