package dev.snipcheck.worker;

import dev.snipcheck.protocol.Ack;
import dev.snipcheck.protocol.BlockOutcome;
import dev.snipcheck.protocol.CheckDatabase;
import dev.snipcheck.protocol.Checked;
import dev.snipcheck.protocol.CloseDatabase;
import dev.snipcheck.protocol.DescribeHang;
import dev.snipcheck.protocol.OpenDatabase;
import dev.snipcheck.protocol.Reply;
import dev.snipcheck.protocol.Request;
import dev.snipcheck.protocol.RunBlock;
import dev.snipcheck.protocol.RunSql;
import dev.snipcheck.protocol.RuntimeFinding;
import dev.snipcheck.protocol.ThreadStack;
import dev.snipcheck.protocol.Thrown;
import dev.snipcheck.protocol.WorkerContract;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The main class of the worker JVM: connects back to the parent and carries out its requests,
 * running snippets loaded from the snippet classes directory.
 */
public final class WorkerMain {

    /** What a block may print before the rest is dropped; a block printing in a loop must not fill the heap. */
    private static final int OUTPUT_LIMIT = 1 << 20;
    private static final Duration DISPOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final long HANG_POLL_MILLIS = 20;

    private final ClassLoader snippets;
    /** Null when the worker runs without the runtime misuse detectors. */
    private final Detectors detectors;
    private final Map<String, ConnectionPool> pools = new LinkedHashMap<>();
    private final Map<String, TrackedDataSource> dataSources = new LinkedHashMap<>();
    /** The sql session of each database, apart from its pool. */
    private final Map<String, SqlRunner> sqlSessions = new LinkedHashMap<>();

    private WorkerMain(ClassLoader snippets, Detectors detectors) {
        this.snippets = snippets;
        this.detectors = detectors;
    }

