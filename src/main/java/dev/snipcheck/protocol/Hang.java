package dev.snipcheck.protocol;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a block that ran past its time was waiting for, as the worker saw it.
 *
 * @param checkedOut where each connection still acquired from a pool, or still being acquired,
 *                   was asked for: a stack, innermost call first
 * @param threads    the block's own thread first, then the non-blocking (event-loop) threads
 * @param byBackend  the connections the blocks hold, of {@code dataSource} and acquired from {@code pool}, by
 *                   backend pid, each as the open-transaction finding of the block that opened it, for those whose
 *                   backend holds a transaction open
 */
public record Hang(List<List<Thrown.Frame>> checkedOut, List<ThreadStack> threads,
                   Map<Integer, RuntimeFinding> byBackend) implements Reply {

    /** The block's own thread, if it was still running. */
    public Optional<ThreadStack> blockThread() {
        return threads.stream().filter(ThreadStack::isBlockThread).findFirst();
    }
}
