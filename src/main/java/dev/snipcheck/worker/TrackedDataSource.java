package dev.snipcheck.worker;

import dev.snipcheck.protocol.RuntimeFinding;
import dev.snipcheck.rules.MisuseMessage;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The {@code dataSource} the snippets see: remembers where each JDBC connection was opened, so one
 * left open, or left inside a transaction, when the page ends is charged to the line that opened it.
 */
final class TrackedDataSource implements DataSource {

    private final DataSource delegate;
    private final Detectors detectors;
    private final Map<Connection, Opened> open = Collections.synchronizedMap(new IdentityHashMap<>());

    private record Opened(String block, StackTraceElement[] site) {
    }

    TrackedDataSource(DataSource delegate, Detectors detectors) {
        this.delegate = delegate;
        this.detectors = detectors;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return track(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return track(delegate.getConnection(username, password));
    }

    private Connection track(Connection connection) {
        open.put(connection, new Opened(detectors.block(), new Throwable().getStackTrace()));
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                Opened opened = open.remove(connection);
                if (opened != null && uncommittedWrites(connection)) {
                    detectors.report(MisuseMessage.JDBC_TRANSACTION_CLOSED, opened.block(), opened.site());
                }
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(TrackedDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class, org.postgresql.PGConnection.class}, handler);
    }

    /** Reports every connection still open (inside a transaction or not), then closes them. */
    void pageEnded() {
        List<Map.Entry<Connection, Opened>> left;
        synchronized (open) {
            left = new ArrayList<>(open.entrySet());
            open.clear();
        }
        for (Map.Entry<Connection, Opened> entry : left) {
            Connection connection = entry.getKey();
            Opened opened = entry.getValue();
            if (inTransaction(connection)) {
                detectors.report(MisuseMessage.JDBC_TRANSACTION_OPEN, opened.block(), opened.site());
            } else {
                detectors.report(MisuseMessage.JDBC_CONNECTION_LEAKED, opened.block(), opened.site());
            }
            try {
                connection.close();
            } catch (SQLException e) {
                // Dropping the database ends its backend anyway.
            }
        }
    }

    /**
     * The connections open while a block hangs, by their backend's pid, each as the finding charged to the block that
     * opened it should its backend hold a transaction open: the parent asks the database which backends do, since
     * asking pgjdbc would wait for the hanging statement's lock. Leaves them open.
     */
    Map<Integer, RuntimeFinding> byBackend() {
        List<Map.Entry<Connection, Opened>> now;
        synchronized (open) {
            now = new ArrayList<>(open.entrySet());
        }
        Map<Integer, RuntimeFinding> byBackend = new HashMap<>();
        for (Map.Entry<Connection, Opened> entry : now) {
            try {
                int pid = entry.getKey().unwrap(PGConnection.class).getBackendPID();
                if (entry.getValue().block() != null) {
                    byBackend.put(pid, Detectors.finding(MisuseMessage.JDBC_TRANSACTION_HELD, entry.getValue().block(),
                            entry.getValue().site(), pid));
                }
            } catch (SQLException e) {
                // not a pgjdbc connection: no backend to name
            }
        }
        return byBackend;
    }

    private static boolean inTransaction(Connection connection) {
        try {
            return !connection.isClosed()
                    && connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Whether the connection is inside a transaction that wrote something (PostgreSQL gives a transaction an id at its
     * first write): closing it loses that work. A transaction that only read loses nothing, and one already failed
     * told the block with its exception.
     */
    private static boolean uncommittedWrites(Connection connection) {
        try {
            if (connection.isClosed()
                    || connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.OPEN) {
                return false;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet xid = statement.executeQuery("select txid_current_if_assigned() is not null")) {
                return xid.next() && xid.getBoolean(1);
            }
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }
}
