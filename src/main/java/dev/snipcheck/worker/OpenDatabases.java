package dev.snipcheck.worker;

import dev.snipcheck.protocol.Ack;
import dev.snipcheck.protocol.CheckDatabase;
import dev.snipcheck.protocol.Checked;
import dev.snipcheck.protocol.Hang;
import dev.snipcheck.protocol.OpenDatabase;
import dev.snipcheck.protocol.RuntimeFinding;
import dev.snipcheck.protocol.WorkerContract;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import org.postgresql.ds.PGSimpleDataSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The databases the worker has open for the parent, by the bindings class whose fields hold them: a pool, a data
 * source and a sql session on each, tracked by the runtime detectors when they run.
 */
final class OpenDatabases {

    private static final Duration DISPOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ClassLoader snippets;
    /** Null when the worker runs without the runtime misuse detectors. */
    private final Detectors detectors;
    private final Map<String, ConnectionPool> pools = new LinkedHashMap<>();
    private final Map<String, TrackedDataSource> dataSources = new LinkedHashMap<>();
    /** The sql session of each database, apart from its pool. */
    private final Map<String, SqlRunner> sqlSessions = new LinkedHashMap<>();

    OpenDatabases(ClassLoader snippets, Detectors detectors) {
        this.snippets = snippets;
        this.detectors = detectors;
    }

    /** The sql session of the database the bindings class holds; null when none is open. */
    SqlRunner sqlSession(String bindingsClass) {
        return sqlSessions.get(bindingsClass);
    }

    /** What the blocks' connections are doing, for a block that ran out of time. */
    Hang describeHang() {
        return Hangs.describe(pools.values(), dataSources.values());
    }

    /** Tells the tracked pools that the block of {@code blockClass} has returned. */
    void blockEnded(String blockClass) {
        if (detectors != null) {
            pools.values().forEach(pool -> ((TrackedPool) pool).blockEnded(blockClass));
        }
    }

    Ack open(OpenDatabase open) {
        ConnectionPool pool = null;
        try {
            Class<?> bindings = Class.forName(open.bindingsClass(), true, snippets);
            pool = pool(ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(configuration(open).build()))
                    .initialSize(0)
                    .maxSize(10)
                    .build());
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setServerNames(new String[] {open.host()});
            dataSource.setPortNumbers(new int[] {open.port()});
            dataSource.setDatabaseName(open.database());
            dataSource.setUser(open.user());
            dataSource.setPassword(open.password());
            dataSource.setCurrentSchema(open.schema());
            dataSource.setApplicationName(WorkerContract.BINDINGS_APPLICATION);
            set(bindings, "pool", pool);
            set(bindings, "connectionFactory", pool);
            if (detectors == null) {
                set(bindings, "dataSource", dataSource);
            } else {
                TrackedDataSource tracked = new TrackedDataSource(dataSource, detectors);
                set(bindings, "dataSource", tracked);
                dataSources.put(open.bindingsClass(), tracked);
            }
            set(bindings, "jdbcUrl", open.jdbcUrl());
            set(bindings, "r2dbcUrl", open.r2dbcUrl());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            if (pool != null) {
                pool.dispose();
            }
            return new Ack("cannot open database " + open.database() + " for " + open.bindingsClass() + ": " + e);
        }
        RedirectTarget.opened(open);
        ConnectionPool previous = pools.put(open.bindingsClass(), pool);
        if (previous != null) {
            previous.dispose();
        }
        SqlRunner session = new SqlRunner(sessionFactory(open));
        if (open.sqlBlocks()) {
            session.connectAhead();
        }
        SqlRunner previousSession = sqlSessions.put(open.bindingsClass(), session);
        if (previousSession != null) {
            previousSession.close();
        }
        return Ack.OK;
    }

    /** How the page's own connections reach its database: {@code pool}'s, and its sql session's. */
    private static PostgresqlConnectionConfiguration.Builder configuration(OpenDatabase open) {
        return PostgresqlConnectionConfiguration.builder()
                .host(open.host())
                .port(open.port())
                .database(open.database())
                .username(open.user())
                .password(open.password())
                .schema(open.schema())
                .applicationName(WorkerContract.BINDINGS_APPLICATION);
    }

    /**
     * The sql session's connections read every value as the server's text, so they need no codec of the class path's
     * extensions; {@code pool}'s get the driver's usual codecs and extensions, as a block's own pool would.
     */
    private static PostgresqlConnectionFactory sessionFactory(OpenDatabase open) {
        return new PostgresqlConnectionFactory(configuration(open)
                .codecRegistrar(ServerText.REGISTRAR)
                .autodetectExtensions(false)
                .build());
    }

    private ConnectionPool pool(ConnectionPoolConfiguration configuration) {
        return detectors == null ? new ConnectionPool(configuration) : new TrackedPool(configuration, detectors);
    }

    Checked check(CheckDatabase check) {
        if (detectors == null) {
            return new Checked(List.of(), RedirectTarget.ownConnections());
        }
        List<RuntimeFinding> found = new ArrayList<>(detectors.drain(null));
        // Closing what the blocks left makes their pipelines fail: errors dropped meanwhile are snipcheck's doing.
        String last = detectors.block();
        detectors.begin(null);
        try {
            ConnectionPool pool = pools.get(check.bindingsClass());
            if (pool != null) {
                ((TrackedPool) pool).pageEnded();
            }
            TrackedDataSource dataSource = dataSources.get(check.bindingsClass());
            if (dataSource != null) {
                dataSource.pageEnded();
            }
            found.addAll(detectors.drain(null));
        } finally {
            detectors.begin(last);
        }
        return new Checked(List.copyOf(found), RedirectTarget.ownConnections());
    }

    private static void set(Class<?> bindings, String name, Object value) throws ReflectiveOperationException {
        Field field = bindings.getDeclaredField(name);
        if (!Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
            throw new NoSuchFieldException("field " + field + " is not static and non-final");
        }
        field.setAccessible(true);
        field.set(null, value);
    }

    Ack close() {
        StringBuilder errors = new StringBuilder();
        for (Map.Entry<String, ConnectionPool> entry : pools.entrySet()) {
            try {
                entry.getValue().disposeLater().block(DISPOSE_TIMEOUT);
            } catch (RuntimeException e) {
                errors.append(errors.length() == 0 ? "" : "; ")
                        .append("disposing the pool of ").append(entry.getKey()).append(" failed: ").append(e);
            }
        }
        for (Map.Entry<String, SqlRunner> entry : sqlSessions.entrySet()) {
            try {
                entry.getValue().close();
            } catch (RuntimeException e) {
                errors.append(errors.length() == 0 ? "" : "; ")
                        .append("closing the sql session of ").append(entry.getKey()).append(" failed: ").append(e);
            }
        }
        pools.clear();
        dataSources.clear();
        sqlSessions.clear();
        RedirectTarget.pageEnded();
        return errors.length() == 0 ? Ack.OK : new Ack(errors.toString());
    }
}
