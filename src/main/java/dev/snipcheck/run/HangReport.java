package dev.snipcheck.run;

import dev.snipcheck.java.CompiledPages;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.postgres.Database;
import dev.snipcheck.protocol.Hang;
import dev.snipcheck.protocol.RuntimeFinding;
import dev.snipcheck.protocol.ThreadStack;
import dev.snipcheck.protocol.Thrown;
import dev.snipcheck.result.Finding;
import dev.snipcheck.verdict.SnippetFrames;
import dev.snipcheck.verdict.StackLines;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a block that timed out was waiting for: the connections it had checked out, at the lines that
 * acquired them, what each backend of its database was running or waiting on, and the stacks of the
 * event-loop threads.
 */
final class HangReport {

    /** Every backend of the database but this one, with its locks and the backends that block it. */
    private static final String BACKENDS = """
            select a.pid, a.state, a.wait_event_type, a.wait_event,
                   extract(epoch from now() - a.state_change)::int as seconds, left(a.query, 200) as query,
                   (select string_agg(l.mode || ' on ' || coalesce(c.relname, l.locktype)
                                      || case when l.granted then '' else ' (waiting)' end, ', ' order by l.mode)
                      from pg_locks l left join pg_class c on c.oid = l.relation
                     where l.pid = a.pid and l.locktype <> 'virtualxid') as locks,
                   pg_blocking_pids(a.pid)::text as blocked_by
              from pg_stat_activity a
             where a.datname = current_database() and a.pid <> pg_backend_pid() and a.backend_type = 'client backend'
             order by a.pid""";

    /** Frames of each thread in a hang report: enough to see what it waits in. */
    private static final int HANG_FRAMES = 12;

    private final List<Finding> findings = new ArrayList<>();
    private final List<RuntimeFinding> held = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final Optional<Position> waitingAt;

    /**
     * @param path              the page's path as reports show it
     * @param block             the block that timed out, in whose file ({@link Block#file}) its findings are
     * @param idleInTransaction the backends that held a transaction open, waiting for their client, at the time
     */
    HangReport(CompiledPages compiled, String path, Block block, WorkerTimeoutException timeout,
               Set<Integer> idleInTransaction) {
        Hang hang = timeout.hang();
        waitingAt = Optional.ofNullable(hang).flatMap(Hang::blockThread)
                .flatMap(thread -> SnippetFrames.innermost(compiled, thread.frames(), block));
        if (hang == null && timeout.backends().isEmpty()) {
            text.append("\nthe worker did not say what the block was waiting for\n");
        } else if (hang != null) {
            for (List<Thrown.Frame> site : hang.checkedOut()) {
                SnippetFrames.innermost(compiled, site, block).ifPresent(position -> findings.add(Finding.at(position,
                        "a connection acquired here was still checked out when the block timed out",
                        "a block that waits for a connection while holding all of the pool's, or for a lock held "
                                + "by its own open transaction, never finishes")));
            }
            hang.byBackend().forEach((pid, finding) -> {
                if (idleInTransaction.contains(pid)) {
                    held.add(finding);
                    SnippetFrames.innermost(compiled, finding.frames(), block).ifPresent(position -> findings.add(Finding.at(
                            position, finding.message(), "a block that waits for this transaction's locks never finishes")));
                }
            });
            text.append("\nconnections checked out: ").append(hang.checkedOut().size()).append('\n');
        }
        text.append(timeout.backends());
        if (hang != null && !hang.threads().isEmpty()) {
            StackLines stack = new StackLines(compiled, path);
            text.append("event-loop threads and the block's thread:\n");
            for (ThreadStack thread : hang.threads()) {
                text.append('"').append(thread.name()).append("\" ").append(thread.state()).append('\n')
                        .append(stack.allFrames(thread.frames(), HANG_FRAMES));
            }
        }
    }

    /** The Markdown line the block's thread was at when it timed out: what it was waiting in, if snippet code. */
    Optional<Position> waitingAt() {
        return waitingAt;
    }

    List<Finding> findings() {
        return findings;
    }

    /** The open-transaction findings of the JDBC connections that held a transaction open, for their blocks. */
    List<RuntimeFinding> held() {
        return held;
    }

    /** For the block's output: what it was waiting for. */
    String text() {
        return text.toString();
    }

    /**
     * What each backend of the database is running or waiting on, one line each; adds those idle in a transaction,
     * whose locks others may wait for, to {@code idleInTransaction}.
     */
    static String backends(Database database, Set<Integer> idleInTransaction) {
        if (database == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("backends of database ").append(database.name()).append(":\n");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl() + "&connectTimeout=5&socketTimeout=5");
             PreparedStatement statement = connection.prepareStatement(BACKENDS);
             ResultSet rows = statement.executeQuery()) {
            int count = 0;
            while (rows.next()) {
                count++;
                if (String.valueOf(rows.getString("state")).startsWith("idle in transaction")) {
                    idleInTransaction.add(rows.getInt("pid"));
                }
                out.append("  pid ").append(rows.getInt("pid")).append(' ').append(rows.getString("state"));
                if (rows.getString("wait_event") != null) {
                    out.append(" waiting on ").append(rows.getString("wait_event_type")).append(':')
                            .append(rows.getString("wait_event"));
                }
                out.append(" for ").append(rows.getInt("seconds")).append(" s");
                String locks = rows.getString("locks");
                if (locks != null) {
                    out.append(", holding ").append(locks);
                }
                if (!"{}".equals(rows.getString("blocked_by"))) {
                    out.append(", blocked by ").append(rows.getString("blocked_by"));
                }
                out.append(": ").append(rows.getString("query").replaceAll("\\s+", " ").strip()).append('\n');
            }
            if (count == 0) {
                out.append("  none\n");
            }
        } catch (SQLException e) {
            out.append("  could not be read: ").append(e.getMessage()).append('\n');
        }
        return out.toString();
    }
}
