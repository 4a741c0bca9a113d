package dev.snipcheck.run;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Reason;
import dev.snipcheck.result.Verdict;

import java.util.Optional;
import java.util.Set;

/**
 * What a page's session has been through, in JShell's terms: a block that ran to its end keeps what it
 * added even when it failed (on output or a misuse), and a block that did not compile adds nothing (the
 * compile stage drops it). A block that threw, timed out, lost its worker or could not start leaves the
 * session in an unknown state: it stops the session, and only blocks marked {@code always} run after it.
 */
final class Session {

    /** Ways to fail that leave the session's state unknown: the block stopped somewhere in its middle. */
    private static final Set<Reason> STOPPING = Set.of(Reason.EXCEPTION, Reason.TIMEOUT, Reason.DATABASE, Reason.SYNTAX);

    /** The fence line of the block that stopped the session, if one did. */
    private Integer stoppedAt;
    /** A session block after the stop was not run (a teardown among them, maybe). */
    private boolean skippedSinceStop;
    /** An {@code always} block ran after the stop: the session reached its teardown. */
    private boolean teardownRan;

    /** Why a session block does not run: the session was stopped before it; empty when it runs. */
    Optional<String> notRunReason(Block block) {
        if (stoppedAt == null || block.attributes().isolated() || block.attributes().always()) {
            return Optional.empty();
        }
        skippedSinceStop = true;
        return Optional.of("an earlier block of this page failed (line " + stoppedAt + ")");
    }

    /**
     * Records a session block's verdict.
     *
     * @param ran    the block's result from running it, before misuses were judged: says how it ended
     * @param judged the block's verdict while the page runs
     */
    void ran(Block block, BlockResult ran, BlockResult judged) {
        if (block.attributes().isolated()) {
            return;
        }
        if (stoppedAt != null && block.attributes().always() && ran.verdict() != Verdict.NOT_RUN) {
            teardownRan = true;
        }
        boolean stops = judged.verdict() == Verdict.FAILED
                && (ran.reason().filter(STOPPING::contains).isPresent()
                || judged.reason().filter(STOPPING::contains).isPresent());
        if (stops && stoppedAt == null) {
            stoppedAt = block.fenceLine();
        }
    }

    /**
     * Whether the leaks and open transactions left in the session's database at the page's end are judged:
     * only when the session ran to its end, or to its {@code always} blocks. A teardown that was skipped
     * would have ended what it finds, so the setup block is not charged with it.
     */
    boolean pageEndJudged() {
        return stoppedAt == null || !skippedSinceStop || teardownRan;
    }
}
