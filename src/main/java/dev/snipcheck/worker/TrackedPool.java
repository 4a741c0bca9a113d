package dev.snipcheck.worker;

import dev.snipcheck.protocol.RuntimeFinding;
import dev.snipcheck.rules.MisuseMessage;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.callback.ProxyConfig;
import io.r2dbc.proxy.core.MethodExecutionInfo;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pool the snippets see as {@code pool} and {@code connectionFactory}: r2dbc-pool seen through
 * r2dbc-proxy, remembering where each connection was acquired, whether it is inside a transaction,
 * and which database work is in flight, so leaks, open transactions and unjoined work can be charged
 * to the block and the Markdown line that caused them.
 */
final class TrackedPool extends ConnectionPool {

    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(2);

    private final Detectors detectors;
    private final ConnectionFactory proxy;
    private final TrackedProxyFactory publishers;
    /** Acquired connections by the pool's own connection object, which the proxy wraps. */
    private final Map<Object, Acquisition> acquired = Collections.synchronizedMap(new IdentityHashMap<>());
    /** Acquisitions and queries subscribed to and not yet finished. */
    private final Map<Object, Acquisition> inFlight = Collections.synchronizedMap(new IdentityHashMap<>());

    /** Where a connection was acquired, or some work started, and by which block. */
    private static final class Acquisition {
        final String block;
        final StackTraceElement[] site;
        /** Where the pipeline that acquires was subscribed; for a query, null. */
        volatile StackTraceElement[] subscribed;
        /** The connection the proxy hands out, or for a query the pool's connection it runs on. */
        final Object connection;
        volatile Transaction transaction = Transaction.NONE;

        Acquisition(String block, StackTraceElement[] site, Object connection) {
            this.block = block;
            this.site = site;
            this.connection = connection;
        }
    }

    /** How the transaction a connection is inside was opened: the pool rolls back only what it saw begin. */
    private enum Transaction { NONE, BEGUN, AUTO_COMMIT_OFF }

    TrackedPool(ConnectionPoolConfiguration configuration, Detectors detectors) {
        super(configuration);
        this.detectors = detectors;
        ProxyConfig config = new ProxyConfig();
        this.publishers = new TrackedProxyFactory(config.getProxyFactory(), detectors);
        config.setProxyFactoryFactory(c -> publishers);
        this.proxy = ProxyConnectionFactory.builder(new Pooled())
                .proxyConfig(config)
                .onBeforeMethod(info -> {
                    if (info.getTarget() instanceof Result
                            && TrackedProxyFactory.CONSUMING.contains(info.getMethod().getName())) {
                        publishers.consumed(info.getTarget());
                    }
                })
                .onAfterMethod(this::afterMethod)
                .onBeforeQuery(this::beforeQuery)
                // A query that produced a result is no longer in flight: an unconsumed result is another rule's.
                .onEachQueryResult(inFlight::remove)
                .onAfterQuery(inFlight::remove)
                .build();
    }

    @Override
    public Mono<Connection> create() {
        StackTraceElement[] site = new Throwable().getStackTrace();
        if (calledByAnotherPool(site)) {
            // A pool the block makes on top of this one (new ConnectionPool(configuration)) asks for its allocator
            // when it is built, and keeps what it acquires idle: its Publisher and its connections are the pool's,
            // not the block's. Its connections are proxied still, so their statements are tracked.
            return Mono.from(proxy.create());
        }
        return Mono.from(publishers.track(Mono.defer(() -> {
            String block = detectors.block();
            Object flight = new Object();
            Acquisition acquisition = new Acquisition(block, site, null);
            return Mono.from(proxy.create())
                    .doOnSubscribe(s -> {
                        // On the thread that subscribes: when the block called subscribe(), its line is here.
                        acquisition.subscribed = new Throwable().getStackTrace();
                        inFlight.put(flight, acquisition);
                    })
                    .doFinally(signal -> inFlight.remove(flight))
                    .doOnNext(connection -> {
                        // Before the value goes downstream, so a block that waits for it never sees it in flight.
                        Acquisition done = new Acquisition(block, site, connection);
                        done.subscribed = acquisition.subscribed;
                        acquired.put(original(connection), done);
                        inFlight.remove(flight);
                    });
        }), "ConnectionPool.create()", site));
    }

    /** Whether r2dbc-pool's code, past this class's own frames and the interface's bridge, asked for a connection. */
    private static boolean calledByAnotherPool(StackTraceElement[] site) {
        for (StackTraceElement frame : site) {
            boolean ownFrame = frame.getClassName().equals(TrackedPool.class.getName())
                    || frame.getClassName().equals(ConnectionPool.class.getName()) && frame.getMethodName().equals("create");
            if (!ownFrame) {
                return frame.getClassName().startsWith("io.r2dbc.pool.");
            }
        }
        return false;
    }

    /**
     * Reports the pipelines that {@code blockClass} subscribed to and that are still acquiring a
     * connection or running a query on the connection they acquired, at the line that subscribed.
     */
    void blockEnded(String blockClass) {
        Set<Acquisition> running = Collections.newSetFromMap(new IdentityHashMap<>());
        synchronized (inFlight) {
            for (Acquisition work : inFlight.values()) {
                Acquisition pipeline = work.subscribed != null ? work : acquired.get(work.connection);
                if (pipeline != null && pipeline.subscribed != null && blockClass.equals(pipeline.block)) {
                    running.add(pipeline);
                }
            }
        }
        for (Acquisition work : running) {
            detectors.report(MisuseMessage.SUBSCRIBED_WORK_RUNNING, work.block, work.subscribed);
        }
    }

