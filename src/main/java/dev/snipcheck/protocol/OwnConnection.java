package dev.snipcheck.protocol;

import java.io.Serializable;
import java.util.List;

/**
 * A connection a block opened itself, not through {@code pool} or {@code dataSource}, which the worker's redirecting
 * driver made: its backend, so that a connection left open at the page's end is charged to the block and the line
 * that opened it.
 *
 * @param frames the stack of the thread that opened it, innermost call first
 */
public record OwnConnection(int pid, String blockClass, List<Thrown.Frame> frames) implements Serializable {
}
