package dev.snipcheck.worker;

import dev.snipcheck.protocol.Ack;
import dev.snipcheck.protocol.BlockOutcome;
import dev.snipcheck.protocol.CheckDatabase;
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


import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The main class of the worker JVM: connects back to the parent and carries out its requests,
 * running snippets loaded from the snippet classes directory.
 */
public final class WorkerMain {

    /** What a block may print before the rest is dropped; a block printing in a loop must not fill the heap. */
    private static final int OUTPUT_LIMIT = 1 << 20;
    private static final long HANG_POLL_MILLIS = 20;

    private final ClassLoader snippets;
    /** Null when the worker runs without the runtime misuse detectors. */
    private final Detectors detectors;
    private final OpenDatabases databases;

    private WorkerMain(ClassLoader snippets, Detectors detectors) {
        this.snippets = snippets;
        this.detectors = detectors;
        this.databases = new OpenDatabases(snippets, detectors);
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
        if (!ConfigurationRedirect.install()) {
            System.out.println("snipcheck cannot redirect a PostgresqlConnectionConfiguration of a block's own: "
                    + "the JVM refused an agent");
        }
        WorkerMain worker = new WorkerMain(snippets, detectors);
        // the worker's own stdout: a block replaces System.out while it runs
        PrintStream stdout = System.out;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> tellWhereTheBlockExited(stdout), "snipcheck-exit"));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]))) {
            WorkerContract.Streams streams = WorkerContract.streams(socket);
            worker.serve(Requests.read(streams.in()), streams.out());
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
                return databases.open(request);
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
                return databases.check(request);
            }

            @Override
            public Reply close(CloseDatabase request) {
                return databases.close();
            }

            @Override
            public Reply describeHang(DescribeHang request) {
                // The block ended just as the parent gave up on it.
                return databases.describeHang();
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
        RedirectTarget.blockStarts(block.className());
        markBlockStart(stdout);
        System.setOut(captureOut);
        System.setErr(capture);
        try {
            thread.start();
            while (thread.isAlive()) {
                thread.join(HANG_POLL_MILLIS);
                // The parent asks what a block that ran out of time waits for, then kills this JVM.
                if (thread.isAlive() && requests.poll() instanceof DescribeHang) {
                    out.writeObject(databases.describeHang());
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
            RedirectTarget.blockEnds();
            System.setOut(stdout);
            System.setErr(err);
        }
        capture.flush();
        captureOut.flush();
        List<RuntimeFinding> findings = List.of();
        if (detectors != null) {
            databases.blockEnded(block.className());
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
        SqlRunner session = databases.sqlSession(sql.bindingsClass());
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
}
