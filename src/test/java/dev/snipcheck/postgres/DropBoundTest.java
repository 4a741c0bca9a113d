package dev.snipcheck.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snipcheck.TestScramServer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A page's database is dropped at its end without waiting on the server: on a server that logs in with a password, a
 * connection that started to log in and never sent its password holds every DROP DATABASE until authentication_timeout
 * (60 s) ends it. The run goes on at once and drops the database when it ends.
 */
class DropBoundTest {

    private static final int SASL = 10;

    @Test
    void aConnectionStillLoggingInDoesNotStallThePageAndItsDatabaseIsDroppedWhenTheRunEnds() throws Exception {
        String url = TestScramServer.url();
        List<String> notices = new CopyOnWriteArrayList<>();
        String name;
        long millis;
        try (ExternalServer server = ExternalServer.connect(url, notices::add)) {
            Database database = server.createDatabase();
            name = database.name();
            try (Socket login = startLogin(database)) {
                long start = System.nanoTime();
                server.dropDatabase(database);
                millis = (System.nanoTime() - start) / 1_000_000;
            }
            assertTrue(millis < 10_000, "the drop took " + millis + " ms");
            String said = String.join("\n", notices);
            assertTrue(said.contains("could not drop database " + name + " on " + database.host() + ":"
                    + database.port() + ": the server did not finish within 3 s (a connection that is still logging in"
                    + " holds every DROP DATABASE); dropping it when the run ends"), said);
            assertEquals(1, databasesNamed(url, name));
        }
        assertEquals(0, databasesNamed(url, name), "the end of the run drops what the page could not");
    }

    /** A connection to the database that gets as far as the server's SASL challenge, and answers nothing. */
    private static Socket startLogin(Database database) throws IOException {
        Socket socket = new Socket(database.host(), database.port());
        byte[] parameters = ("user\0" + database.user() + "\0database\0" + database.name() + "\0\0")
                .getBytes(StandardCharsets.UTF_8);
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(8 + parameters.length);
        out.writeInt(3 << 16);
        out.write(parameters);
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        assertEquals('R', in.readByte(), "the server's first answer is an authentication request");
        in.readInt();
        assertEquals(SASL, in.readInt(), "the server asks for scram-sha-256");
        return socket;
    }

    private static int databasesNamed(String url, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
