package dev.snipcheck.junit;

/**
 * A block that failed, as JUnit sees it: the message is the compiler-style report of the block, with its Markdown
 * positions and output (or, for input the engine could not use, what is wrong with it). It has no stack trace: the
 * trace of the engine would only hide where to look.
 */
final class BlockFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    BlockFailure(String report) {
        super(report);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
