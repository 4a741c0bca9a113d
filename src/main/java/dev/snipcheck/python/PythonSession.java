package dev.snipcheck.python;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Mode;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.postgres.Database;
import dev.snipcheck.rules.Rule;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.Reason;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The python blocks of one page's session (or one isolated block) in one Python worker process: one namespace, one
 * event loop, one pool on the session's database. The process starts when the session is made, so that Python
 * imports psycopg while the page's Java compiles; a block that kills it, or hangs, ends the session.
 */
public final class PythonSession implements AutoCloseable {

    /** The page's end: the worker closes the pool and reports what was left; Python needs little time for it. */
    private static final Duration END_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern ASYNC_CODE = Pattern.compile("\\bawait\\b|\\basync\\s+(with|for|def)\\b");

    private final Page page;
    private final Mode mode;
    private final PagePositions positions;
    private final PythonProcess process;
    private final String startFailure;
    private final Map<Block, List<Finding>> misuses = new IdentityHashMap<>();
    private final Map<Block, String> printed = new IdentityHashMap<>();
    private boolean opened;

    private PythonSession(Page page, PythonProcess process, String startFailure) {
        this.page = page;
        this.mode = mode(page);
        this.positions = new PagePositions(page);
        this.process = process;
        this.startFailure = startFailure;
    }

    /**
     * Starts the worker process for {@code page} with exactly {@code environment}; a failure to start is the first
     * block's verdict.
     */
    public static PythonSession start(PythonInterpreter python, Page page, Map<String, String> environment) {
        try {
            return new PythonSession(page, PythonProcess.start(python.command(), environment), null);
        } catch (IOException e) {
            return new PythonSession(page, null, "could not start " + python.command() + ": " + e.getMessage());
        }
    }

    /**
     * The page's API family for its python blocks: the front matter's, else async when a python block awaits or
     * uses {@code async with}, {@code async for} or {@code async def}.
     */
    public static Mode mode(Page page) {
        return page.options().mode().orElseGet(() -> page.blocks().stream()
                .anyMatch(b -> b.isPython() && ASYNC_CODE.matcher(b.code()).find()) ? Mode.ASYNC : Mode.SYNC);
    }

    /** The libpq connection string of a database, each value quoted as libpq reads it. */
    public static String conninfo(Database database) {
        String conninfo = "host=" + quote(database.host()) + " port=" + database.port() + " dbname="
                + quote(database.name()) + " user=" + quote(database.user()) + " password=" + quote(database.password());
        return conninfo + database.schema().map(s -> " options=" + quote("-csearch_path=" + s)).orElse("");
    }

    /**
     * Runs one block on the session's database, opening the session's pool on it first. Never throws: the
     * worker's failures (it died, it hung, the pool could not open) become the block's verdict.
     */
    public BlockResult run(Block block, Database database, Duration timeout) {
        if (startFailure != null) {
            return BlockResult.failed(block, Reason.DATABASE, startFailure, List.of(), "", 0);
        }
        try {
            if (!opened) {
                Map<String, Object> answer = process.ask("{\"op\":\"open\",\"file\":" + Json.quote(page.displayPath())
                        + ",\"conninfo\":" + Json.quote(conninfo(database)) + ",\"mode\":\""
                        + mode.name().toLowerCase(java.util.Locale.ROOT) + "\"}", timeout);
                if (!Boolean.TRUE.equals(answer.get("ok"))) {
                    return BlockResult.failed(block, Reason.DATABASE, "the page's pool did not open: "
                            + answer.get("message"), List.of(), "", 0);
                }
                opened = true;
            }
            boolean addsNothing = block.attributes().fails() || block.attributes().compileFail();
            Map<String, Object> answer = process.ask("{\"op\":\"run\",\"code\":" + Json.quote(block.code())
                    + ",\"first_line\":" + PagePositions.firstLine(block) + ",\"no_run\":" + block.attributes().noRun()
                    + ",\"adds_nothing\":" + addsNothing + "}", timeout);
            charge(block, answer);
            printed.put(block, (String) answer.getOrDefault("stdout", ""));
            return new PythonOutcome(block, positions).judge(answer);
        } catch (PythonProcess.TimedOut e) {
            String message = "did not finish within " + timeout.toMillis() + " ms";
            return BlockResult.failed(block, Reason.TIMEOUT, message, List.of(Finding.at(block.fence(), message,
                    "make it finish sooner, or give it more time with `timeout=` on the block")), e.stderr(),
                    timeout.toMillis());
        } catch (PythonProcess.Died e) {
            String message = e.getMessage() + " while the block ran";
            return BlockResult.failed(block, Reason.EXCEPTION, message, List.of(Finding.at(block.fence(), message,
                    "a block must not end the Python it runs in (os._exit, os.kill, a crash)")), e.stderr(), 0);
        }
    }

    /** What the block printed to stdout, which its {@code output} block is compared with. */
    public Optional<String> printed(Block block) {
        return Optional.ofNullable(printed.get(block));
    }

    /** The misuses the worker charged to the block so far: while it ran, and at the page's end. */
    public List<Finding> misuses(Block block) {
        return misuses.getOrDefault(block, List.of());
    }

    /**
     * Ends the session: the worker reports the connections never given back and the transactions left open, charged
     * to the blocks that took them, and closes its pool. A session whose worker died reports nothing.
     */
    public void end() {
        if (!opened || !process.alive()) {
            return;
        }
        try {
            Map<String, Object> answer = process.ask("{\"op\":\"end\"}", END_TIMEOUT);
            for (Map<String, Object> found : findings(answer)) {
                int line = ((Long) found.get("line")).intValue();
                positions.block(line).ifPresent(block -> add(block, found));
            }
        } catch (PythonProcess.TimedOut | PythonProcess.Died e) {
            // the page's end is not a block's: a worker that cannot close its pool costs no verdict
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    private void charge(Block block, Map<String, Object> answer) {
        for (Map<String, Object> found : findings(answer)) {
            add(block, found);
        }
    }

    private void add(Block block, Map<String, Object> found) {
        Rule rule = Rule.byId((String) found.get("rule")).orElseThrow();
        if (rule == Rule.SYNC_API_IN_ASYNC && !asyncDeclared(block)) {
            // the contract: the rule applies where async is declared, never where it was inferred
            return;
        }
        Finding finding = Finding.misuse(rule, positions.at(((Long) found.get("line")).intValue(),
                ((Long) found.get("column")).intValue()), (String) found.get("message"), (String) found.get("hint"));
        misuses.computeIfAbsent(block, b -> new ArrayList<>()).add(finding);
    }

    private boolean asyncDeclared(Block block) {
        return block.attributes().mode().or(() -> page.options().mode()).equals(Optional.of(Mode.ASYNC));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.getOrDefault("findings", List.of());
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
