package dev.snipcheck.worker;

import dev.snipcheck.protocol.OpenDatabase;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.ConnectionFactoryProvider;
import io.r2dbc.spi.Option;

import java.util.Optional;

import static io.r2dbc.spi.ConnectionFactoryOptions.DATABASE;
import static io.r2dbc.spi.ConnectionFactoryOptions.DRIVER;
import static io.r2dbc.spi.ConnectionFactoryOptions.HOST;
import static io.r2dbc.spi.ConnectionFactoryOptions.PASSWORD;
import static io.r2dbc.spi.ConnectionFactoryOptions.PORT;
import static io.r2dbc.spi.ConnectionFactoryOptions.USER;

/**
 * The R2DBC counterpart of {@link RedirectingDriver}: {@code ConnectionFactories.get(url)} and
 * {@code ConnectionFactories.get(options)} for the {@code postgresql} driver, in a worker that runs a page, reach the
 * page's database with its credentials; the other options are kept. snipcheck's service file lists it, and its jar
 * comes before r2dbc-postgresql's on the worker's class path, so the SPI finds it first. Elsewhere (the parent, a
 * user's test JVM) there is no running page and it supports nothing.
 */
public final class RedirectingConnectionFactoryProvider implements ConnectionFactoryProvider {

    private static final String POSTGRESQL = "postgresql";
    private static final Option<String> SCHEMA = Option.valueOf("schema");
    private static final int DEFAULT_PORT = 5432;

    private final PostgresqlConnectionFactoryProvider postgresql = new PostgresqlConnectionFactoryProvider();

    @Override
    public boolean supports(ConnectionFactoryOptions options) {
        return POSTGRESQL.equals(options.getValue(DRIVER)) && RedirectTarget.current().isPresent();
    }

    @Override
    public ConnectionFactory create(ConnectionFactoryOptions options) {
        Optional<OpenDatabase> target = RedirectTarget.current();
        if (target.isEmpty()) {
            return postgresql.create(options);
        }
        OpenDatabase page = target.get();
        Object port = options.getValue(PORT);
        RedirectTarget.redirecting(page, url(options), (String) options.getValue(HOST), port == null ? DEFAULT_PORT : port,
                (String) options.getValue(DATABASE), (String) options.getValue(USER));
        ConnectionFactoryOptions.Builder redirected = options.mutate()
                .option(HOST, page.host())
                .option(PORT, page.port())
                .option(DATABASE, page.database())
                .option(USER, page.user())
                .option(PASSWORD, page.password());
        if (page.schema() != null) {
            redirected.option(SCHEMA, page.schema());
        }
        return new OwnConnectionFactory(postgresql.create(redirected.build()));
    }

    /** What the options name, as the URL that would name it; the password, as the block wrote it, is masked. */
    private static String url(ConnectionFactoryOptions options) {
        return url(options.getValue(USER), options.getValue(PASSWORD) != null, options.getValue(HOST),
                options.getValue(PORT), options.getValue(DATABASE));
    }

    /** The R2DBC URL of a target, as a listing of the redirections shows it: its password, if any, masked. */
    static String url(Object user, boolean password, Object host, Object port, Object database) {
        return "r2dbc:postgresql://" + (user == null ? "" : user + (password ? ":***" : "") + "@")
                + host + (port == null ? "" : ":" + port) + (database == null ? "" : "/" + database);
    }

    @Override
    public String getDriver() {
        return POSTGRESQL;
    }
}
