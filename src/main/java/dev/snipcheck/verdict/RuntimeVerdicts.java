package dev.snipcheck.verdict;

import dev.snipcheck.java.CompiledBlock;
import dev.snipcheck.java.CompiledPages;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.postgres.ClientBackend;
import dev.snipcheck.protocol.BlockOutcome;
import dev.snipcheck.protocol.OwnConnection;
import dev.snipcheck.protocol.RuntimeFinding;
import dev.snipcheck.protocol.Thrown;
import dev.snipcheck.result.Finding;
import dev.snipcheck.rules.MisuseMessage;
import dev.snipcheck.rules.Rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Charges what the runtime detectors found on one page to the blocks that caused it. A finding may
 * reach a block that ended long before (a leak is judged when the page ends), so the verdicts built on
 * them are provisional while the page runs and final when it ends.
 */
public final class RuntimeVerdicts {

    private final CompiledPages compiled;
    private final Map<String, Block> blocksByClass = new HashMap<>();
    private final Map<Block, List<Finding>> found = new IdentityHashMap<>();
    private final Map<Block, Thrown> thrown = new IdentityHashMap<>();
    /** The last block that ran, by the bindings class of its database. */
    private final Map<String, Block> lastByBindings = new HashMap<>();
    /** The connections the blocks opened themselves, by backend pid. */
    private final Map<Integer, OwnConnection> ownConnections = new HashMap<>();

    public RuntimeVerdicts(Page page, CompiledPages compiled) {
        this.compiled = compiled;
        for (Block block : page.blocks()) {
            CompiledBlock compiledBlock = block.isJava() ? compiled.block(block) : null;
            if (compiledBlock != null && compiledBlock.className() != null) {
                blocksByClass.put(compiledBlock.className(), block);
            }
        }
    }

    /** Records that a block ran, what it threw and what the detectors found meanwhile. */
    public void ran(Block block, BlockOutcome outcome) {
        lastByBindings.put(compiled.bindingsClass(block), block);
        if (outcome.thrown() != null) {
            thrown.put(block, outcome.thrown());
        }
        charge(outcome.findings());
    }

    /** What the block threw when it ran; empty when it returned, or did not run in a worker. */
    public Optional<Thrown> thrown(Block block) {
        return Optional.ofNullable(thrown.get(block));
    }

    /** What the detectors charged to the block so far. */
    public List<Finding> of(Block block) {
        return List.copyOf(found.getOrDefault(block, List.of()));
    }

    /** Adds findings that came later, each to the block it names. */
    public void charge(List<RuntimeFinding> findings) {
        for (RuntimeFinding finding : findings) {
            Block block = blocksByClass.get(finding.blockClass());
            Rule rule = finding.rule();
            if (block != null && (rule != Rule.UNJOINED_SUBSCRIBE || subscribedBySnippet(finding))) {
                found.computeIfAbsent(block, b -> new ArrayList<>())
                        .add(Finding.misuse(rule, position(finding, block), finding.message(), finding.hint()));
            }
        }
    }

    /** Records the connections the blocks opened themselves, as the worker saw them open. */
    public void opened(List<OwnConnection> connections) {
        connections.forEach(connection -> ownConnections.put(connection.pid(), connection));
    }

    /**
     * Charges the connections a page's snippets opened themselves and left open to the block and the line that opened
     * them, as the worker saw them open through its redirecting driver; one it did not see open (a page with
     * {@code redirect: false}) is charged to the last block that ran on that database, at its fence.
     */
    public void chargeOpenBackends(String bindingsClass, List<ClientBackend> backends) {
        Block last = lastByBindings.get(bindingsClass);
        for (ClientBackend backend : backends) {
            OwnConnection own = ownConnections.get(backend.pid());
            Block opener = own == null ? null : blocksByClass.get(own.blockClass());
            Block block = opener != null ? opener : last;
            if (block == null) {
                continue;
            }
            Position position = opener != null
                    ? SnippetFrames.innermost(compiled, own.frames(), opener).orElse(opener.fence()) : block.fence();
            String opened = "a connection opened outside `pool` and `dataSource` (backend " + backend.pid()
                    + (backend.applicationName().isEmpty() ? "" : ", " + backend.applicationName()) + ")";
            MisuseMessage message = backend.inTransaction() ? MisuseMessage.OWN_TRANSACTION_OPEN
                    : MisuseMessage.OWN_CONNECTION_LEAKED;
            Finding finding = Finding.misuse(message.rule(), position, message.message(opened), message.hint());
            found.computeIfAbsent(block, b -> new ArrayList<>()).add(finding);
        }
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
        return SnippetFrames.innermost(compiled, finding.frames(), block).orElse(block.fence());
    }
}
