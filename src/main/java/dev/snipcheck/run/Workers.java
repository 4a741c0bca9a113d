package dev.snipcheck.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The run's worker JVMs, started when first needed and replaced after a block killed or hung one:
 * one for page sessions and one for isolated blocks, so an isolated block that ends its JVM costs
 * only itself, not the state of the session around it.
 */
final class Workers implements AutoCloseable {

    /** Worker JVMs start often enough that startup speed matters more than peak speed. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final String classpath;
    private final Path classes;
    private final Worker[] current = new Worker[2];

    Workers(String classpath, Path classes) {
        this.classpath = classpath;
        this.classes = classes;
    }

    /** A live worker for session or isolated blocks, new if the last one died. */
    Worker get(boolean isolated) throws IOException, WorkerDiedException, WorkerTimeoutException {
        int slot = isolated ? 1 : 0;
        if (current[slot] == null || !current[slot].alive()) {
            discard(current[slot]);
            current[slot] = Worker.start(classpath, classes, JVM_OPTIONS);
        }
        return current[slot];
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
        for (Worker worker : current) {
            discard(worker);
        }
    }
}
