package dev.snipcheck.protocol;

import java.util.List;
import java.util.Map;

/**
 * What a block that ran past its time was waiting for, as the worker saw it.
 *
 * @param checkedOut       where each connection still acquired from a pool, or still being acquired,
 *                         was asked for: a stack, innermost call first
 * @param eventLoopThreads the stacks of the non-blocking threads and of the block's own thread, as text
 * @param jdbcConnections  the open connections of {@code dataSource} by backend pid, each as the open-transaction
 *                         finding of the block that opened it, for those whose backend holds a transaction open
 */
public record Hang(List<List<Thrown.Frame>> checkedOut, String eventLoopThreads,
                   Map<Integer, RuntimeFinding> jdbcConnections) implements Reply {
}
