package dev.snipcheck.worker;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.client.Client;
import io.r2dbc.spi.Wrapped;

import java.lang.reflect.Method;
import java.util.Optional;

/** The backend of an r2dbc-postgresql connection, found under the pool's and the proxy's wrappers. */
final class R2dbcBackends {

    private R2dbcBackends() {
    }

    /** The pid of the connection's backend; empty when it is no r2dbc-postgresql connection, or its driver hides it. */
    static Optional<Integer> pid(Object connection) {
        Object inner = connection;
        while (!(inner instanceof PostgresqlConnection) && inner instanceof Wrapped<?> wrapped
                && wrapped.unwrap() != inner) {
            inner = wrapped.unwrap();
        }
        if (!(inner instanceof PostgresqlConnection postgresql)) {
            return Optional.empty();
        }
        try {
            // The driver has the pid from the server's BackendKeyData at login, but only its Client says it, and
            // getClient() is package-private: asking the server with pg_backend_pid() would wait behind a hung query.
            Method getClient = postgresql.getClass().getDeclaredMethod("getClient");
            getClient.setAccessible(true);
            return ((Client) getClient.invoke(postgresql)).getProcessId();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
