package dev.snipcheck.protocol;

/**
 * Asks a worker whose block has run past its time what the block is waiting for; answered by a
 * {@link Hang} while the block still runs. The parent kills the worker afterwards.
 */
public record DescribeHang() implements Request {

    @Override
    public Reply answeredBy(Handler handler) {
        return handler.describeHang(this);
    }
}
