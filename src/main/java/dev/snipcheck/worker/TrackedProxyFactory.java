package dev.snipcheck.worker;

import dev.snipcheck.rules.MisuseMessage;
import io.r2dbc.proxy.callback.ProxyFactory;
import io.r2dbc.proxy.callback.QueriesExecutionContext;
import io.r2dbc.proxy.core.ConnectionInfo;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.core.StatementInfo;
import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps r2dbc-proxy's connections and statements once more, so that every Publisher they hand out
 * remembers the line that created it and whether anyone subscribed, and every Result whether anyone
 * consumed it. What was never subscribed or consumed is reported when the page ends.
 */
final class TrackedProxyFactory implements ProxyFactory {

    /** The Result methods that consume it (the contract's list). */
    static final Set<String> CONSUMING = Set.of("map", "getRowsUpdated", "flatMap", "filter");

    private final ProxyFactory delegate;
    private final Detectors detectors;
    private final Map<Object, Created> publishers = Collections.synchronizedMap(new IdentityHashMap<>());
    /** Results emitted and not yet consumed, by r2dbc-proxy's original Result. */
    private final Map<Object, Created> results = Collections.synchronizedMap(new IdentityHashMap<>());

    /** Counts creations and errors, so that what came first is known. */
    private final AtomicLong clock = new AtomicLong();
    /** By block: when a Publisher it created last signalled an error. */
    private final Map<String, Long> lastError = new ConcurrentHashMap<>();

    /** Where something was created, when, and by which block. */
    private record Created(String block, StackTraceElement[] site, String what, long at) {
        Created(String block, StackTraceElement[] site, String what) {
            this(block, site, what, 0);
        }
    }

    TrackedProxyFactory(ProxyFactory delegate, Detectors detectors) {
        this.delegate = delegate;
        this.detectors = detectors;
    }

    /**
     * Remembers a Publisher handed to a snippet; the returned one marks it subscribed. A Mono stays a
     * Mono: as a Flux, {@code Mono.from} would cancel it after its value, and the pool takes a
     * connection back when its acquisition is cancelled.
     */
    <T> Publisher<T> track(Publisher<T> publisher, String what, StackTraceElement[] site) {
        Object key = new Object();
        publishers.put(key, new Created(detectors.block(), site, what, clock.incrementAndGet()));
        if (publisher instanceof Mono<T> mono) {
            return mono.doOnSubscribe(s -> publishers.remove(key));
        }
        return Flux.from(publisher).doOnSubscribe(s -> publishers.remove(key));
    }

    /** A Publisher of the SPI (a statement's, a Result's, a connection's) signalled an error while the block ran. */
    void failed(String block) {
        if (block != null) {
            lastError.put(block, clock.incrementAndGet());
        }
    }

    /**
     * Whether a Publisher may have been left unsubscribed by an error: one of its block's Publishers failed after it
     * was created, and the error may have ended the pipeline it was handed to ({@code then(p)}) before it got to p.
     */
    private boolean mayBeCutOffByAnError(Created created) {
        return created.block() != null && lastError.getOrDefault(created.block(), 0L) > created.at();
    }

    /** A Result's consuming method was called: it is consumed. */
    void consumed(Object originalResult) {
        results.remove(originalResult);
    }

    /** Reports the Publishers never subscribed and the Results never consumed, then forgets them. */
    void pageEnded() {
        List<Created> unsubscribed;
        List<Created> unconsumed;
        synchronized (publishers) {
            unsubscribed = new ArrayList<>(publishers.values());
            publishers.clear();
        }
        unsubscribed.removeIf(this::mayBeCutOffByAnError);
        lastError.clear();
        synchronized (results) {
            unconsumed = new ArrayList<>(results.values());
            results.clear();
        }
        for (Created created : unsubscribed) {
            detectors.report(MisuseMessage.PUBLISHER_NOT_SUBSCRIBED, created.block(), created.site(), created.what());
        }
        for (Created created : unconsumed) {
            detectors.report(MisuseMessage.RESULT_NOT_CONSUMED, created.block(), created.site());
        }
    }

    @Override
    public Connection wrapConnection(Connection connection, ConnectionInfo info) {
        return spi(Connection.class, delegate.wrapConnection(connection, info), "Connection.");
    }

    @Override
    public Statement wrapStatement(Statement statement, StatementInfo statementInfo, ConnectionInfo connectionInfo) {
        return spi(Statement.class, delegate.wrapStatement(statement, statementInfo, connectionInfo), "Statement.");
    }

    @Override
    public Batch wrapBatch(Batch batch, ConnectionInfo info) {
        return spi(Batch.class, delegate.wrapBatch(batch, info), "Batch.");
    }

    @Override
    public ConnectionFactory wrapConnectionFactory(ConnectionFactory factory) {
        return delegate.wrapConnectionFactory(factory);
    }

    @Override
    public Result wrapResult(Result result, QueryExecutionInfo info, QueriesExecutionContext context) {
        return delegate.wrapResult(result, info, context);
    }

    @Override
    public Row wrapRow(Row row, QueryExecutionInfo info) {
        return delegate.wrapRow(row, info);
    }

    @Override
    public Result.RowSegment wrapRowSegment(Result.RowSegment segment, QueryExecutionInfo info) {
        return delegate.wrapRowSegment(segment, info);
    }

    /**
     * A proxy of an SPI object whose Publisher-returning methods are tracked; the Results that
     * {@code execute()} emits are remembered until consumed. Chained calls ({@code bind}, {@code add})
     * return the tracked proxy, not the object behind it.
     */
    private <T> T spi(Class<T> type, T target, String prefix) {
        Object[] self = new Object[1];
        InvocationHandler handler = (proxy, method, args) -> {
            Object value;
            try {
                value = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (value == target) {
                return self[0];
            }
            if (value instanceof Publisher<?> publisher && method.getReturnType() == Publisher.class) {
                StackTraceElement[] site = new Throwable().getStackTrace();
                Publisher<?> tracked = track(publisher, prefix + method.getName() + "()", site);
                if (method.getName().equals("execute")) {
                    String block = detectors.block();
                    return Flux.from(tracked).doOnNext(result -> results.put(original(result),
                            new Created(block, site, prefix + "execute()")));
                }
                return tracked;
            }
            return value;
        };
        Class<?>[] interfaces = target instanceof Wrapped<?> ? new Class<?>[] {type, Wrapped.class} : new Class<?>[] {type};
        self[0] = Proxy.newProxyInstance(TrackedProxyFactory.class.getClassLoader(), interfaces, handler);
        return type.cast(self[0]);
    }

    private static Object original(Object result) {
        return result instanceof Wrapped<?> wrapped ? wrapped.unwrap() : result;
    }
}
