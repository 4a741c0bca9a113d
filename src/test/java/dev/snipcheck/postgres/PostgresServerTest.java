package dev.snipcheck.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both servers against one real embedded PostgreSQL, which also stands in for the external one. */
class PostgresServerTest {

    private static EmbeddedServer server;
    private static Database probe;

    @BeforeAll
    static void start() throws DatabaseUnavailableException {
        server = EmbeddedServer.start(System.err::println);
        // a database of its own, so checks of pg_database never connect to one under test; as the admin, who may
        // read every database's catalog and change pg_hba.conf
        probe = server.createDatabase("these tests", Optional.of("the tests read the catalogs and pg_hba.conf"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void describesItselfWithTheServersVersion() {
        assertTrue(server.description().matches("embedded PostgreSQL 18\\.\\d+ on port " + probe.port()), server.description());
    }

    @Test
    void databasesDoNotSeeEachOther() throws Exception {
        Database first = server.createDatabase();
        Database second = server.createDatabase();
        try (Connection connection = DriverManager.getConnection(first.jdbcUrl())) {
            execute(connection, "CREATE TABLE book (title text); INSERT INTO book VALUES ('Dune')");
        }
        try (Connection connection = DriverManager.getConnection(second.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT to_regclass('book') IS NULL")) {
            result.next();
            assertTrue(result.getBoolean(1), "table book of " + first.name() + " is visible in " + second.name());
        }
        server.dropDatabase(first);
        server.dropDatabase(second);
    }

    @Test
    void eachDatabaseHasARoleOfItsOwnThatMayNotConnectToAnother() throws Exception {
        Database first = server.createDatabase();
        Database second = server.createDatabase();
        String intruder = first.jdbcUrl().replace("/" + first.name() + "?", "/" + second.name() + "?");
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(intruder).close());
        assertEquals("42501", refused.getSQLState(), refused.getMessage());
        try (Connection connection = DriverManager.getConnection(probe.jdbcUrl())) {
            assertEquals("f f f f", query(connection, "SELECT concat_ws(' ', rolsuper, rolcreatedb, rolcreaterole,"
                    + " rolreplication) FROM pg_roles WHERE rolname = '" + first.user() + "'"));
            server.dropDatabase(first);
            assertEquals("0", query(connection, "SELECT count(*) FROM pg_roles WHERE rolname = '" + first.user() + "'"),
                    "the role of " + first.name() + " outlived its database");
        }
        server.dropDatabase(second);
    }

    @Test
    void dropsADatabaseThatStillHasAConnection() throws Exception {
        Database database = server.createDatabase();
        try (Connection lingering = DriverManager.getConnection(database.jdbcUrl())) {
            server.dropDatabase(database);
            assertFalse(exists(database.name()), database.name() + " still exists");
            assertFalse(lingering.isValid(5), "the lingering connection survived the drop");
        }
    }

    @Test
    void seesALeftConnectionAfterTheChecksOwnConnectionWasEnded() throws Exception {
        Database database = server.createDatabase();
        try (Connection left = DriverManager.getConnection(database.jdbcUrl());
                Connection admin = DriverManager.getConnection(probe.jdbcUrl())) {
            int pid = pid(left);
            assertTrue(server.clientBackends(database).stream().anyMatch(b -> b.pid() == pid));
            // as a check that ran out of time, or a server restart, ends it: the checks' query was its last
            execute(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'snipcheck'"
                    + " AND query LIKE '%backend_type = ''client backend''%' AND pid <> pg_backend_pid()");
            List<Integer> seen = server.clientBackends(database).stream().map(ClientBackend::pid).toList();
            assertTrue(seen.contains(pid), "the check after it saw " + seen + ", not backend " + pid);
        } finally {
            server.dropDatabase(database);
        }
    }

    private static int pid(Connection connection) throws SQLException {
        return Integer.parseInt(query(connection, "SELECT pg_backend_pid()"));
    }

    @Test
    void createsDistinctDatabasesFromManyThreads() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Database>> creates = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                creates.add(server::createDatabase);
            }
            Set<String> names = new HashSet<>();
            for (Future<Database> created : threads.invokeAll(creates)) {
                names.add(created.get().name());
                assertTrue(exists(created.get().name()), created.get().name() + " does not exist");
                server.dropDatabase(created.get());
            }
            assertEquals(16, names.size(), "names: " + names);
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void externalServerCreatesAndDropsDatabases() throws Exception {
        String url = "jdbc:postgresql://localhost:" + probe.port() + "/postgres?user=postgres&password=";
        int templatesBefore = countDatabases("snipcheck_template_%");
        Database left;
        try (ExternalServer external = ExternalServer.connect(url, System.err::println)) {
            assertEquals("PostgreSQL " + version() + " at localhost:" + probe.port(), external.description());
            Database dropped = external.createDatabase();
            left = external.createDatabase();
            try (Connection connection = DriverManager.getConnection(dropped.jdbcUrl())) {
                execute(connection, "CREATE TABLE book (title text)");
            }
            external.dropDatabase(dropped);
            assertFalse(exists(dropped.name()), dropped.name() + " still exists");
            assertTrue(exists(left.name()), left.name() + " does not exist");
        }
        assertFalse(exists(left.name()), "close() left " + left.name() + " behind");
        assertEquals(templatesBefore, countDatabases("snipcheck_template_%"), "close() left its template behind");
        assertTrue(exists(probe.name()), "the external server dropped a database it did not create");
    }

    @Test
    void externalServerAcceptsALibpqUrl() throws Exception {
        try (ExternalServer external = ExternalServer.connect("postgresql://postgres:secret@localhost:" + probe.port() + "/postgres", System.err::println)) {
            // as the admin, whose credentials are the URL's
            Database database = external.createDatabase("this test", Optional.of("checks the URL's credentials"));
            assertEquals("postgres", database.user());
            assertEquals("secret", database.password());
            assertTrue(exists(database.name()), database.name() + " does not exist");
        }
    }

    @Test
    void externalServerLeavesOtherDatabasesAloneAndSaysSoInANotice() throws Exception {
        List<String> notices = new ArrayList<>();
        try (ExternalServer external = ExternalServer.connect("postgresql://postgres@localhost:" + probe.port(), notices::add)) {
            external.dropDatabase(probe);
        }
        assertTrue(exists(probe.name()), "an external server dropped " + probe.name() + ", which it did not create");
        assertEquals(List.of("not dropping database " + probe.name() + " on localhost:" + probe.port()
                + ": this run did not create it"), notices);
    }

    @Test
    void externalServerNamesHostAndPortWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DatabaseUnavailableException e = assertThrows(DatabaseUnavailableException.class,
                () -> ExternalServer.connect("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres", System.err::println));
        assertEquals("could not connect to 127.0.0.1:" + port + ": Connection refused", e.getMessage());
    }

    @Test
    void externalServerGivesTheServersReasonForAWrongPassword() throws Exception {
        requirePassword("snipcheck_reader", "right");
        DatabaseUnavailableException e = assertThrows(DatabaseUnavailableException.class,
                () -> ExternalServer.connect("postgresql://snipcheck_reader:wrong@localhost:" + probe.port() + "/postgres", System.err::println));
        assertEquals("could not connect to localhost:" + probe.port() + ": password authentication failed for user \"snipcheck_reader\"",
                e.getMessage());
    }

    @Test
    void externalServerRejectsAnUnknownUrlWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExternalServer.connect("mysql://root:hunter2@localhost/db", System.err::println));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    /** Makes the server check {@code role}'s password, which zonky's trust-everyone setup never does. */
    private static void requirePassword(String role, String password) throws Exception {
        try (Connection connection = DriverManager.getConnection(probe.jdbcUrl())) {
            execute(connection, "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            Path hba = Path.of(query(connection, "SHOW hba_file"));
            Files.writeString(hba, "host all " + role + " all scram-sha-256\n" + Files.readString(hba));
            execute(connection, "SELECT pg_reload_conf()");
        }
        // the postmaster rereads pg_hba.conf asynchronously after the signal
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection ignored = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + probe.port() + "/postgres?user=" + role + "&password=wrong")) {
                Thread.sleep(20);
            } catch (SQLException expected) {
                return;
            }
        }
        throw new AssertionError("the server still trusts " + role + " 5 s after reloading pg_hba.conf");
    }

    private static boolean exists(String name) throws SQLException {
        return countDatabases(name) == 1;
    }

    private static int countDatabases(String likePattern) throws SQLException {
        try (Connection connection = DriverManager.getConnection(probe.jdbcUrl());
                var statement = connection.prepareStatement("SELECT count(*) FROM pg_database WHERE datname LIKE ?")) {
            statement.setString(1, likePattern);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static String version() throws SQLException {
        try (Connection connection = DriverManager.getConnection(probe.jdbcUrl())) {
            return query(connection, "SHOW server_version");
        }
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