    /** Where the connections still acquired, or still being acquired, were asked for. */
    List<StackTraceElement[]> checkedOut() {
        List<StackTraceElement[]> sites = new ArrayList<>();
        synchronized (acquired) {
            acquired.values().forEach(a -> sites.add(a.site));
        }
        synchronized (inFlight) {
            inFlight.values().stream().filter(work -> work.subscribed != null).forEach(a -> sites.add(a.site));
        }
        return sites;
    }

    /**
     * The connections acquired and not given back while a block hangs, by their backend's pid, each as the finding
     * charged to the block that acquired it should its backend hold a transaction open: the parent asks the server
     * which do, since a transaction the pool did not see begin (a {@code BEGIN} statement) holds locks too.
     */
    Map<Integer, RuntimeFinding> byBackend() {
        List<Map.Entry<Object, Acquisition>> now;
        synchronized (acquired) {
            now = new ArrayList<>(acquired.entrySet());
        }
        Map<Integer, RuntimeFinding> byBackend = new HashMap<>();
        for (Map.Entry<Object, Acquisition> entry : now) {
            Acquisition acquisition = entry.getValue();
            if (acquisition.block != null) {
                R2dbcBackends.pid(entry.getKey()).ifPresent(pid -> byBackend.put(pid, Detectors.finding(
                        MisuseMessage.POOLED_TRANSACTION_HELD, acquisition.block, acquisition.site, pid)));
            }
        }
        return byBackend;
    }

    /**
     * Reports every connection still acquired (a leak, or an open transaction when one was begun on
     * it) at the line that acquired it, then gives them all back so the pool can close.
     */
    void pageEnded() {
        awaitInFlight();
        List<Acquisition> left;
        synchronized (acquired) {
            left = new ArrayList<>(acquired.values());
            acquired.clear();
        }
        for (Acquisition acquisition : left) {
            if (acquisition.transaction != Transaction.NONE) {
                detectors.report(MisuseMessage.POOLED_TRANSACTION_OPEN, acquisition.block, acquisition.site);
            } else {
                detectors.report(MisuseMessage.POOLED_CONNECTION_LEAKED, acquisition.block, acquisition.site);
            }
            try {
                Mono.from(((Connection) acquisition.connection).close()).block(RELEASE_TIMEOUT);
            } catch (RuntimeException e) {
                // The pool is disposed next, which closes it anyway.
            }
        }
        publishers.pageEnded();
    }

    /** Lets work a block did not wait for finish, so it is reported as unjoined and not also as a leak. */
    private void awaitInFlight() {
        if (inFlight.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        // Its last query done, such a pipeline still has to give its connection back.
        while ((!inFlight.isEmpty() || !acquired.isEmpty()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void afterMethod(MethodExecutionInfo info) {
        if (info.getThrown() != null) {
            publishers.failed(detectors.block());
        }
        if (!(info.getTarget() instanceof Connection) || info.getThrown() != null) {
            return;
        }
        Object connection = info.getConnectionInfo().getOriginalConnection();
        switch (info.getMethod().getName()) {
            case "close" -> {
                forgetQueries(connection);
                Acquisition acquisition = acquired.remove(connection);
                if (acquisition != null && acquisition.transaction == Transaction.BEGUN) {
                    // r2dbc-pool rolls the transaction back on release without a word: the writes vanish.
                    detectors.report(MisuseMessage.POOLED_TRANSACTION_RETURNED, acquisition.block, acquisition.site);
                } else if (acquisition != null && acquisition.transaction == Transaction.AUTO_COMMIT_OFF) {
                    // r2dbc-pool only rolls back what beginTransaction() began: this one stays idle in transaction.
                    detectors.report(MisuseMessage.POOLED_AUTO_COMMIT_RETURNED, acquisition.block, acquisition.site);
                }
            }
            case "beginTransaction" -> setTransaction(connection, Transaction.BEGUN);
            case "setAutoCommit" -> setTransaction(connection,
                    Boolean.FALSE.equals(info.getMethodArgs()[0]) ? Transaction.AUTO_COMMIT_OFF : Transaction.NONE);
            case "commitTransaction", "rollbackTransaction" -> setTransaction(connection, Transaction.NONE);
            default -> {
            }
        }
    }

    private void setTransaction(Object connection, Transaction transaction) {
        Acquisition acquisition = acquired.get(connection);
        if (acquisition != null) {
            acquisition.transaction = transaction;
        }
    }

    private void beforeQuery(QueryExecutionInfo info) {
        // The thread that subscribes: when it is the block's, its stack holds the line that subscribed.
        inFlight.put(info, new Acquisition(detectors.block(), new Throwable().getStackTrace(),
                info.getConnectionInfo().getOriginalConnection()));
    }

    /** Forgets the queries of a connection given back: a cancelled query may never report its end. */
    private void forgetQueries(Object connection) {
        synchronized (inFlight) {
            inFlight.values().removeIf(work -> work.connection == connection);
        }
    }

    private static Object original(Connection connection) {
        return connection instanceof Wrapped<?> wrapped ? wrapped.unwrap() : connection;
    }

    private Mono<Connection> pooledCreate() {
        return super.create();
    }

    private ConnectionFactoryMetadata pooledMetadata() {
        return super.getMetadata();
    }

    /** The pool itself as a connection factory, for the proxy to wrap. */
    private final class Pooled implements ConnectionFactory {
        @Override
        public Publisher<? extends Connection> create() {
            return pooledCreate();
        }

        @Override
        public ConnectionFactoryMetadata getMetadata() {
            return pooledMetadata();
        }
    }
}
