package dev.snipcheck.run;

import dev.snipcheck.java.CompiledBlock;
import dev.snipcheck.java.CompiledPages;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.rules.Rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives the blocks of one page their verdicts on what the runtime detectors found. A finding is
 * charged to its block, which may have ended long before (a leak is judged when the page ends), so
 * the verdicts are provisional while the page runs and final when it ends.
 */
final class RuntimeVerdicts {

    /**
     * Rules the runtime judges only when the page (or the isolated block) ends: a connection, a
     * Publisher or a Result may be handed from one block of a session to a later one.
     */
    private static final Set<String> AT_PAGE_END = Set.of(Rule.CONNECTION_LEAK.id(), Rule.OPEN_TRANSACTION.id(),
            Rule.UNSUBSCRIBED_PUBLISHER.id(), Rule.RESULT_NOT_CONSUMED.id());

    private final CompiledPages compiled;
    private final Map<String, Block> blocksByClass = new HashMap<>();
    /** What each block that ran got before misuses were judged. */
    private final Map<Block, BlockResult> ran = new IdentityHashMap<>();
    private final Map<Block, List<Finding>> found = new IdentityHashMap<>();
    /** The last block that ran, by the bindings class of its database. */
    private final Map<String, Block> lastByBindings = new HashMap<>();

    RuntimeVerdicts(Page page, CompiledPages compiled) {
        this.compiled = compiled;
        for (Block block : page.blocks()) {
            CompiledBlock compiledBlock = block.isJava() ? compiled.block(block) : null;
            if (compiledBlock != null && compiledBlock.className() != null) {
                blocksByClass.put(compiledBlock.className(), block);
            }
        }
    }

    /** Records how a block ran, with what the detectors found meanwhile; returns its verdict so far. */
    BlockResult ran(BlockResult result, List<RuntimeFinding> findings) {
        ran.put(result.block(), result);
        lastByBindings.put(compiled.bindingsClass(result.block()), result.block());
        charge(findings);
        return judge(result, found.getOrDefault(result.block(), List.of()), false);
    }

    /** Adds findings that came later, each to the block it names. */
    void charge(List<RuntimeFinding> findings) {
        for (RuntimeFinding finding : findings) {
            Block block = blocksByClass.get(finding.blockClass());
            Rule rule = Rule.byId(finding.rule()).orElse(null);
            if (block != null && rule != null && (rule != Rule.UNJOINED_SUBSCRIBE || subscribedBySnippet(finding))) {
                found.computeIfAbsent(block, b -> new ArrayList<>())
                        .add(Finding.misuse(rule, position(finding, block), finding.message(), finding.hint()));
            }
        }
    }

    /**
     * Charges the connections a page's snippets opened themselves and left open to the last block
     * that ran on that database: which block opened them, nothing in the worker knows.
     */
    void chargeOpenBackends(String bindingsClass, List<OpenBackends.Backend> backends) {
        Block block = lastByBindings.get(bindingsClass);
        if (block == null) {
            return;
        }
        for (OpenBackends.Backend backend : backends) {
            String opened = "a connection opened outside `pool` and `dataSource` (backend " + backend.pid()
                    + (backend.applicationName().isEmpty() ? "" : ", " + backend.applicationName()) + ")";
            Finding finding = backend.inTransaction()
                    ? Finding.misuse(Rule.OPEN_TRANSACTION, block.fence(), opened
                            + " is idle in transaction when the page ends",
                            "commit or roll back, and close the connections a block opens itself from `jdbcUrl` or "
                                    + "`r2dbcUrl`")
                    : Finding.misuse(Rule.CONNECTION_LEAK, block.fence(), opened + " is still open when the page ends",
                            "close the connections a block opens itself from `jdbcUrl` or `r2dbcUrl`, or use "
                                    + "`dataSource` and `pool`, which show where a connection leaked");
            found.computeIfAbsent(block, b -> new ArrayList<>()).add(finding);
        }
    }

