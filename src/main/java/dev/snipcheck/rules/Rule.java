package dev.snipcheck.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * The misuse rules, with the metadata reports and docs show. Static checkers and the worker's
 * runtime detectors both report under these ids, so a block's {@code misuse=} means the same
 * whichever of them saw the problem.
 */
public enum Rule {
    UNSUBSCRIBED_PUBLISHER("unsubscribed-publisher",
            "a Publisher is created and dropped: nothing subscribes, so nothing happens"),
    BLOCKING_IN_EVENT_LOOP("blocking-in-event-loop",
            "a blocking call runs on a non-blocking (event-loop) thread"),
    CONNECTION_LEAK("connection-leak",
            "a pooled connection is acquired and not released by the end of the page"),
    RESULT_NOT_CONSUMED("result-not-consumed",
            "an R2DBC Result is never consumed"),
    UNJOINED_SUBSCRIBE("unjoined-subscribe",
            "subscribe() starts database work that the block never waits for"),
    DROPPED_ERROR("dropped-error",
            "an error signal has nowhere to go"),
    SYNC_API_IN_ASYNC("sync-api-in-async",
            "a block declared async uses the blocking API"),
    OPEN_TRANSACTION("open-transaction",
            "a connection goes back to the pool, or the page ends, inside an open transaction");

    private final String id;
    private final String summary;

    Rule(String id, String summary) {
        this.id = id;
        this.summary = summary;
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

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
