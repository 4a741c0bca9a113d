package dev.snipcheck.worker;

import dev.snipcheck.protocol.OpenDatabase;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The first JDBC driver of the worker: a {@code jdbc:postgresql:} URL that a block opens itself (through
 * {@link DriverManager} or a pgjdbc data source, which calls it) reaches the running page's database with the page's
 * credentials, whatever host, port, database, user and password it names; its other options are kept. Examples
 * connect to a server of their own ({@code localhost/test?user=fred&password=secret}) and should pass as written.
 */
final class RedirectingDriver implements Driver {

    private static final String PREFIX = "jdbc:postgresql:";
    /** Parsed URLs keep the target in these; they must not reach pgjdbc besides the URL that names the target. */
    private static final List<String> TARGET_KEYS = List.of("PGHOST", "PGPORT", "PGDBNAME", "user", "password");

    /** A password in the URL, which a listing of the redirections does not show. */
    private static final Pattern MASKED_PASSWORD = Pattern.compile("([?&]password=)[^&]*");

    private final Driver pgjdbc = new org.postgresql.Driver();

    /** Registers this driver ahead of those already registered, so that {@link DriverManager} asks it first. */
    static void install() {
        try {
            List<Driver> others = Collections.list(DriverManager.getDrivers());
            for (Driver driver : others) {
                DriverManager.deregisterDriver(driver);
            }
            DriverManager.registerDriver(new RedirectingDriver());
            for (Driver driver : others) {
                DriverManager.registerDriver(driver);
            }
        } catch (SQLException e) {
            // DriverManager declares it but throws it for no driver that is not null
            throw new IllegalStateException("cannot register snipcheck's JDBC driver", e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Optional<OpenDatabase> target = RedirectTarget.current();
        Properties parsed = org.postgresql.Driver.parseURL(url, info);
        if (target.isEmpty() || parsed == null) {
            // a malformed URL: pgjdbc says what is wrong with it
            return pgjdbc.connect(url, info);
        }
        OpenDatabase page = target.get();
        RedirectTarget.redirecting(page, MASKED_PASSWORD.matcher(url).replaceAll("$1***"), parsed.getProperty("PGHOST"),
                parsed.getProperty("PGPORT"), parsed.getProperty("PGDBNAME"), parsed.getProperty("user"));
        Properties options = new Properties();
        parsed.stringPropertyNames().stream().filter(key -> !TARGET_KEYS.contains(key))
                .forEach(key -> options.setProperty(key, parsed.getProperty(key)));
        options.setProperty("user", page.user());
        options.setProperty("password", page.password());
        if (page.schema() != null) {
            options.setProperty("currentSchema", page.schema());
        }
        Connection connection = pgjdbc.connect(PREFIX + "//" + page.host() + ":" + page.port() + "/" + page.database(),
                options);
        RedirectTarget.connected(connection, Optional.of(connection.unwrap(PGConnection.class).getBackendPID()));
        return connection;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return pgjdbc.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return pgjdbc.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return pgjdbc.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return pgjdbc.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pgjdbc.getParentLogger();
    }
}