    /** Arguments: the parent's loopback port, the snippet classes directory. */
    public static void main(String[] args) throws IOException, InterruptedException {
        URL classes = Path.of(args[1]).toUri().toURL();
        ClassLoader snippets = new URLClassLoader(new URL[] {classes}, WorkerMain.class.getClassLoader());
        Detectors detectors = "off".equals(System.getProperty(WorkerContract.DETECTORS_PROPERTY)) ? null : new Detectors(snippets);
        if (detectors != null) {
            String problem = installDetectors(detectors);
            if (problem != null) {
                // Running without them would pass misuses silently: refuse, and say why.
                System.out.println("snipcheck cannot detect misuses at run time: " + problem);
                System.out.flush();
                System.exit(WorkerContract.NO_DETECTORS);
            }
        }
        RedirectingDriver.install();
        WorkerMain worker = new WorkerMain(snippets, detectors);
        // the worker's own stdout: a block replaces System.out while it runs
        PrintStream stdout = System.out;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> tellWhereTheBlockExited(stdout), "snipcheck-exit"));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]))) {
            socket.setTcpNoDelay(true);
            ObjectOutputStream out = new ObjectOutputStream(socket.getOutputStream());
            out.flush();
            ObjectInputStream in = new ObjectInputStream(socket.getInputStream());
            in.setObjectInputFilter(WorkerContract.filter());
            worker.serve(Requests.read(in), out);
        }
        // Threads a snippet left running must not keep the worker alive once the parent is gone.
        System.exit(0);
    }

    /**
     * Prints where the block's thread is, if one runs as the JVM shuts down: then it called {@code System.exit}, and
     * waits in it for this hook, so its stack shows the line of the call.
     */
    private static void tellWhereTheBlockExited(PrintStream stdout) {
        Thread.getAllStackTraces().forEach((thread, frames) -> {
            if (thread.getName().equals(ThreadStack.BLOCK_THREAD)) {
                StringBuilder lines = new StringBuilder("\n");
                for (StackTraceElement frame : frames) {
                    lines.append(WorkerContract.EXIT_FRAME).append(frame.getClassName()).append('\t')
                            .append(frame.getMethodName()).append('\t').append(frame.getFileName()).append('\t')
                            .append(frame.getLineNumber()).append('\n');
                }
                stdout.print(lines);
                stdout.flush();
            }
        });
    }

    private static String installDetectors(Detectors detectors) {
        try {
            detectors.install();
        } catch (RuntimeException | LinkageError e) {
            return "installing BlockHound failed: " + e;
        }
        return detectors.canary();
    }

    private void serve(Requests requests, ObjectOutputStream out) throws IOException, InterruptedException {
        Request.Handler handler = new Request.Handler() {
            @Override
            public Reply open(OpenDatabase request) {
                return WorkerMain.this.open(request);
            }

            @Override
            public Reply run(RunBlock request) {
                return WorkerMain.this.run(request, requests, out);
            }

            @Override
            public Reply runSql(RunSql request) {
                return WorkerMain.this.runSql(request);
            }

            @Override
            public Reply check(CheckDatabase request) {
                return WorkerMain.this.check(request);
            }

            @Override
            public Reply close(CloseDatabase request) {
                return WorkerMain.this.close();
            }

            @Override
            public Reply describeHang(DescribeHang request) {
                // The block ended just as the parent gave up on it.
                return Hangs.describe(pools.values(), dataSources.values());
            }
        };
        while (true) {
            Request request = requests.take();
            if (request == null) {
                return;
            }
            Reply reply = request.answeredBy(handler);
            out.writeObject(reply);
            // Forget what was written so the stream keeps no reference to earlier outcomes.
            out.reset();
            out.flush();
        }
    }

    private Reply run(RunBlock block, Requests requests, ObjectOutputStream out) {
        Method method;
        try {
            Class<?> type = Class.forName(block.className(), false, snippets);
            method = block.main()
                    ? type.getDeclaredMethod("main", String[].class)
                    : type.getDeclaredMethod(block.method());
            if (!Modifier.isStatic(method.getModifiers()) || method.getReturnType() != void.class) {
                return new Ack("method " + method + " is not static void");
            }
            // Snippet classes need not be public.
            method.setAccessible(true);
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return new Ack("cannot find " + (block.main() ? "main(String[])" : block.method() + "()")
                    + " of " + block.className() + ": " + e);
        }
        Object[] arguments = block.main() ? new Object[] {new String[0]} : new Object[0];
        ByteArrayOutputStream captured = new BoundedOutput(OUTPUT_LIMIT);
        PrintStream stdout = System.out;
        // Also to the worker's own stdout, which the parent drains: if the block kills or hangs the JVM,
        // what it printed until then is still shown.
        PrintStream capture = new PrintStream(new TeeOutput(captured, stdout), true, StandardCharsets.UTF_8);
        // stdout alone as well: an output block is compared with it, not with what went to stderr
        ByteArrayOutputStream printed = new BoundedOutput(OUTPUT_LIMIT);
        PrintStream captureOut = new PrintStream(new TeeOutput(printed, new TeeOutput(captured, stdout)), true,
                StandardCharsets.UTF_8);
        PrintStream err = System.err;
        Throwable[] thrown = new Throwable[1];
        long[] millis = new long[1];
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            try {
                method.invoke(null, arguments);
            } catch (InvocationTargetException e) {
                thrown[0] = e.getCause();
            } catch (ReflectiveOperationException | RuntimeException | Error e) {
                thrown[0] = e;
            }
            millis[0] = (System.nanoTime() - start) / 1_000_000;
        }, ThreadStack.BLOCK_THREAD);
        thread.setContextClassLoader(snippets);
        if (detectors != null) {
            detectors.begin(block.className());
        }
        RedirectTarget.drain();
        markBlockStart(stdout);
        System.setOut(captureOut);
        System.setErr(capture);
        try {
            thread.start();
            while (thread.isAlive()) {
                thread.join(HANG_POLL_MILLIS);
                // The parent asks what a block that ran out of time waits for, then kills this JVM.
                if (thread.isAlive() && requests.poll() instanceof DescribeHang) {
                    out.writeObject(Hangs.describe(pools.values(), dataSources.values()));
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while block " + block.className() + " ran", e);
        } catch (IOException e) {
            // The parent is gone: nothing is left to answer.
            throw new UncheckedIOException(e);
        } finally {
            System.setOut(stdout);
            System.setErr(err);
        }
        capture.flush();
        captureOut.flush();
        List<RuntimeFinding> findings = List.of();
        if (detectors != null) {
            pools.values().forEach(pool -> ((TrackedPool) pool).blockEnded(block.className()));
            findings = detectors.drain(thrown[0]);
        }
        return new BlockOutcome(captured.toString(StandardCharsets.UTF_8),
                thrown[0] == null ? null : Thrown.of(withoutWorkerFrames(thrown[0])), millis[0], findings,
                printed.toString(StandardCharsets.UTF_8), RedirectTarget.drain());
    }

    /** Tells the parent that what the worker prints from now on belongs to the next block. */
    private static void markBlockStart(PrintStream stdout) {
        // on a line of its own, even after output that did not end its line, which the parent may cut short
        stdout.print("\n" + WorkerContract.BLOCK_START + "\n");
        stdout.flush();
    }

    private Reply runSql(RunSql sql) {
        SqlRunner session = sqlSessions.get(sql.bindingsClass());
        if (session == null) {
            return new Ack("no database is open for " + sql.bindingsClass());
        }
        markBlockStart(System.out);
        return sql.prepareOnly() ? session.prepare(sql.statements()) : session.run(sql.statements(), sql.describe());
    }

    /**
     * Cuts the frames below the snippet's method (reflection, this class, Thread.run) from the
     * throwable and its causes, so stack traces show only what the block called.
     */
    private static Throwable withoutWorkerFrames(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            StackTraceElement[] frames = t.getStackTrace();
            int end = frames.length;
            while (end > 0 && !isInvoke(frames[end - 1])) {
                end--;
            }
            while (end > 0 && (isInvoke(frames[end - 1]) || frames[end - 1].getClassName().startsWith("jdk.internal.reflect."))) {
                end--;
            }
            // Throwables made on other threads never passed through Method.invoke: keep them whole.
            if (end > 0) {
                t.setStackTrace(Arrays.copyOf(frames, end));
            }
        }
        return thrown;
    }

    private static boolean isInvoke(StackTraceElement frame) {
        return frame.getClassName().equals("java.lang.reflect.Method") && frame.getMethodName().equals("invoke");
    }

    private Ack open(OpenDatabase open) {
        ConnectionPool pool = null;
        PostgresqlConnectionFactory factory;
        try {
            Class<?> bindings = Class.forName(open.bindingsClass(), true, snippets);
            factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                    .host(open.host())
                    .port(open.port())
                    .database(open.database())
                    .username(open.user())
                    .password(open.password())
                    .codecRegistrar(ServerText.REGISTRAR)
                    .schema(open.schema())
                    .applicationName(WorkerContract.BINDINGS_APPLICATION)
                    .build());
            pool = pool(ConnectionPoolConfiguration.builder(factory)
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
        SqlRunner previousSession = sqlSessions.put(open.bindingsClass(), new SqlRunner(factory));
        if (previousSession != null) {
            previousSession.close();
        }
        return Ack.OK;
    }

    private ConnectionPool pool(ConnectionPoolConfiguration configuration) {
        return detectors == null ? new ConnectionPool(configuration) : new TrackedPool(configuration, detectors);
    }

    private Checked check(CheckDatabase check) {
        if (detectors == null) {
            return new Checked(List.of());
        }
        List<RuntimeFinding> found = new java.util.ArrayList<>(detectors.drain(null));
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
        return new Checked(List.copyOf(found));
    }

    private static void set(Class<?> bindings, String name, Object value) throws ReflectiveOperationException {
        Field field = bindings.getDeclaredField(name);
        if (!Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
            throw new NoSuchFieldException("field " + field + " is not static and non-final");
        }
        field.setAccessible(true);
        field.set(null, value);
    }

    private Ack close() {
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
        return errors.length() == 0 ? Ack.OK : new Ack(errors.toString());
    }
}
