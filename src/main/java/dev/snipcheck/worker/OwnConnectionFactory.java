package dev.snipcheck.worker;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The connection factory a block gets when it builds one itself from a URL or options: the redirected driver's, noting
 * the backend of each connection it opens with the block and the line that asked for it, so one left open at the
 * page's end is charged there.
 */
final class OwnConnectionFactory implements ConnectionFactory, Wrapped<ConnectionFactory> {

    private final ConnectionFactory factory;

    OwnConnectionFactory(ConnectionFactory factory) {
        this.factory = factory;
    }

    @Override
    public Publisher<? extends Connection> create() {
        // the block's thread asks; the event loop connects, where the block's line is no longer on the stack
        String block = RedirectTarget.block();
        StackTraceElement[] stack = new Throwable().getStackTrace();
        return Mono.from(factory.create())
                .doOnNext(connection -> RedirectTarget.connected(connection, R2dbcBackends.pid(connection), block, stack));
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return factory.getMetadata();
    }

    @Override
    public ConnectionFactory unwrap() {
        return factory;
    }
}
