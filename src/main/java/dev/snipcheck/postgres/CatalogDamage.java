package dev.snipcheck.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What a block took away of its page's database that the page's later blocks need, as the admin sees the catalogs:
 * the database itself or its connections, its role or the role's LOGIN, the page's schema on a server where pages get
 * a schema each. One query, so that it can be asked after every block.
 */
final class CatalogDamage {

    private CatalogDamage() {
    }

    /** What is missing, as a block's deed ("dropped database …"); empty when all is there or the admin cannot ask. */
    static Optional<String> of(Connection connection, Database database) {
        String schema = database.schema().orElse(null);
        try (PreparedStatement query = connection.prepareStatement("SELECT"
                + " (SELECT datallowconn FROM pg_database WHERE datname = ?),"
                + " (SELECT rolcanlogin FROM pg_roles WHERE rolname = ?),"
                + " ?::text IS NULL OR EXISTS (SELECT FROM pg_namespace WHERE nspname = ?)")) {
            query.setString(1, database.name());
            query.setString(2, database.user());
            query.setString(3, schema);
            query.setString(4, schema);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                Boolean allowsConnections = (Boolean) row.getObject(1);
                Boolean canLogIn = (Boolean) row.getObject(2);
                if (allowsConnections == null) {
                    return Optional.of("dropped database " + database.name());
                }
                if (!allowsConnections) {
                    return Optional.of("closed database " + database.name() + " to connections");
                }
                if (canLogIn == null) {
                    return Optional.of("dropped role " + database.user());
                }
                if (!canLogIn) {
                    return Optional.of("took LOGIN from role " + database.user());
                }
                return row.getBoolean(3) ? Optional.empty() : Optional.of("dropped schema " + schema);
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
