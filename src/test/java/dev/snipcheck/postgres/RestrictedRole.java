package dev.snipcheck.postgres;

import dev.snipcheck.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A role on the tests' PostgreSQL that may not create databases, only schemas in the one database it is given: on
 * its server snipcheck gives each page a schema, and says so in a notice.
 *
 * @param name     the role
 * @param database where its schemas go, with the server's host and port
 */
public record RestrictedRole(String name, Database database) {

    private static final Pattern JDBC_URL =
            Pattern.compile("jdbc:postgresql://([^:]+):(\\d+)/([^?]+)\\?user=([^&]*)&password=(.*)");

    /** Creates the role, once per server; later calls find it as it is. */
    public static RestrictedRole create() throws SQLException {
        Matcher url = JDBC_URL.matcher(TestPostgres.url());
        if (!url.matches()) {
            throw new IllegalStateException("not a URL of the tests' PostgreSQL: " + TestPostgres.url());
        }
        Database database = new Database(url.group(1), Integer.parseInt(url.group(2)), url.group(3), url.group(4),
                url.group(5));
        String role = "snipcheck_nocreatedb";
        try (Connection connection = DriverManager.getConnection(TestPostgres.url());
                Statement statement = connection.createStatement()) {
            // the grant below depends on the role, so it stays once made
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN"
                    + " CREATE ROLE " + role + " LOGIN NOCREATEDB; END IF; END $$");
            // CONNECT too: snipcheck's databases admit only their own role, as a URL's database admits its role
            statement.execute("GRANT CONNECT, CREATE ON DATABASE " + database.name() + " TO " + role);
        }
        return new RestrictedRole(role, database);
    }

    /** Its JDBC URL, without a password: the tests' server trusts local connections. */
    public String url() {
        return "jdbc:postgresql://localhost:" + database.port() + "/" + database.name() + "?user=" + name;
    }

    /** The notice snipcheck gives when a run uses this role, as a user sees it. */
    public String notice() {
        return "snipcheck: role " + name + " may not create databases on localhost:" + database.port()
                + ": each page gets a schema of database " + database.name() + " instead (its search_path), and every block"
                + " connects as " + name + ", so it can reach other pages' schemas and end snipcheck's own session";
    }
}
