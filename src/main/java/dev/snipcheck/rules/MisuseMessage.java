package dev.snipcheck.rules;

import java.util.Locale;

/**
 * What a rule says when the runtime sees it fire, one constant for each place it can be seen, with the hint that goes
 * with it: the worker's detectors and the parent's verdicts both report through these, so a rule's words are all
 * here, next to each other ({@link Rule#messages()}). The static checks word their findings from the code they see.
 */
public enum MisuseMessage {
    BLOCKING_CALL(Rule.BLOCKING_IN_EVENT_LOOP, "blocking call %s on non-blocking thread %s", Hints.BLOCKING),
    /** Reactor's own error for {@code block()} on a non-blocking thread; its message says what was called. */
    REACTOR_BLOCK(Rule.BLOCKING_IN_EVENT_LOOP, "%s", Hints.BLOCKING),

    ERROR_DROPPED(Rule.DROPPED_ERROR, "an error signal was dropped: %s", Hints.DROPPED),
    NO_ERROR_HANDLER(Rule.DROPPED_ERROR, "subscribe() without an error handler got an error: %s", Hints.DROPPED),

    PUBLISHER_NOT_SUBSCRIBED(Rule.UNSUBSCRIBED_PUBLISHER,
            "the Publisher that %s returned here was never subscribed to, so it never ran",
            "subscribe to it, or compose it into the pipeline the block waits for (`then(...)`, `flatMap`)"),

    RESULT_NOT_CONSUMED(Rule.RESULT_NOT_CONSUMED, "a Result of the statement executed here was never consumed",
            "consume every Result with `getRowsUpdated()` or `map(...)`: a statement with bind parameters "
                    + "whose Result is not consumed does not even run"),

    SUBSCRIBED_WORK_RUNNING(Rule.UNJOINED_SUBSCRIBE,
            "the pipeline subscribed here was still running database work when the block ended",
            "wait for the pipeline before the block ends (`block()`, a latch counted down in "
                    + "`doFinally`), or return it to a caller that does"),

    POOLED_CONNECTION_LEAKED(Rule.CONNECTION_LEAK, "the connection acquired here was never given back to the pool",
            "close the connection when done, e.g. with `Mono.usingWhen(pool.create(), c -> ..., "
                    + "Connection::close)`"),
    JDBC_CONNECTION_LEAKED(Rule.CONNECTION_LEAK, "the JDBC connection opened here was never closed",
            "close it when done, with try-with-resources: `try (Connection c = dataSource.getConnection()) {...}`"),
    /** Found when a later block timed out, perhaps waiting for this transaction's locks. */
    JDBC_TRANSACTION_HELD(Rule.OPEN_TRANSACTION,
            "the JDBC connection opened here (backend %s) was still inside a transaction when a later block timed out",
            "call `commit()` or `rollback()` after `setAutoCommit(false)`: its locks make other sessions wait"),
    /** A connection the snippet opened itself, named by its backend. */
    OWN_CONNECTION_LEAKED(Rule.CONNECTION_LEAK, "%s is still open when the page ends",
            "close the connections a block opens itself from `jdbcUrl` or `r2dbcUrl`, or use "
                    + "`dataSource` and `pool`, which show where a connection leaked"),

    POOLED_TRANSACTION_OPEN(Rule.OPEN_TRANSACTION,
            "the connection acquired here is still inside a transaction when the page ends",
            "end the transaction with `commitTransaction()` or `rollbackTransaction()`, then close the "
                    + "connection, e.g. in `Mono.usingWhen(pool.create(), ..., Connection::close)`"),
    POOLED_TRANSACTION_HELD(Rule.OPEN_TRANSACTION,
            "the connection acquired here (backend %s) was still inside a transaction when a later block timed out",
            "end the transaction with `commitTransaction()` or `rollbackTransaction()` before the block returns: its "
                    + "locks make other sessions wait"),
    POOLED_TRANSACTION_RETURNED(Rule.OPEN_TRANSACTION,
            "the connection acquired here went back to the pool inside an open transaction, which the pool rolled back",
            "end the transaction with `commitTransaction()` or `rollbackTransaction()` before closing the connection"),
    POOLED_AUTO_COMMIT_RETURNED(Rule.OPEN_TRANSACTION,
            "the connection acquired here went back to the pool inside the transaction `setAutoCommit(false)` began, "
                    + "which the pool does not roll back: it stays idle in transaction",
            "end the transaction with `commitTransaction()` or `rollbackTransaction()` before closing the connection, "
                    + "or begin it with `beginTransaction()`"),
    JDBC_TRANSACTION_CLOSED(Rule.OPEN_TRANSACTION,
            "the JDBC connection opened here was closed with uncommitted writes, which were rolled back",
            "call `commit()` (or `rollback()`) after the work that `setAutoCommit(false)` groups, before closing"),
    JDBC_TRANSACTION_OPEN(Rule.OPEN_TRANSACTION,
            "the JDBC connection opened here is left idle in transaction when the page ends",
            "call `commit()` or `rollback()` after `setAutoCommit(false)`, and close the connection "
                    + "(try-with-resources)"),
    /** A connection the snippet opened itself, named by its backend. */
    OWN_TRANSACTION_OPEN(Rule.OPEN_TRANSACTION, "%s is idle in transaction when the page ends",
            "commit or roll back, and close the connections a block opens itself from `jdbcUrl` or `r2dbcUrl`"),
    SQL_TRANSACTION_OPEN(Rule.OPEN_TRANSACTION,
            "the transaction this block began is still open when the block ends (snipcheck rolled it back)",
            "end it in the same block with COMMIT or ROLLBACK: the pooled connection would carry it into later blocks");

    private final Rule rule;
    private final String message;
    private final String hint;

    MisuseMessage(Rule rule, String message, String hint) {
        this.rule = rule;
        this.message = message;
        this.hint = hint;
    }

    public Rule rule() {
        return rule;
    }

    /** The message, with the values its {@code %s} stand for. */
    public String message(Object... values) {
        return String.format(Locale.ROOT, message, values);
    }

    /** How to fix it. */
    public String hint() {
        return hint;
    }

    /** Hints shared by two places a rule is seen. */
    private static final class Hints {
        static final String BLOCKING = "move the blocking work off the event loop "
                + "(`Mono.fromCallable(...).subscribeOn(Schedulers.boundedElastic())`), or compose the reactive calls "
                + "with `flatMap` instead of blocking";
        static final String DROPPED = "handle the error where the pipeline is subscribed "
                + "(`subscribe(value -> ..., error -> ...)`), or wait for the pipeline so the error reaches the block";
    }
}
