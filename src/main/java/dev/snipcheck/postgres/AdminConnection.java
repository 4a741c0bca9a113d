package dev.snipcheck.postgres;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one admin connection of a run, which copies that run's databases from its own template and drops them; or,
 * when its role may not create databases, creates and drops one schema per page in the database it connected to.
 * Each database belongs to a role of its own, made for it and dropped with it, that may do nothing beyond it: the
 * blocks connect as that role, so this connection and its {@link CatalogConnection} stay the only ones with the
 * admin's rights.
 */
final class AdminConnection implements AutoCloseable {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int MINIMUM_VERSION = 130000;
    /** The name snipcheck's own connections give themselves, which leak checks leave out. */
    private static final String ADMIN_APPLICATION = "snipcheck";
    private static final int LIVENESS_TIMEOUT_SECONDS = 3;
    /**
     * How long a page's drop may wait for the server, and the drops when the run ends. Every DROP DATABASE waits until
     * each backend of the server has closed its files (a ProcSignalBarrier), and one still logging in answers only
     * once it gets its password, or authentication_timeout (60 s by default) ends it: a page must not wait for that.
     */
    private static final int DROP_TIMEOUT_SECONDS = 3;
    private static final int CLEANUP_TIMEOUT_SECONDS = 15;
    /** The SQLSTATE of a statement that statement_timeout cancelled. */
    private static final String QUERY_CANCELED = "57014";

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final String version;
    private final String prefix;
    private final String template;
    private final String strategy;
    private final boolean perSchema;
    /** True when each database gets a role of its own: the admin may create roles and pages get databases. */
    private final boolean rolePerDatabase;
    private final boolean superuser;
    private final int versionNumber;
    private final Consumer<String> notices;
    // these three are guarded by this object's monitor: pages ask for databases from many threads, and pgjdbc connections are not thread-safe
    private final Connection connection;
    private final Set<String> created = new LinkedHashSet<>();
    /** The roles made for databases of {@link #created}, by the same name. */
    private final Set<String> roles = new LinkedHashSet<>();
    private SettingsWatch settings;
    /** Set once by {@link #open}, and read by the pages' threads without this object's monitor. */
    private volatile CatalogConnection catalog;
    private int count;
    private String lost;

