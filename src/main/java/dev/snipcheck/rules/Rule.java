package dev.snipcheck.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The misuse rules, with the metadata reports and docs show. Static checkers and the worker's
 * runtime detectors both report under these ids, so a block's {@code misuse=} means the same
 * whichever of them saw the problem.
 */
public enum Rule {
    UNSUBSCRIBED_PUBLISHER("unsubscribed-publisher", Judged.AT_PAGE_END,
            "a Publisher is created and dropped: nothing subscribes, so nothing happens"),
    BLOCKING_IN_EVENT_LOOP("blocking-in-event-loop", Judged.WHILE_RUNNING,
            "a blocking call runs on a non-blocking (event-loop) thread"),
    CONNECTION_LEAK("connection-leak", Judged.AT_PAGE_END,
            "a pooled connection is acquired and not released by the end of the page"),
    RESULT_NOT_CONSUMED("result-not-consumed", Judged.AT_PAGE_END,
            "an R2DBC Result is never consumed"),
    UNJOINED_SUBSCRIBE("unjoined-subscribe", Judged.WHILE_RUNNING,
            "subscribe() starts work that the block never waits for"),
    DROPPED_ERROR("dropped-error", Judged.WHILE_RUNNING,
            "an error signal has nowhere to go"),
    SYNC_API_IN_ASYNC("sync-api-in-async", Judged.WHILE_RUNNING,
            "a block declared async uses the blocking API"),
    OPEN_TRANSACTION("open-transaction", Judged.AT_PAGE_END,
            "a connection goes back to the pool, or the page ends, inside an open transaction"),
    UNAWAITED_COROUTINE("unawaited-coroutine", Judged.AT_PAGE_END,
            "a coroutine is created and never awaited: nothing of it runs");

    /** When the runtime can say that a rule fired, which decides when a block that declares it may pass. */
    public enum Judged {
        /** While the block runs, or from its code. */
        WHILE_RUNNING,
        /**
         * Only when the page (or the isolated block) ends: a connection, a Publisher, a Result or a coroutine may be handed from
         * one block of a session to a later one.
         */
        AT_PAGE_END
    }

    private final String id;
    private final Judged judged;
    private final String summary;

    Rule(String id, Judged judged, String summary) {
        this.id = id;
        this.judged = judged;
        this.summary = summary;
    }

    /** When the rule can be seen to fire. */
    public Judged judged() {
        return judged;
    }

    /** The stable id written in {@code misuse=}, reports and JSON. */
    public String id() {
        return id;
    }

    /** One line, javac style, no trailing period. */
    public String summary() {
        return summary;
    }

    /** Every rule is an error: a misuse fails the block unless the block declares it. */
    public String severity() {
        return "error";
    }

    /** The rule's page in the user guide, relative to the project root. */
    public String docLink() {
        return "docs/rules/" + id + ".md";
    }

    /** What the rule says where the runtime sees it fire, each with its hint. */
    public List<MisuseMessage> messages() {
        return Arrays.stream(MisuseMessage.values()).filter(message -> message.rule() == this).toList();
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
