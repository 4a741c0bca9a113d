package dev.snipcheck.run;

import dev.snipcheck.TestPostgres;
import dev.snipcheck.postgres.Database;
import dev.snipcheck.postgres.ExternalServer;
import dev.snipcheck.protocol.BlockOutcome;
import dev.snipcheck.protocol.OpenDatabase;
import dev.snipcheck.protocol.RunBlock;
import dev.snipcheck.protocol.RuntimeFinding;
import dev.snipcheck.protocol.Thrown;
import dev.snipcheck.protocol.WorkerContract;
import dev.snipcheck.rules.Rule;
import dev.snipcheck.worker.Detectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerTest {

    private static final String CLASSPATH = System.getProperty("java.class.path");
    /** These blocks run on no database, so a hung one has no backends to describe. */
    private static final Supplier<String> NO_BACKENDS = () -> "";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The snippet sources; tests pin line numbers, so keep each line where it is. */
    private static final Map<String, String> SOURCES = Map.of(
            "snip/Prints.java", """
                    package snip;
                    class Prints {
                        static void run() {
                            System.out.println("to out");
                            System.err.println("to err");
                            System.out.print("é");
                        }
                    }
                    """,
            "snip/Fails.java", """
                    package snip;
                    class Fails {
                        static void unchecked() {
                            throw new IllegalArgumentException("bad value 42");
                        }
                        static void checked() throws Exception {
                            try {
                                Integer.parseInt("x");
                            } catch (NumberFormatException e) {
                                throw new Failure("parsing failed", e);
                            }
                        }
                        static class Failure extends java.io.IOException {
                            Failure(String message, Throwable cause) {
                                super(message, cause);
                            }
                        }
                    }
                    """,
            "snip/Blocks.java", """
                    package snip;
                    import reactor.core.publisher.Mono;
                    import reactor.core.scheduler.Schedulers;
                    class Blocks {
                        static void onParallel() {
                            Mono.fromCallable(() -> nap()).subscribeOn(Schedulers.parallel()).block();
                        }
                        static int nap() throws InterruptedException {
                            Thread.sleep(1);
                            return 1;
                        }
                        static void byMethodReference() {
                            Mono.just(1L).publishOn(Schedulers.parallel()).doOnNext(java.util.concurrent.locks.LockSupport::parkNanos).block();
                        }
                        static void insideALibrary() {
                            Mono.fromCallable(new dev.snipcheck.run.LibraryThatBlocks()).subscribeOn(Schedulers.parallel()).block();
                        }
                    }
                    """,
            "snip/Main.java", """
                    package snip;
                    public class Main {
                        public static void main(String[] args) {
                            System.out.println("main with " + args.length + " arguments");
                        }
                    }
                    """,
            "snip/Misbehaves.java", """
                    package snip;
                    class Misbehaves {
                        static void exit() {
                            System.exit(3);
                        }
                        static void loop() {
                            while (true) {
                                Thread.onSpinWait();
                            }
                        }
                        static void allocate() {
                            java.util.List<long[]> kept = new java.util.ArrayList<>();
                            while (true) {
                                kept.add(new long[1_000_000]);
                            }
                        }
                    }
                    """,
            "snip/Page.java", """
                    package snip;
                    import io.r2dbc.pool.ConnectionPool;
                    import io.r2dbc.spi.ConnectionFactory;
                    import javax.sql.DataSource;
                    import reactor.core.publisher.Mono;
                    class Page {
                        public static ConnectionPool pool;
                        public static ConnectionFactory connectionFactory;
                        public static DataSource dataSource;
                        public static String jdbcUrl;
                        public static String r2dbcUrl;
                        static void query() throws Exception {
                            Object one = Mono.usingWhen(pool.create(),
                                    c -> Mono.from(c.createStatement("select 1").execute())
                                            .flatMap(r -> Mono.from(r.map((row, m) -> row.get(0)))),
                                    c -> c.close()).block();
                            System.out.println("r2dbc " + one);
                            try (var c = dataSource.getConnection(); var s = c.createStatement();
                                 var rs = s.executeQuery("select 2")) {
                                rs.next();
                                System.out.println("jdbc " + rs.getInt(1));
                            }
                            System.out.println("acquired " + pool.getMetrics().orElseThrow().acquiredSize());
                            System.out.println("same pool " + (connectionFactory == pool));
                            System.out.println(jdbcUrl + " " + r2dbcUrl);
                        }
                    }
                    """);

    @TempDir
    static Path dir;
    static Path classes;

    private final List<Worker> workers = new ArrayList<>();

    @BeforeAll
    static void compile() throws IOException {
        Path sources = dir.resolve("src");
        classes = Files.createDirectories(dir.resolve("classes"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
            Path file = sources.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            files.add(Files.writeString(file, source.getValue()));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean compiled = compiler.getTask(null, fileManager, diagnostics,
                    List.of("-d", classes.toString(), "-cp", CLASSPATH), null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            assertTrue(compiled, diagnostics.getDiagnostics().toString());
        }
    }

    @AfterEach
    void closeWorkers() {
        workers.forEach(Worker::close);
    }

    private Worker start(List<String> jvmOptions) throws Exception {
        long started = System.nanoTime();
        List<String> options = new ArrayList<>(Workers.DETECTOR_OPTIONS);
        options.addAll(jvmOptions);
        Worker worker = Worker.start(CLASSPATH, classes, options, Set.of());
        workers.add(worker);
        System.out.println("worker started in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return worker;
    }

    @Test
    void capturesWhatTheBlockPrints() throws Exception {
        Worker worker = start(List.of());

        BlockOutcome outcome = worker.run(RunBlock.method("snip.Prints", "run"), TIMEOUT, NO_BACKENDS);

        assertEquals("to out\nto err\né", outcome.output());
        assertNull(outcome.thrown());
        assertEquals("", worker.run(RunBlock.main("snip.Main"), TIMEOUT, NO_BACKENDS).output().replace("main with 0 arguments\n", ""),
                "output of one block must not leak into the next");
    }

    @Test
    void reportsABlockingCallOnANonBlockingThreadAtItsInnermostFrame() throws Exception {
        Worker worker = start(List.of());

        BlockOutcome outcome = worker.run(RunBlock.method("snip.Blocks", "onParallel"), TIMEOUT, NO_BACKENDS);

        assertEquals(1, outcome.findings().size(), outcome.findings().toString());
        RuntimeFinding finding = outcome.findings().get(0);
        assertEquals(Rule.BLOCKING_IN_EVENT_LOOP, finding.rule());
        assertEquals("snip.Blocks", finding.blockClass());
        assertTrue(finding.message().startsWith("blocking call java.lang.Thread.sleep on non-blocking thread parallel-"),
                finding.message());
        Thrown.Frame innermost = finding.frames().stream().filter(f -> f.className().equals("snip.Blocks"))
                .findFirst().orElseThrow();
        assertEquals(9, innermost.lineNumber());
        assertTrue(outcome.thrown().stackTrace().contains("BlockingOperationError"), outcome.thrown().stackTrace());
    }

    @Test
    void reportsABlockingCallThatAMethodReferenceOfTheSnippetMakes() throws Exception {
        Worker worker = start(List.of());

        BlockOutcome outcome = worker.run(RunBlock.method("snip.Blocks", "byMethodReference"), TIMEOUT, NO_BACKENDS);

        assertEquals(List.of(Rule.BLOCKING_IN_EVENT_LOOP), outcome.findings().stream().map(RuntimeFinding::rule).toList(),
                outcome.findings().toString());
        assertTrue(outcome.thrown().stackTrace().contains("BlockingOperationError"), outcome.thrown().stackTrace());
    }

    @Test
    void letsALibraryBlockInsideItselfWithNoSnippetCodeOnTheStack() throws Exception {
        // as the driver does when a SCRAM login seeds SecureRandom on the event loop: not the snippet's misuse
        Worker worker = start(List.of());

        BlockOutcome outcome = worker.run(RunBlock.method("snip.Blocks", "insideALibrary"), TIMEOUT, NO_BACKENDS);

        assertEquals(List.of(), outcome.findings());
        assertNull(outcome.thrown());
    }

    @Test
    void refusesToRunWhenTheBlockHoundCanaryIsNotStopped() throws Exception {
        // Without this option JDK 17 cannot let BlockHound instrument its classes.
        List<String> withoutRedefinition = List.of("-Djdk.attach.allowAttachSelf=true");

        WorkerDiedException died = assertThrows(WorkerDiedException.class,
                () -> Worker.start(CLASSPATH, classes, withoutRedefinition, Set.of()));

        assertTrue(died.getMessage().startsWith("the worker JVM exited with status 3 before it connected"),
                died.getMessage());
        assertTrue(died.getMessage().contains("snipcheck cannot detect misuses at run time: installing BlockHound failed"),
                died.getMessage());
    }

    @Test
    void theCanaryFailsWhereBlockHoundIsNotInstalled() {
        // This test JVM never installs BlockHound: the canary must notice, not pass.
        assertEquals("BlockHound is not active: the canary (Thread.sleep on a parallel thread) was not stopped",
                new Detectors(getClass().getClassLoader()).canary());
    }

    @Test
    void runsWithoutDetectorsWhenAskedTo() throws Exception {
        Worker worker = start(List.of("-D" + WorkerContract.DETECTORS_PROPERTY + "=off"));

        BlockOutcome outcome = worker.run(RunBlock.method("snip.Blocks", "onParallel"), TIMEOUT, NO_BACKENDS);

        assertNull(outcome.thrown());
        assertEquals(List.of(), outcome.findings());
    }

    @Test
    void runsMain() throws Exception {
        Worker worker = start(List.of());

        assertEquals("main with 0 arguments\n", worker.run(RunBlock.main("snip.Main"), TIMEOUT, NO_BACKENDS).output());
    }

    @Test
    void describesAnUncheckedException() throws Exception {
        Worker worker = start(List.of());

        Thrown thrown = worker.run(RunBlock.method("snip.Fails", "unchecked"), TIMEOUT, NO_BACKENDS).thrown();

        assertEquals(List.of("java.lang.IllegalArgumentException", "java.lang.RuntimeException",
                "java.lang.Exception", "java.lang.Throwable"), thrown.types());
        assertEquals("bad value 42", thrown.message());
        assertEquals(List.of(new Thrown.Frame("snip.Fails", "unchecked", "Fails.java", 4)), thrown.frames(),
                "only the snippet's frames, none of the worker's");
        assertEquals("java.lang.IllegalArgumentException: bad value 42\n\tat snip.Fails.unchecked(Fails.java:4)\n",
                thrown.stackTrace());
        assertNull(thrown.cause());
    }

    @Test
    void describesACheckedExceptionAndItsCause() throws Exception {
        Worker worker = start(List.of());

        Thrown thrown = worker.run(RunBlock.method("snip.Fails", "checked"), TIMEOUT, NO_BACKENDS).thrown();

        assertEquals(List.of("snip.Fails$Failure", "java.io.IOException", "java.lang.Exception", "java.lang.Throwable"),
                thrown.types());
        assertTrue(thrown.isA("java.io.IOException"));
        assertEquals("parsing failed", thrown.message());
        assertEquals(List.of(new Thrown.Frame("snip.Fails", "checked", "Fails.java", 10)), thrown.frames());
        Thrown cause = thrown.cause();
        assertEquals("java.lang.NumberFormatException", cause.className());
        assertEquals("For input string: \"x\"", cause.message());
        assertEquals(new Thrown.Frame("snip.Fails", "checked", "Fails.java", 8), cause.frames().get(cause.frames().size() - 1));
        assertTrue(thrown.stackTrace().contains("Caused by: java.lang.NumberFormatException"), thrown.stackTrace());
        assertFalse(thrown.stackTrace().contains("WorkerMain"), thrown.stackTrace());
    }

    @Test
    void refusesAMissingMethodAndGoesOn() throws Exception {
        Worker worker = start(List.of());

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> worker.run(RunBlock.method("snip.Prints", "absent"), TIMEOUT, NO_BACKENDS));

        assertTrue(refused.getMessage().contains("absent() of snip.Prints"), refused.getMessage());
        assertTrue(worker.alive());
        assertEquals("main with 0 arguments\n", worker.run(RunBlock.main("snip.Main"), TIMEOUT, NO_BACKENDS).output());
    }

    @Test
    void reportsTheExitStatusOfABlockThatExitsAndANewWorkerGoesOn() throws Exception {
        Worker worker = start(List.of());

        WorkerDiedException died = assertThrows(WorkerDiedException.class,
                () -> worker.run(RunBlock.method("snip.Misbehaves", "exit"), TIMEOUT, NO_BACKENDS));

        assertTrue(died.getMessage().startsWith("the worker JVM exited with status 3 while the block ran"),
                died.getMessage());
        assertFalse(worker.alive());
        assertThrows(WorkerDiedException.class, () -> worker.run(RunBlock.main("snip.Main"), TIMEOUT, NO_BACKENDS));
        assertEquals("main with 0 arguments\n", start(List.of()).run(RunBlock.main("snip.Main"), TIMEOUT, NO_BACKENDS).output());
    }

    @Test
    void killsABlockThatNeverReturns() throws Exception {
        Set<Long> before = children();
        Worker worker = start(List.of());
        Set<Long> started = children();
        started.removeAll(before);
        assertEquals(1, started.size(), "worker processes " + started);

        long start = System.nanoTime();
        WorkerTimeoutException timedOut = assertThrows(WorkerTimeoutException.class,
                () -> worker.run(RunBlock.method("snip.Misbehaves", "loop"), Duration.ofSeconds(1), NO_BACKENDS));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals("the worker JVM did not answer within 1000 ms while the block ran and was killed",
                timedOut.getMessage());
        assertTrue(millis < 2000, "took " + millis + " ms");
        assertFalse(worker.alive());
        assertFalse(ProcessHandle.of(started.iterator().next()).map(ProcessHandle::isAlive).orElse(false));
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    @Test
    void reportsABlockThatRunsOutOfMemory() throws Exception {
        Worker worker = start(List.of("-Xmx64m"));

        WorkerDiedException died = assertThrows(WorkerDiedException.class,
                () -> worker.run(RunBlock.method("snip.Misbehaves", "allocate"), TIMEOUT, NO_BACKENDS));

        assertEquals("the worker JVM ran out of memory (java.lang.OutOfMemoryError: Java heap space) while the block ran",
                died.getMessage());
    }

    @Test
    void refusesABindingsClassWithoutTheFields() throws Exception {
        Worker worker = start(List.of());

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> worker.openDatabase(
                new OpenDatabase("snip.Prints", "localhost", 5432, "db", "user", "secret", "jdbc:x", "r2dbc:x")));

        assertTrue(refused.getMessage().startsWith("cannot open database db for snip.Prints: java.lang.NoSuchFieldException: pool"),
                refused.getMessage());
        assertTrue(worker.alive());
    }

    @Test
    void bindsAPoolAndADataSourceOnARealDatabase() throws Exception {
        try (ExternalServer server = ExternalServer.connect(TestPostgres.url(), System.err::println)) {
            Database database = server.createDatabase();
            String jdbcUrl = database.jdbcUrl();
            String r2dbcUrl = database.r2dbcUrl();
            Worker worker = start(List.of());

            long start = System.nanoTime();
            worker.openDatabase(new OpenDatabase("snip.Page", database.host(), database.port(), database.name(),
                    database.user(), database.password(), jdbcUrl, r2dbcUrl));
            System.out.println("database opened in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            start = System.nanoTime();
            BlockOutcome outcome = worker.run(RunBlock.method("snip.Page", "query"), TIMEOUT, NO_BACKENDS);
            System.out.println("first query block ran in " + (System.nanoTime() - start) / 1_000_000 + " ms");

            assertNull(outcome.thrown(), () -> outcome.thrown().stackTrace());
            assertEquals("r2dbc 1\njdbc 2\nacquired 0\nsame pool true\n" + jdbcUrl + " " + r2dbcUrl + "\n",
                    outcome.output());
            worker.closeDatabase();
            assertTrue(worker.alive());
        }
    }
}