    /** The final verdict of a block: as given, unless it ran and the detectors charged it with something. */
    BlockResult finalVerdict(BlockResult result) {
        BlockResult before = ran.get(result.block());
        return before == null ? result : judge(before, found.getOrDefault(result.block(), List.of()), true);
    }

    /**
     * Judges a block's result with the misuses found in it (static findings already in the result and
     * runtime ones), reported once per rule and position: an undeclared rule fails the block with
     * reason {@code misuse}; {@code misuse=a+b} passes only when exactly a and b fired.
     *
     * @param pageEnded false while the page runs: declared leak rules may still fire later
     */
    static BlockResult judge(BlockResult result, List<Finding> runtime, boolean pageEnded) {
        if (result.reason().filter(r -> r != Reason.EXCEPTION && r != Reason.MISUSE).isPresent()) {
            // A timeout's interruption causes leaks that are not the block's; other reasons come first.
            return result;
        }
        Map<String, Finding> misuses = new LinkedHashMap<>();
        List<Finding> all = new ArrayList<>(result.findings());
        all.addAll(runtime);
        for (Finding finding : all) {
            finding.rule().ifPresent(rule -> misuses.putIfAbsent(rule.id() + "@" + finding.position(), finding));
        }
        Set<String> fired = new LinkedHashSet<>(result.rules());
        misuses.values().forEach(f -> fired.add(f.rule().orElseThrow().id()));
        Block block = result.block();
        Set<String> declared = new LinkedHashSet<>(block.attributes().misuse());
        Set<String> missing = new LinkedHashSet<>(declared);
        missing.removeAll(fired);
        if (!pageEnded && !declared.isEmpty() && declared.containsAll(fired) && AT_PAGE_END.containsAll(missing)) {
            // May still fire when the page ends; until then the block counts as having shown them.
            return BlockResult.passed(block, List.copyOf(declared), result.output(), result.millis());
        }
        if (fired.isEmpty()) {
            return result;
        }
        if (declared.equals(fired)) {
            return BlockResult.passed(block, List.copyOf(fired), result.output(), result.millis());
        }
        List<Finding> findings = new ArrayList<>(misuses.values());
        result.findings().stream().filter(f -> f.rule().isEmpty()).forEach(findings::add);
        String staticMessage = result.reason().filter(r -> r == Reason.MISUSE).map(r -> result.message()).orElse(null);
        Set<String> undeclared = new LinkedHashSet<>(fired);
        undeclared.removeAll(declared);
        String message;
        Reason reason;
        if (declared.isEmpty()) {
            reason = Reason.MISUSE;
            Finding first = findings.get(0);
            message = staticMessage != null ? staticMessage
                    : first.message() + (misuses.size() > 1 ? " (and " + (misuses.size() - 1) + " more)" : "");
        } else {
            reason = Reason.EXPECTATION;
            message = "is marked `misuse=" + String.join("+", declared) + "`, but "
                    + (undeclared.isEmpty() ? "only " + String.join("+", fired) : String.join("+", undeclared))
                    + " fired";
        }
        return new BlockResult(block, Verdict.FAILED, Optional.of(reason), message, List.copyOf(fired), findings,
                result.output(), result.millis());
    }

    /**
     * Whether the snippet called {@code subscribe} to start the work: work started by {@code block()},
     * or on another thread by an operator, is joined or belongs to a pipeline the block waits for.
     */
    private boolean subscribedBySnippet(RuntimeFinding finding) {
        List<Thrown.Frame> frames = finding.frames();
        for (int i = 1; i < frames.size(); i++) {
            Thrown.Frame frame = frames.get(i);
            if (compiled.frame(frame.className(), frame.fileName(), frame.lineNumber()).isPresent()) {
                return frames.get(i - 1).methodName().equals("subscribe");
            }
        }
        return false;
    }

    /** The innermost frame of snippet code, else the fence of the block it is charged to. */
    private Position position(RuntimeFinding finding, Block block) {
        for (Thrown.Frame frame : finding.frames()) {
            Optional<Position> position = compiled.frame(frame.className(), frame.fileName(), frame.lineNumber());
            if (position.isPresent()) {
                return position.get();
            }
        }
        return block.fence();
    }
}
