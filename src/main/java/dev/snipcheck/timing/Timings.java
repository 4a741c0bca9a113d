package dev.snipcheck.timing;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Wall time spent in each stage of a run, for finding where the time goes (docs/performance.md): on when the system
 * property {@code snipcheck.timings} is {@code true}, off (and free but for a field read) otherwise. Stages on
 * parallel threads (pages run {@code --jobs} at a time) each add their own time, so the sum of a stage may exceed the
 * run's wall time.
 */
public final class Timings {

    private static final boolean ON = Boolean.getBoolean("snipcheck.timings");
    private static final long STARTED = System.nanoTime();
    private static final Map<String, Stage> STAGES = new ConcurrentSkipListMap<>();

    private Timings() {
    }

    /**
     * The time and count of one stage, and when it first started and last ended: stages overlap on parallel threads,
     * so the sums alone do not say which of them the run waited for.
     */
    private static final class Stage {
        final LongAdder nanos = new LongAdder();
        final LongAdder count = new LongAdder();
        final LongAccumulator first = new LongAccumulator(Math::min, Long.MAX_VALUE);
        final LongAccumulator last = new LongAccumulator(Math::max, Long.MIN_VALUE);
    }

    /** One timed stretch of a stage, ended by {@link #close}. */
    public static final class Span implements AutoCloseable {
        private final Stage stage;
        private final long start = System.nanoTime();

        private Span(Stage stage) {
            this.stage = stage;
        }

        @Override
        public void close() {
            if (stage != null) {
                long end = System.nanoTime();
                stage.nanos.add(end - start);
                stage.count.increment();
                stage.first.accumulate(start - STARTED);
                stage.last.accumulate(end - STARTED);
            }
        }
    }

    private static final Span OFF = new Span(null);

    /** Starts timing one stretch of {@code stage}, e.g. {@code try (var t = Timings.start("javac")) { ... }}. */
    public static Span start(String stage) {
        return ON ? new Span(STAGES.computeIfAbsent(stage, s -> new Stage())) : OFF;
    }

    /**
     * Prints each stage's total and count, and the stretch from its first start to its last end in ms since the JVM
     * loaded this class, when timing is on.
     */
    public static void print(PrintStream out) {
        if (!ON) {
            return;
        }
        double wall = (System.nanoTime() - STARTED) / 1e6;
        out.printf(Locale.ROOT, "snipcheck timings: %.0f ms since start (stages on parallel threads add up)%n", wall);
        STAGES.forEach((name, stage) -> out.printf(Locale.ROOT, "  %-44s %9.0f ms %7d×   %s%n", name,
                stage.nanos.sum() / 1e6, stage.count.sum(), stretch(stage)));
    }

    /** A stage whose only stretch still runs (on another thread, as the run ends) has no end to show yet. */
    private static String stretch(Stage stage) {
        if (stage.count.sum() == 0) {
            return "not ended";
        }
        return String.format(Locale.ROOT, "%7.0f .. %7.0f ms", stage.first.get() / 1e6, stage.last.get() / 1e6);
    }
}
