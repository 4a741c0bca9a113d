package dev.snipcheck.postgres;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Says what the run waits for once a wait has lasted a few seconds, and again every few seconds after: a user who
 * sees nothing for half a minute cannot tell a slow pull from a hang.
 */
final class Wait implements AutoCloseable {

    private static final long FIRST_SECONDS = 5;
    private static final long EVERY_SECONDS = 5;
    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "snipcheck-wait-notices");
        thread.setDaemon(true);
        return thread;
    });

    private final ScheduledFuture<?> notices;

    private Wait(ScheduledFuture<?> notices) {
        this.notices = notices;
    }

    /** Until {@link #close}, tells {@code sink} "waiting for WHAT (N s)". */
    static Wait on(Consumer<String> sink, String what) {
        long start = System.nanoTime();
        return progress(sink, () -> "waiting for " + what + " ("
                + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + " s)");
    }

    /** Until {@link #close}, tells {@code sink} what {@code line} says at the time. */
    static Wait progress(Consumer<String> sink, Supplier<String> line) {
        return new Wait(CLOCK.scheduleAtFixedRate(() -> sink.accept(line.get()), FIRST_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS));
    }

    @Override
    public void close() {
        notices.cancel(false);
    }
}