    private AdminConnection(String host, int port, String database, String user, String password, Connection connection,
                            String version, int versionNumber, Rights rights, Consumer<String> notices) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.perSchema = !rights.createDatabases();
        this.superuser = rights.superuser();
        this.versionNumber = versionNumber;
        this.rolePerDatabase = !perSchema && (rights.superuser() || rights.createRoles());
        this.notices = notices;
        this.user = user;
        this.password = password;
        this.connection = connection;
        this.version = version;
        // measured on PostgreSQL 18 with a fresh template: FILE_COPY took 6 ms (tmpfs) and 134 ms (disk, fsync on) per database,
        // the default WAL_LOG 13 ms and 282 ms; before 15 every copy is a file copy and the clause does not parse
        this.strategy = versionNumber >= 150000 ? " STRATEGY = FILE_COPY" : "";
        // random rather than a counter: several runs, say parallel CI jobs, may share one external server
        String runId = runId();
        this.prefix = "snipcheck_" + runId + "_";
        this.template = "snipcheck_template_" + runId;
    }

    /**
     * Connects to {@code database} and creates this run's template database; {@code notices} hears what goes wrong
     * where no caller could act on it, such as a database that could not be dropped.
     */
    static AdminConnection open(String host, int port, String database, String user, String password,
                                Consumer<String> notices) throws DatabaseUnavailableException {
        String address = host + ":" + port;
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", ADMIN_APPLICATION);
        // a port that now belongs to something else (a kept container's stale note, a wrong URL) must not hang the run
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("loginTimeout", "10");
        Connection connection = connect(address, database, properties);
        String version;
        int versionNumber;
        Rights rights;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT current_setting('server_version'), current_setting('server_version_num')::int,"
                        + " rolsuper, rolcreatedb OR rolsuper, rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")) {
            result.next();
            version = result.getString(1);
            versionNumber = result.getInt(2);
            rights = new Rights(result.getBoolean(3), result.getBoolean(4), result.getBoolean(5));
        } catch (SQLException e) {
            closeQuietly(connection, notices);
            throw new DatabaseUnavailableException("could not ask " + address + " for its version: " + ServerErrors.reason(e), e);
        }
        if (versionNumber < MINIMUM_VERSION) {
            closeQuietly(connection, notices);
            throw new DatabaseUnavailableException("PostgreSQL " + version + " at " + address + " is too old: snipcheck needs 13 or newer to drop databases WITH (FORCE)");
        }
        AdminConnection admin = new AdminConnection(host, port, database, user, password, connection, version, versionNumber,
                rights, notices);
        if (rights.createDatabases()) {
            admin.createTemplate();
            admin.mayOwnItsRoles();
        } else {
            admin.limitLockWaits();
        }
        admin.settings = SettingsWatch.start(connection, admin.address(), notices);
        // its checks are quick reads: a server that stops answering them must not hold a page for long
        properties.setProperty("socketTimeout", "10");
        try {
            admin.catalog = new CatalogConnection(() -> connect(address, database, properties), ADMIN_APPLICATION);
        } catch (DatabaseUnavailableException e) {
            admin.dropAll();
            admin.close();
            throw e;
        }
        return admin;
    }

    private static Connection connect(String address, String database, Properties properties)
            throws DatabaseUnavailableException {
        try {
            return DriverManager.getConnection("jdbc:postgresql://" + address + "/" + database, properties);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("could not connect to " + address + ": " + ServerErrors.reason(e), e);
        }
    }

    private void createTemplate() throws DatabaseUnavailableException {
        try {
            // template0 rather than template1: whatever someone installed into template1 of an external server stays out of the pages
            execute("CREATE DATABASE " + template + " TEMPLATE template0");
            // a session on the template would make every CREATE DATABASE ... TEMPLATE fail with "source database is being accessed"
            execute("ALTER DATABASE " + template + " ALLOW_CONNECTIONS false");
        } catch (SQLException e) {
            closeQuietly(connection, notices);
            throw new DatabaseUnavailableException("could not create template database " + template + " on " + address() + ": " + ServerErrors.reason(e), e);
        }
    }

    /**
     * A role with CREATEROLE but no superuser right must be a member of the roles it makes, to give them a database
     * and drop it again; from 16 on it is one by itself, but may act as the role only when createrole_self_grant says so.
     */
    private void mayOwnItsRoles() throws DatabaseUnavailableException {
        if (superuser || !rolePerDatabase || versionNumber < 160000) {
            return;
        }
        try {
            execute("SET createrole_self_grant = 'set, inherit'");
        } catch (SQLException e) {
            closeQuietly(connection, notices);
            throw new DatabaseUnavailableException("could not set createrole_self_grant on " + address() + ": " + ServerErrors.reason(e), e);
        }
    }

    /** A page that left a lock behind must not make the DROP SCHEMA at its end wait forever. */
    private void limitLockWaits() throws DatabaseUnavailableException {
        try {
            execute("SET lock_timeout = '10s'");
        } catch (SQLException e) {
            closeQuietly(connection, notices);
            throw new DatabaseUnavailableException("could not set lock_timeout on " + address() + ": " + ServerErrors.reason(e), e);
        }
    }

    /** True when pages get a schema each, because the role may not create databases. */
    boolean perSchema() {
        return perSchema;
    }

    /** True when the blocks connect as a role of their database's own, not as the admin's role. */
    boolean rolePerDatabase() {
        return rolePerDatabase;
    }

    /** Says that {@code page}'s blocks connect as the admin, and whether that makes them superusers. */
    void runsAsAdmin(String page, String reason) {
        notices.accept(page + " runs as " + (superuser ? "superuser " : "role ") + user + " (" + reason + ")"
                + (superuser ? "" : ", which is no superuser on " + address()));
    }

    /** The value of the server's setting {@code name}, or null when it has none. */
    synchronized String setting(String name) throws DatabaseUnavailableException {
        try (var statement = connection.prepareStatement("SELECT current_setting(?, true)")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("could not read setting " + name + " on " + address() + ": " + ServerErrors.reason(e), e);
        }
    }

    /** The server's version as it reports it, e.g. "18.1". */
    String version() {
        return version;
    }

    /** Where the server listens, as "host:port". */
    String address() {
        return host + ":" + port;
    }

    /**
     * A new database for {@code page}, owned by a new role that the blocks connect as; or, with {@code asAdmin},
     * one that the blocks reach as the admin.
     */
    synchronized Database create(String page, boolean asAdmin) throws DatabaseUnavailableException {
        if (lost != null) {
            throw new DatabaseUnavailableException(lost);
        }
        String name = prefix + (++count);
        String kind = perSchema ? "schema" : "database";
        boolean ownRole = rolePerDatabase && !asAdmin;
        String rolePassword = ownRole ? randomText(24) : password;
        try {
            if (perSchema) {
                execute("CREATE SCHEMA " + name);
            } else {
                if (ownRole) {
                    createRole(name, rolePassword);
                }
                execute("CREATE DATABASE " + name + (ownRole ? " OWNER " + name : "") + " TEMPLATE " + template + strategy);
                // the roles of other pages may not even connect to it
                execute("REVOKE CONNECT, TEMPORARY ON DATABASE " + name + " FROM PUBLIC");
            }
        } catch (SQLException e) {
            // its database never existed, so a role that was made goes now
            if (roles.remove(name)) {
                dropRoleQuietly(name);
            }
            throw new DatabaseUnavailableException("could not create " + kind + " " + name + " on " + address() + ": " + ServerErrors.reason(e), e);
        }
        created.add(name);
        settings.created(name, page);
        return perSchema ? new Database(host, port, database, user, password, Optional.of(name))
                : new Database(host, port, name, ownRole ? name : user, rolePassword);
    }

    /**
     * See {@link PostgresServer#handOver}. Not synchronized: it does not use the connection, and a page thread taking a
     * database made ahead must not wait behind the CREATE or DROP DATABASE of others (16 ms a page, in the page's time).
     */
    void handOver(Database database, String page) {
        settings.created(database.schema().orElse(database.name()), page);
    }

    /** A role that may log in and own a database, and nothing else: no other database, role or server-wide right. */
    private void createRole(String name, String rolePassword) throws SQLException {
        roles.add(name);
        execute("CREATE ROLE " + name + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
                + " PASSWORD '" + rolePassword + "'");
        if (!superuser && versionNumber < 160000) {
            // before 16, CREATEROLE may grant any role, and a database's owner must be one the admin is a member of
            execute("GRANT " + name + " TO CURRENT_USER");
        }
    }

    /** What is missing of {@code database}: see {@link CatalogDamage}. */
    Optional<String> damage(Database database) {
        return catalog.damage(database);
    }

    /** See {@link PostgresServer#clientBackends}. */
    List<ClientBackend> clientBackends(Database database) {
        return catalog.clientBackends(database);
    }

    /**
     * Why the server cannot be used any more, asking it with a timeout unless that is known already; a server that
     * was lost once stays lost, so the rest of the run fails fast instead of waiting on it again.
     */
    synchronized Optional<String> lost() {
        if (lost == null) {
            try {
                if (!connection.isValid(LIVENESS_TIMEOUT_SECONDS)) {
                    lost = "PostgreSQL at " + address() + " stopped answering: it died, or hangs (no answer within "
                            + LIVENESS_TIMEOUT_SECONDS + " s)";
                }
            } catch (SQLException e) {
                lost = "PostgreSQL at " + address() + " stopped answering: " + ServerErrors.reason(e);
            }
        }
        return Optional.ofNullable(lost);
    }

    synchronized void drop(Database database) {
        String name = database.schema().orElse(database.name());
        // besides protecting other people's data, this keeps names that did not come from here out of the unquoted SQL
        if (!created.contains(name)) {
            notices.accept("not dropping database " + name + " on " + address() + ": this run did not create it");
            return;
        }
        if (lost == null) {
            settings.pageEnded(name);
        }
        if (lost == null && dropQuietly(name, DROP_TIMEOUT_SECONDS, "dropping it when the run ends")) {
            created.remove(name);
            if (roles.remove(name)) {
                dropRoleQuietly(name);
            }
        }
    }

    private void dropRoleQuietly(String name) {
        try {
            execute("DROP ROLE IF EXISTS " + name);
        } catch (SQLException e) {
            notices.accept("could not drop role " + name + " on " + address() + ": " + ServerErrors.reason(e)
                    + "; drop it with DROP OWNED BY " + name + " and DROP ROLE " + name + " in each database it owns objects in");
        }
    }

    /**
     * Drops the databases that were never dropped, then the template; once one drop runs out of time, the others would
     * wait for the same backend, so they are named instead.
     */
    synchronized void dropAll() {
        if (lost != null) {
            return;
        }
        Set<String> left = new LinkedHashSet<>(created);
        if (!perSchema) {
            left.add(template);
        }
        Iterator<String> names = left.iterator();
        while (names.hasNext()) {
            String name = names.next();
            if (!dropQuietly(name, CLEANUP_TIMEOUT_SECONDS, "drop it with " + dropStatement(name))) {
                names.forEachRemaining(other -> notices.accept("not dropping " + other + " on " + address()
                        + " either: drop it with " + dropStatement(other)));
                return;
            }
            created.remove(name);
        }
        Set<String> leftRoles = new LinkedHashSet<>(roles);
        roles.clear();
        leftRoles.forEach(this::dropRoleQuietly);
    }

    /** Drops with a bound on the wait; {@code otherwise} says what happens when that is not enough. */
    private boolean dropQuietly(String name, int timeoutSeconds, String otherwise) {
        try {
            execute("SET statement_timeout = '" + timeoutSeconds + "s'");
            try {
                execute(dropStatement(name));
            } finally {
                execute("RESET statement_timeout");
            }
            return true;
        } catch (SQLException e) {
            String why = QUERY_CANCELED.equals(e.getSQLState())
                    ? "the server did not finish within " + timeoutSeconds + " s (a connection that is still logging in"
                            + " holds every DROP DATABASE)"
                    : ServerErrors.reason(e);
            notices.accept("could not drop " + (perSchema ? "schema " : "database ") + name + " on " + address()
                    + ": " + why + "; " + otherwise);
            return false;
        }
    }

    private String dropStatement(String name) {
        // FORCE: a page that leaked a connection or pool must not keep its database alive
        return perSchema ? "DROP SCHEMA IF EXISTS " + name + " CASCADE" : "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public synchronized void close() {
        if (catalog != null) {
            catalog.close();
        }
        closeQuietly(connection, notices);
    }

    private static void closeQuietly(Connection connection, Consumer<String> notices) {
        try {
            connection.close();
        } catch (SQLException e) {
            notices.accept("could not close the admin connection: " + ServerErrors.reason(e));
        }
    }

    private static String runId() {
        return randomText(8);
    }

    private static String randomText(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** What the admin's role may do on the server. */
    private record Rights(boolean superuser, boolean createDatabases, boolean createRoles) {
    }
}
