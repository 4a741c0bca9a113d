package dev.snipcheck.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A second connection as the admin that only reads: the catalogs after every block, pg_stat_activity at each page's
 * end. Apart from the admin connection, so that these checks never wait behind a CREATE or DROP DATABASE of the
 * databases made ahead for the next pages; as the admin, a member of every page's role, so that it sees the state of
 * the pages' backends, and a page's end costs no connection of its own.
 */
final class CatalogConnection implements AutoCloseable {

    private static final String BACKENDS = """
            select pid, state, coalesce(application_name, '') as application_name
              from pg_stat_activity
             where datname = ? and backend_type = 'client backend' and coalesce(application_name, '') <> ?
             order by pid""";

    /** Logs in again, as the first connection did. */
    interface Login {
        Connection connect() throws DatabaseUnavailableException;
    }

    private final Login login;
    private final String adminApplication;
    // guarded by this object's monitor: pages ask from many threads, and pgjdbc connections are not thread-safe
    private Connection connection;

    CatalogConnection(Login login, String adminApplication) throws DatabaseUnavailableException {
        this.login = login;
        this.adminApplication = adminApplication;
        this.connection = login.connect();
    }

    /** See {@link CatalogDamage}. */
    synchronized Optional<String> damage(Database database) {
        Optional<String> damage = CatalogDamage.of(connection, database);
        return damage.isEmpty() && loggedInAgain() ? CatalogDamage.of(connection, database) : damage;
    }

    /** See {@link PostgresServer#clientBackends}. */
    synchronized List<ClientBackend> clientBackends(Database database) {
        List<ClientBackend> backends = backends(database);
        return backends.isEmpty() && loggedInAgain() ? backends(database) : backends;
    }

    /**
     * Whether the connection had ended, which its last query showed (a check that ran out of time, a restarted
     * server), and a new one logged in: the checks of the rest of the run must not all find nothing for it.
     */
    private boolean loggedInAgain() {
        try {
            if (!connection.isClosed()) {
                return false;
            }
            connection = login.connect();
            return true;
        } catch (SQLException | DatabaseUnavailableException e) {
            return false;
        }
    }

    private List<ClientBackend> backends(Database database) {
        List<ClientBackend> backends = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(BACKENDS)) {
            query.setString(1, database.name());
            query.setString(2, adminApplication);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    backends.add(new ClientBackend(rows.getInt("pid"), rows.getString("state"),
                            rows.getString("application_name")));
                }
            }
        } catch (SQLException e) {
            // a server that cannot be asked is reported by the blocks that use it, and by the admin connection's checks
            return List.of();
        }
        return backends;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing was written on it
        }
    }
}
