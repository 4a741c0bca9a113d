package dev.snipcheck.run;

import dev.snipcheck.protocol.WorkerContract;
import dev.snipcheck.timing.Timings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The run's worker JVMs, started when first needed and replaced after a block killed or hung one:
 * one for page sessions and one for isolated blocks, so an isolated block that ends its JVM costs
 * only itself, not the state of the session around it. A page that passes environment variables
 * of its own ({@code env:}) gets workers that see them, and the next page without them gets workers
 * that do not: a variable is in a JVM's environment from its start.
 */
final class Workers implements AutoCloseable {

    /**
     * Worker JVMs start often enough that startup speed matters more than peak speed. The heap is capped, not left
     * to the JVM's default of a quarter of the machine's memory: a worker holds one page's session, which needs tens
     * of MiB, and 512 MiB keeps each worker under 1 GiB resident however many run at once; a block that allocates
     * more fails with the worker's out-of-memory message (docs/performance.md).
     */
    static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /**
     * BlockHound retransforms JDK classes, which JDK 13+ allows only with the first option; the second
     * lets it attach its agent to its own JVM instead of starting a helper JVM to do so. The JVM warns
     * about both (a deprecated option, class sharing off for the agent's classes): the option before
     * them keeps those warnings out of the output shown with a failed block.
     */
    static final List<String> DETECTOR_OPTIONS = List.of("-XX:-PrintWarnings",
            "-XX:+AllowRedefinitionToAddDeleteMethods", "-Djdk.attach.allowAttachSelf=true");

    private final String classpath;
    private final Path classes;
    /** What every worker of the run sees of snipcheck's environment besides the allowed names. */
    private final Set<String> passedEnvironment;
    private final List<String> jvmOptions = new java.util.ArrayList<>(JVM_OPTIONS);
    private final Worker[] current = new Worker[2];
    /** The session worker being started in the background, if {@link #prestart} was called. */
    private CompletableFuture<Worker> starting;

    /**
     * @param detectors          whether blocks run under the runtime misuse detectors
     * @param passedEnvironment  the names of snipcheck's environment variables every worker sees
     */
    Workers(String classpath, Path classes, boolean detectors, Set<String> passedEnvironment) {
        this.classpath = classpath;
        this.classes = classes;
        this.passedEnvironment = Set.copyOf(passedEnvironment);
        if (detectors) {
            jvmOptions.addAll(DETECTOR_OPTIONS);
        } else {
            jvmOptions.add("-D" + WorkerContract.DETECTORS_PROPERTY + "=off");
        }
    }

    /**
     * Starts the session worker in the background, so that its JVM (and BlockHound's canary) starts while the pages
     * compile. A start that fails here is tried again, and reported, by {@link #get}.
     */
    void prestart() {
        if (current[0] == null && starting == null) {
            starting = CompletableFuture.supplyAsync(() -> {
                try {
                    return start(passedEnvironment);
                } catch (IOException | WorkerDiedException | WorkerTimeoutException e) {
                    throw new CompletionException(e);
                }
            }, Workers::startThread);
        }
    }

    /** A thread of its own per start: the common pool may have a single thread, and a start mostly waits. */
    private static void startThread(Runnable start) {
        Thread thread = new Thread(start, "snipcheck-worker-start");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A live worker for session or isolated blocks that sees exactly the run's and the page's passed environment
     * variables, new if the last one died or saw others.
     */
    Worker get(boolean isolated, Set<String> pageEnvironment)
            throws IOException, WorkerDiedException, WorkerTimeoutException {
        Set<String> passed = new TreeSet<>(passedEnvironment);
        passed.addAll(pageEnvironment);
        int slot = isolated ? 1 : 0;
        if (slot == 0 && starting != null) {
            CompletableFuture<Worker> pending = starting;
            starting = null;
            try (var timed = Timings.start("06 waiting for a worker started early")) {
                current[0] = pending.join();
            } catch (CompletionException e) {
                // started again below, where a second failure is reported
            }
        }
        if (current[slot] == null || !current[slot].alive() || !current[slot].passedEnvironment().equals(passed)) {
            discard(current[slot]);
            current[slot] = start(passed);
        }
        return current[slot];
    }

    private Worker start(Set<String> passed) throws IOException, WorkerDiedException, WorkerTimeoutException {
        try (var timed = Timings.start("06 worker JVM start (incl. BlockHound)")) {
            return Worker.start(classpath, classes, jvmOptions, passed);
        }
    }

    /** Forgets a worker after it was killed or died; the next {@link #get} starts another. */
    void discard(Worker worker) {
        for (int slot = 0; slot < current.length; slot++) {
            if (current[slot] == worker && worker != null) {
                worker.close();
                current[slot] = null;
            }
        }
    }

    @Override
    public void close() {
        if (starting != null) {
            starting.thenAccept(Worker::close);
            starting = null;
        }
        for (Worker worker : current) {
            discard(worker);
        }
    }
}
