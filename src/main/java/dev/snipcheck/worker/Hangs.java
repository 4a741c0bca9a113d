package dev.snipcheck.worker;

import dev.snipcheck.protocol.Hang;
import dev.snipcheck.protocol.RuntimeFinding;
import dev.snipcheck.protocol.ThreadStack;
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

    private Hangs() {
    }

    /**
     * What a block that runs too long waits for: its pools' checked-out connections, the connections the blocks hold by backend,
     * and the threads' stacks.
     */
    static Hang describe(Collection<ConnectionPool> pools, Collection<TrackedDataSource> dataSources) {
        List<List<Thrown.Frame>> checkedOut = new ArrayList<>();
        Map<Integer, RuntimeFinding> connections = new HashMap<>();
        for (ConnectionPool pool : pools) {
            if (pool instanceof TrackedPool tracked) {
                tracked.checkedOut().forEach(site -> checkedOut.add(RuntimeFinding.frames(site)));
                connections.putAll(tracked.byBackend());
            }
        }
        // The block's own thread first, then the event loop, then Reactor's schedulers: the report shows the first lines.
        List<ThreadStack> threads = Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> isBlockThread(e.getKey()) || e.getKey().getName().startsWith("reactor-")
                        || e.getKey() instanceof reactor.core.scheduler.NonBlocking)
                .sorted(Comparator.comparing((Map.Entry<Thread, StackTraceElement[]> e) ->
                                isBlockThread(e.getKey()) ? 0 : e.getKey().getName().startsWith("reactor-") ? 1 : 2)
                        .thenComparing(e -> e.getKey().getName()))
                .map(e -> new ThreadStack(e.getKey().getName(), e.getKey().getState().name(),
                        RuntimeFinding.frames(e.getValue())))
                .toList();
        dataSources.forEach(dataSource -> connections.putAll(dataSource.byBackend()));
        return new Hang(List.copyOf(checkedOut), threads, Map.copyOf(connections));
    }

    private static boolean isBlockThread(Thread thread) {
        return thread.getName().equals(ThreadStack.BLOCK_THREAD);
    }
}
