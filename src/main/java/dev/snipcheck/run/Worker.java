package dev.snipcheck.run;

import dev.snipcheck.protocol.Ack;
import dev.snipcheck.protocol.BlockOutcome;
import dev.snipcheck.protocol.CheckDatabase;
import dev.snipcheck.protocol.Checked;
import dev.snipcheck.protocol.CloseDatabase;
import dev.snipcheck.protocol.DescribeHang;
import dev.snipcheck.protocol.Hang;
import dev.snipcheck.protocol.OpenDatabase;
import dev.snipcheck.protocol.Reply;
import dev.snipcheck.protocol.Request;
import dev.snipcheck.protocol.RunBlock;
import dev.snipcheck.protocol.RunSql;
import dev.snipcheck.protocol.RuntimeFinding;
import dev.snipcheck.protocol.SqlOutcome;
import dev.snipcheck.protocol.WorkerContract;
import dev.snipcheck.worker.WorkerMain;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A worker JVM that runs snippet classes, so that a block that exits, hangs or exhausts memory
 * costs only that block: after a {@link WorkerDiedException} or {@link WorkerTimeoutException}
 * this worker is gone and the caller starts a new one.
 */
public final class Worker implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** For opening and closing databases; the worker waits at most 5 s for a pool to close. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(5);
    /** How long a hung block's worker has to say what the block waits for. */
    private static final Duration HANG_TIMEOUT = Duration.ofSeconds(3);

    private final Process process;
    private final WorkerOutput tail;
    private final Socket socket;
    private final ObjectOutputStream out;
    private final ObjectInputStream in;
    /** The names of snipcheck's environment this worker was given. */
    private final Set<String> passedEnvironment;
    private boolean gone;

    private Worker(Process process, WorkerOutput tail, Socket socket, Set<String> passedEnvironment) throws IOException {
        this.process = process;
        this.passedEnvironment = passedEnvironment;
        this.tail = tail;
        this.socket = socket;
        WorkerContract.Streams streams = WorkerContract.streams(socket);
        out = streams.out();
        in = streams.in();
    }

    /**
     * Launches a worker JVM and waits until it has connected.
     *
     * @param classpath  the worker's class path; it must hold snipcheck and its dependencies,
     *                   as {@code System.getProperty("java.class.path")} does
     * @param classesDir where the snippet classes are compiled to
     * @param jvmOptions extra options of the worker JVM, e.g. {@code -Xmx256m}
     * @param passed     the names of snipcheck's environment variables the worker sees besides the allowed ones
     * @throws IOException when the JVM cannot be launched
     */
    static Worker start(String classpath, Path classesDir, List<String> jvmOptions, Set<String> passed)
            throws IOException, WorkerDiedException, WorkerTimeoutException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            // Without this the first OutOfMemoryError may leave the worker half-broken instead of ended.
            command.add("-XX:+ExitOnOutOfMemoryError");
            command.addAll(List.of("-cp", classpath, WorkerMain.class.getName(),
                    Integer.toString(server.getLocalPort()), classesDir.toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            Map<String, String> scrubbed = WorkerEnvironment.of(environment, passed);
            environment.clear();
            environment.putAll(scrubbed);
            Process process = builder.start();
            // A block reading System.in must see its end instead of waiting for input that never comes.
            process.getOutputStream().close();
            WorkerOutput tail = WorkerOutput.drain(process.getInputStream());
            try {
                return new Worker(process, tail, accept(server, process, tail), Set.copyOf(passed));
            } catch (IOException | WorkerDiedException | WorkerTimeoutException | RuntimeException e) {
                kill(process);
                throw e;
            }
        }
    }

    private static Socket accept(ServerSocket server, Process process, WorkerOutput tail)
            throws IOException, WorkerDiedException, WorkerTimeoutException {
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        // Short waits, so a worker that fails to start is reported at once rather than after the timeout.
        server.setSoTimeout(200);
        while (System.nanoTime() < deadline) {
            try {
                Socket socket = server.accept();
                socket.setSoTimeout((int) CONNECT_TIMEOUT.toMillis());
                return socket;
            } catch (SocketTimeoutException e) {
                if (!process.isAlive()) {
                    throw new WorkerDiedException(death(process, tail, "before it connected") + tail.text(),
                            tail.lines());
                }
            }
        }
        kill(process);
        throw new WorkerTimeoutException("the worker JVM did not connect within " + CONNECT_TIMEOUT.toSeconds()
                + " s" + tail.text(), tail.lines());
    }

    /**
     * Opens a pool and a data source on a database and stores them in the bindings class's fields.
     *
     * @throws IllegalStateException when the worker cannot load the class or set its fields
     */
    void openDatabase(OpenDatabase request) throws WorkerDiedException, WorkerTimeoutException {
        acknowledge(request, exchange(request, REQUEST_TIMEOUT, "while it opened database " + request.database()));
    }

    /**
     * Runs one block and returns what it printed and threw; when it runs past {@code timeout}, asks the worker what
     * the block waits for and calls {@code backends} (what the database is doing) before the worker is killed.
     *
     * @throws WorkerTimeoutException when the block did not return within {@code timeout}; the worker was killed
     * @throws WorkerDiedException    when the worker JVM ended while the block ran
     * @throws IllegalStateException  when the worker cannot find the class or method
     */
    BlockOutcome run(RunBlock block, Duration timeout, Supplier<String> backends)
            throws WorkerDiedException, WorkerTimeoutException {
        return runWithin(block, BlockOutcome.class, timeout, "while the block ran", true, backends);
    }

    /**
     * Runs a sql block's statements and returns their last result or their error; when they run past
     * {@code timeout}, calls {@code backends} (what the database is doing, the block's session among it) before the
     * worker is killed.
     *
     * @throws WorkerTimeoutException when they did not finish within {@code timeout}; the worker was killed
     * @throws WorkerDiedException    when the worker JVM ended meanwhile
     * @throws IllegalStateException  when the worker has no database open for the block
     */
    SqlOutcome runSql(RunSql sql, Duration timeout, Supplier<String> backends)
            throws WorkerDiedException, WorkerTimeoutException {
        // a sql block waits on the server, which the backends describe: its worker thread has nothing to add
        return runWithin(sql, SqlOutcome.class, timeout, "while the sql block ran", false, backends);
    }

    private <T extends Reply> T runWithin(Request request, Class<T> type, Duration timeout, String during,
                                          boolean askWhatItWaitsFor, Supplier<String> backends)
            throws WorkerDiedException, WorkerTimeoutException {
        Reply reply;
        try {
            reply = exchangeOrTimeout(request, timeout, during);
        } catch (SocketTimeoutException e) {
            throw killed(timeout, during, askWhatItWaitsFor ? describeHang() : null, backends);
        }
        return expect(request, reply, type);
    }

    /**
     * Kills the worker that ran past {@code timeout}, after reading what the database is doing, which the killing
     * would end; the exception holds the worker's last output.
     *
     * @param hang what the worker said the block waited for; null when it was not asked
     */
    private WorkerTimeoutException killed(Duration timeout, String during, Hang hang, Supplier<String> backends) {
        String activity = backends.get();
        close();
        tail.awaitEnd();
        return new WorkerTimeoutException("the worker JVM did not answer within " + timeout.toMillis() + " ms "
                + during + " and was killed", tail.lines(), hang, activity);
    }

    /**
     * Ends the scope of a database: what the detectors found since the last block, the connections
     * left acquired or inside a transaction on it among them; the worker gives those back.
     */
    Checked check(String bindingsClass) throws WorkerDiedException, WorkerTimeoutException {
        CheckDatabase check = new CheckDatabase(bindingsClass);
        return expect(check, exchange(check, REQUEST_TIMEOUT, "while it checked for leaks"), Checked.class);
    }

    /** Disposes of the pools the worker opened. */
    void closeDatabase() throws WorkerDiedException, WorkerTimeoutException {
        CloseDatabase close = new CloseDatabase();
        acknowledge(close, exchange(close, REQUEST_TIMEOUT, "while it closed the databases"));
    }

    /** The names of snipcheck's environment variables this worker sees besides the allowed ones. */
    Set<String> passedEnvironment() {
        return passedEnvironment;
    }

    /** Whether the worker JVM can still take requests. */
    boolean alive() {
        return !gone && process.isAlive();
    }

    /** Kills the worker JVM, without waiting for anything it runs. */
    @Override
    public void close() {
        gone = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // The process is killed next, which closes its end anyway.
        }
        kill(process);
    }

    private Reply exchange(Request request, Duration timeout, String during)
            throws WorkerDiedException, WorkerTimeoutException {
        try {
            return exchangeOrTimeout(request, timeout, during);
        } catch (SocketTimeoutException e) {
            close();
            tail.awaitEnd();
            throw new WorkerTimeoutException("the worker JVM did not answer within " + timeout.toMillis() + " ms "
                    + during + " and was killed", tail.lines());
        }
    }

    /** What the worker says a block that ran out of time waits for; null when it does not answer in time. */
    private Hang describeHang() {
        try {
            socket.setSoTimeout((int) HANG_TIMEOUT.toMillis());
            out.writeObject(new DescribeHang());
            out.flush();
            // The block may have finished just now: its outcome comes first, then the answer.
            for (int replies = 0; replies < 2; replies++) {
                if (in.readObject() instanceof Hang hang) {
                    return hang;
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            // A worker too stuck to answer is killed without a description.
        }
        return null;
    }

    private Reply exchangeOrTimeout(Request request, Duration timeout, String during)
            throws WorkerDiedException, SocketTimeoutException {
        if (!alive()) {
            throw new WorkerDiedException("the worker JVM is gone" + (process.isAlive() ? "" : ", exit status "
                    + process.exitValue()) + "; start a new one", "");
        }
        try {
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            out.writeObject(request);
            out.reset();
            out.flush();
            return (Reply) in.readObject();
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            gone = true;
            String message = death(process, tail, during);
            close();
            throw new WorkerDiedException(message, tail.lines(), tail.exitFrames());
        } catch (ClassNotFoundException e) {
            close();
            throw new IllegalStateException("the worker answered with an unknown class " + e.getMessage(), e);
        }
    }

    private static void acknowledge(Request request, Reply reply) {
        Ack ack = expect(request, reply, Ack.class);
        if (ack.error() != null) {
            throw new IllegalStateException(ack.error());
        }
    }

    /** The reply the request is answered with, else the worker's refusal or an internal error, as an exception. */
    private static <T extends Reply> T expect(Request request, Reply reply, Class<T> type) {
        if (type.isInstance(reply)) {
            return type.cast(reply);
        }
        if (reply instanceof Ack ack && ack.error() != null) {
            throw new IllegalStateException(ack.error());
        }
        throw new IllegalStateException("the worker answered " + request + " with " + reply + " where "
                + type.getSimpleName() + " was due");
    }

    /** Says how the worker ended, after waiting a little for it to end and for its last output. */
    private static String death(Process process, WorkerOutput tail, String during) {
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                return "the worker JVM closed its connection " + during + tail.text();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            return "interrupted while waiting for the worker JVM to exit " + during;
        }
        tail.awaitEnd();
        String outOfMemory = tail.outOfMemory();
        if (outOfMemory != null) {
            return "the worker JVM ran out of memory (" + outOfMemory + ") " + during;
        }
        return "the worker JVM exited with status " + process.exitValue() + " " + during;
    }

    private static void kill(Process process) {
        // A snippet may have started processes of its own.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
