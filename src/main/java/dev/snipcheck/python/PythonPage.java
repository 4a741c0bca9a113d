package dev.snipcheck.python;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.postgres.Database;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The python blocks of one page: one Python process for the page's session, and one more for each isolated block,
 * which ends with the block. Without a Python that imports psycopg, every python block is skipped with the reason.
 */
public final class PythonPage implements AutoCloseable {

    private final Page page;
    private final PythonInterpreter python;
    /** The environment of the page's Python processes, scrubbed as the Java workers' is. */
    private final Map<String, String> environment;
    private PythonSession session;
    /** The session that ran each block: the page's, or the block's own when it is isolated. */
    private final Map<Block, PythonSession> ranIn = new IdentityHashMap<>();

    public PythonPage(Page page, PythonInterpreter python, Map<String, String> environment) {
        this.page = page;
        this.python = python;
        this.environment = Map.copyOf(environment);
    }

    /** True when the page has a python block to run. */
    public static boolean runsPython(Page page) {
        return page.blocks().stream().anyMatch(b -> b.isPython() && !b.attributes().ignore());
    }

    /** Starts the page session's Python now, so that it imports psycopg while the page's Java compiles. */
    public void prestart() {
        if (session == null && python.missing().isEmpty() && page.blocks().stream()
                .anyMatch(b -> b.isPython() && !b.attributes().ignore() && !b.attributes().isolated())) {
            session = PythonSession.start(python, page, environment);
        }
    }

    /** The reason python blocks are skipped on this machine, with the install command; empty when they run. */
    public Optional<String> missing() {
        return python.missing();
    }

    /** Runs a block in the page's session, or an isolated one in a Python of its own (judged when it ends). */
    public BlockResult run(Block block, Database database, Duration timeout) {
        if (block.attributes().isolated()) {
            try (PythonSession own = PythonSession.start(python, page, environment)) {
                BlockResult result = own.run(block, database, timeout);
                own.end();
                ranIn.put(block, own);
                return result;
            }
        }
        prestart();
        ranIn.put(block, session);
        return session.run(block, database, timeout);
    }

    /** What the block printed to stdout. */
    public Optional<String> printed(Block block) {
        return Optional.ofNullable(ranIn.get(block)).flatMap(s -> s.printed(block));
    }

    /** The misuses charged to the block: while it ran, and when its session ended. */
    public List<Finding> misuses(Block block) {
        return Optional.ofNullable(ranIn.get(block)).map(s -> s.misuses(block)).orElse(List.of());
    }

    /** Ends the page's session: what it left behind is charged to the blocks that took it. */
    public void end() {
        if (session != null) {
            session.end();
        }
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }
}
