package dev.snipcheck.worker;

import dev.snipcheck.protocol.OpenDatabase;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.client.SingleHostConfiguration;
import org.reactivestreams.Publisher;
import reactor.blockhound.shaded.net.bytebuddy.agent.ByteBuddyAgent;
import reactor.blockhound.shaded.net.bytebuddy.agent.builder.AgentBuilder;
import reactor.blockhound.shaded.net.bytebuddy.asm.Advice;
import reactor.blockhound.shaded.net.bytebuddy.matcher.ElementMatchers;
import reactor.core.publisher.Mono;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a {@code PostgresqlConnectionFactory} that a block builds from a {@code PostgresqlConnectionConfiguration} of
 * its own to the page's database. r2dbc-postgresql reads no service or provider on that path, so the worker gives the
 * factory's constructor advice that swaps the configuration's server, database and credentials for the page's before
 * the constructor reads them; everything else the block configured (codecs, options, timeouts) stays. The advice is
 * made with BlockHound's own copy of ByteBuddy, which the detectors have loaded already: a second copy took half a
 * second of every worker's start to load (docs/performance.md).
 */
public final class ConfigurationRedirect {

    private ConfigurationRedirect() {
    }

    /** Gives the factory's public constructor its advice; false, and nothing changed, when the JVM refuses an agent. */
    static boolean install() {
        try {
            new AgentBuilder.Default()
                    .disableClassFormatChanges()
                    .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                    .type(ElementMatchers.named("io.r2dbc.postgresql.PostgresqlConnectionFactory"))
                    .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(Enter.class)
                            .on(ElementMatchers.isConstructor()
                                    .and(ElementMatchers.takesArguments(PostgresqlConnectionConfiguration.class)))))
                    .installOn(ByteBuddyAgent.install());
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The advice, inlined at the start of the constructor: it may not touch the factory, which does not exist yet. */
    static final class Enter {
        @Advice.OnMethodEnter
        static void enter(@Advice.AllArguments Object[] arguments) {
            ConfigurationRedirect.redirect(arguments);
        }
    }

    /**
     * Sends the configuration among a constructor's arguments to the page's database, while a block runs: the
     * factories snipcheck makes itself between blocks, for the bindings, are left alone.
     */
    public static void redirect(Object[] arguments) {
        Optional<OpenDatabase> target = RedirectTarget.current();
        if (target.isEmpty() || !RedirectTarget.blockRunning()) {
            return;
        }
        for (Object argument : arguments) {
            if (argument instanceof PostgresqlConnectionConfiguration configuration) {
                redirect(configuration, target.get());
            }
        }
    }

    private static void redirect(PostgresqlConnectionConfiguration configuration, OpenDatabase page) {
        try {
            Object single = get(configuration, "singleHostConfiguration");
            if (!(single instanceof SingleHostConfiguration host) || host.isUseSocket()) {
                // several hosts, or a Unix socket: left as the block wrote it
                return;
            }
            String user = now(get(configuration, "username"));
            String database = (String) get(configuration, "database");
            String target = RedirectingConnectionFactoryProvider.url(user, get(configuration, "password") != null,
                    host.getHost(), host.getPort(), database);
            RedirectTarget.redirecting(page, target, host.getHost(), host.getPort(), database, user);
            set(host, "host", page.host());
            set(host, "port", page.port());
            set(configuration, "database", page.database());
            set(configuration, "username", Mono.just(page.user()));
            set(configuration, "password", Mono.just((CharSequence) page.password()));
            if (page.schema() != null) {
                @SuppressWarnings("unchecked")
                Map<String, String> options = new HashMap<>((Map<String, String>) get(configuration, "options"));
                options.put("search_path", page.schema());
                set(configuration, "options", options);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a driver of another layout: the block's own target stays, and fails as it would without snipcheck
        }
    }

    /** The value a Publisher of the configuration gives at once (the builder's {@code Mono.just}); null otherwise. */
    @SuppressWarnings("unchecked")
    private static String now(Object publisher) {
        return publisher instanceof Publisher<?> value
                ? Mono.from((Publisher<String>) value).toFuture().getNow(null) : null;
    }

    private static Object get(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    private static void set(Object owner, String name, Object value) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(owner, value);
    }
}
