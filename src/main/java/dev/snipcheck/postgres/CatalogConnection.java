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

    // guarded by this object's monitor: pages ask from many threads, and pgjdbc connections are not thread-safe
    private final Connection connection;
    private final String adminApplication;

    CatalogConnection(Connection connection, String adminApplication) {
        this.connection = connection;
        this.adminApplication = adminApplication;
    }

    /** See {@link CatalogDamage}. */
    synchronized Optional<String> damage(Database database) {
        return CatalogDamage.of(connection, database);
    }

    /** See {@link PostgresServer#clientBackends}. */
    synchronized List<ClientBackend> clientBackends(Database database) {
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
