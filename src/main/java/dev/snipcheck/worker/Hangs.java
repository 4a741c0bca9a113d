package dev.snipcheck.worker;

import dev.snipcheck.protocol.Hang;
import dev.snipcheck.protocol.RuntimeFinding;
import dev.snipcheck.protocol.Thrown;

import io.r2dbc.pool.ConnectionPool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/** What a block that ran past its time waits for, as the worker sees it. */
final class Hangs {

    /** Frames of each thread in a hang report: enough to see what it waits in. */
    private static final int HANG_FRAMES = 12;

    private Hangs() {
    }

    /**
     * What a block that runs too long waits for: its pools' checked-out connections, the JDBC connections by backend,
     * and the threads' stacks.
     */
    static Hang describe(Collection<ConnectionPool> pools, Collection<TrackedDataSource> dataSources) {
        List<List<Thrown.Frame>> checkedOut = new ArrayList<>();
        for (ConnectionPool pool : pools) {
            if (pool instanceof TrackedPool tracked) {
                tracked.checkedOut().forEach(site -> checkedOut.add(RuntimeFinding.frames(site)));
            }
        }
        StringBuilder threads = new StringBuilder();
        // The block's own thread first, then the event loop, then Reactor's schedulers: the report shows the first lines.
        Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals("snipcheck-block") || e.getKey().getName().startsWith("reactor-")
                        || e.getKey() instanceof reactor.core.scheduler.NonBlocking)
                .sorted(Comparator.comparing((Map.Entry<Thread, StackTraceElement[]> e) ->
                                e.getKey().getName().equals("snipcheck-block") ? 0 : e.getKey().getName().startsWith("reactor-") ? 1 : 2)
                        .thenComparing(e -> e.getKey().getName()))
                .forEach(e -> {
                    threads.append('"').append(e.getKey().getName()).append("\" ").append(e.getKey().getState())
                            .append('\n');
                    StackTraceElement[] frames = e.getValue();
                    for (int i = 0; i < Math.min(frames.length, HANG_FRAMES); i++) {
                        threads.append("\tat ").append(frames[i]).append('\n');
                    }
                    if (frames.length > HANG_FRAMES) {
                        threads.append("\t... ").append(frames.length - HANG_FRAMES).append(" more\n");
                    }
                });
        Map<Integer, RuntimeFinding> connections = new HashMap<>();
        dataSources.forEach(dataSource -> connections.putAll(dataSource.byBackend()));
        return new Hang(List.copyOf(checkedOut), threads.toString(), Map.copyOf(connections));
    }
}
