package dev.snipcheck.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The run's worker JVM: started when first needed, replaced after a block killed or hung it. */
final class Workers implements AutoCloseable {

    /** Worker JVMs start often enough that startup speed matters more than peak speed. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final String classpath;
    private final Path classes;
    private Worker current;

    Workers(String classpath, Path classes) {
        this.classpath = classpath;
        this.classes = classes;
    }

    /** A live worker, new if the last one died. */
    Worker get() throws IOException, WorkerDiedException, WorkerTimeoutException {
        if (current == null || !current.alive()) {
            discard();
            current = Worker.start(classpath, classes, JVM_OPTIONS);
        }
        return current;
    }

    /** Forgets the current worker after it was killed or died; the next {@link #get()} starts another. */
    void discard() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public void close() {
        discard();
    }
}
