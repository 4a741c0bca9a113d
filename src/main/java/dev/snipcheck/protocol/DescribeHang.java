package dev.snipcheck.protocol;

import java.io.Serializable;

/**
 * Asks a worker whose block has run past its time what the block is waiting for; answered by a
 * {@link Hang} while the block still runs. The parent kills the worker afterwards.
 */
public record DescribeHang() implements Serializable {
}
