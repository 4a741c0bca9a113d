package dev.snipcheck.postgres;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.net.UnknownHostException;
import java.sql.SQLException;

/** What went wrong talking to the server, in the words a notice or an error of snipcheck's shows. */
final class ServerErrors {

    private ServerErrors() {
    }

    /** What the server said, or else why the network failed, without pgjdbc's generic advice. */
    static String reason(SQLException e) {
        if (e instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                return server.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof UnknownHostException) {
            return "unknown host " + root.getMessage();
        }
        return root.getMessage() != null ? root.getMessage() : e.getMessage();
    }
}
