package dev.snipcheck.verdict;

import dev.snipcheck.postgres.Database;
import dev.snipcheck.protocol.WorkerContract;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The connections to a page's database that snippets opened themselves (from {@code jdbcUrl} or
 * {@code r2dbcUrl}, not through {@code pool} or {@code dataSource}) and left open, as
 * {@code pg_stat_activity} shows them when the page ends.
 */
public final class OpenBackends {

    private static final String QUERY = """
            select pid, state, application_name
              from pg_stat_activity
             where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
               and application_name not in (?, ?)
             order by pid""";

    /** The name snipcheck's own administrative connections give themselves (see the postgres package). */
    private static final String ADMIN_APPLICATION = "snipcheck";

    /** One backend left open. */
    record Backend(int pid, String state, String applicationName) {

        boolean inTransaction() {
            return state != null && state.startsWith("idle in transaction");
        }
    }

    private static final long SETTLE_MILLIS = 200;

    private OpenBackends() {
    }

    /**
     * The backends left open; empty when there are none or the database cannot be read, and when pages share the
     * database (a schema each), since another page's connections could not be told from this page's.
     */
    public static List<Backend> of(Database database) {
        if (database.schema().isPresent()) {
            return List.of();
        }
        List<Backend> open = query(database);
        if (open.isEmpty()) {
            return open;
        }
        // A backend whose client has just closed the connection is still listed for a moment.
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        List<Integer> still = query(database).stream().map(Backend::pid).toList();
        return open.stream().filter(b -> still.contains(b.pid())).toList();
    }

    private static List<Backend> query(Database database) {
        List<Backend> open = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl() + "&connectTimeout=5&socketTimeout=5");
             PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setString(1, WorkerContract.BINDINGS_APPLICATION);
            statement.setString(2, ADMIN_APPLICATION);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    open.add(new Backend(rows.getInt("pid"), rows.getString("state"), rows.getString("application_name")));
                }
            }
        } catch (SQLException e) {
            // A database that cannot be read is reported by the blocks that use it, not here.
        }
        return open;
    }
}
