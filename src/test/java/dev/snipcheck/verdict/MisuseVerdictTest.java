package dev.snipcheck.verdict;

import dev.snipcheck.markdown.Attributes;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.markdown.SourceMap;
import dev.snipcheck.protocol.Thrown;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.Reason;
import dev.snipcheck.result.Verdict;
import dev.snipcheck.rules.Misuse;
import dev.snipcheck.rules.Rule;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How static and runtime findings turn into a block's verdict. */
class MisuseVerdictTest {

    private static final Position SLEEP = new Position(12, 9);
    private static final Position ACQUIRE = new Position(14, 5);

    private static Block block(String... misuse) {
        Attributes attributes = new Attributes(false, false, false, Optional.empty(), false, Optional.empty(),
                List.of(misuse), Optional.empty(), false, Optional.empty(), false);
        return new Block(0, "java", "java", attributes, "code", 10, false, new SourceMap(new int[] {11},
                new int[] {1}), Optional.empty(), List.of());
    }

    /** Judged with no static findings and nothing allowed: the runtime's findings alone. */
    private static BlockResult judge(BlockResult ran, List<Finding> runtime, boolean pageEnded) {
        return judge(ran, Optional.empty(), runtime, pageEnded);
    }

    private static BlockResult judge(BlockResult ran, Optional<Thrown> thrown, List<Finding> runtime, boolean pageEnded) {
        return new MisuseVerdict(ran.block(), List.of(), Map.of()).judge(ran, thrown, runtime, pageEnded);
    }

    /** What BlockHound throws at a blocking call on a non-blocking thread, as the worker describes it. */
    private static Thrown blockingOperationError() {
        return new Thrown(List.of("reactor.blockhound.BlockingOperationError", "java.lang.Error", "java.lang.Throwable"),
                "Blocking call! java.lang.Thread.sleep", "", List.of(), null);
    }

    private static Finding blocking() {
        return Finding.misuse(Rule.BLOCKING_IN_EVENT_LOOP, SLEEP, "blocking call java.lang.Thread.sleep", "move it");
    }

    private static Finding leak() {
        return Finding.misuse(Rule.CONNECTION_LEAK, ACQUIRE, "never given back", "close it");
    }

    @Test
    void anUndeclaredRuleFailsTheBlockWithReasonMisuseAtItsLine() {
        BlockResult result = judge(BlockResult.passed(block(), List.of(), "out", 3),
                List.of(blocking()), true);

        assertEquals(Verdict.FAILED, result.verdict());
        assertEquals(Optional.of(Reason.MISUSE), result.reason());
        assertEquals(List.of(Rule.BLOCKING_IN_EVENT_LOOP), result.rules());
        assertEquals("blocking call java.lang.Thread.sleep", result.message());
        assertEquals(Optional.of(SLEEP), result.position());
        assertEquals("out", result.output());
    }

    @Test
    void misuseWinsOverTheExceptionItExplains() {
        BlockResult threw = BlockResult.failed(block(), Reason.EXCEPTION, "threw BlockingOperationError",
                List.of(Finding.at(new Position(15, 1), "threw BlockingOperationError", "")), "", 3);

        BlockResult result = judge(threw, List.of(blocking()), true);

        assertEquals(Optional.of(Reason.MISUSE), result.reason());
        assertEquals(Optional.of(SLEEP), result.position(), "the misuse first, the exception after it");
        assertEquals(2, result.findings().size());
    }

    @Test
    void aDeclaredRuleThatFiredPassesTheBlockAndIsListed() {
        BlockResult threw = BlockResult.failed(block("blocking-in-event-loop"), Reason.EXCEPTION,
                "threw reactor.blockhound.BlockingOperationError: Blocking call! java.lang.Thread.sleep", List.of(), "", 3);

        BlockResult result = judge(threw, Optional.of(blockingOperationError()), List.of(blocking()), true);

        assertEquals(Verdict.PASSED, result.verdict());
        assertEquals(List.of(Rule.BLOCKING_IN_EVENT_LOOP), result.rules());
    }

    @Test
    void passesOnlyWhenExactlyTheDeclaredRulesFired() {
        BlockResult ran = BlockResult.passed(block("blocking-in-event-loop"), List.of(), "", 3);

        BlockResult result = judge(ran, List.of(blocking(), leak()), true);

        assertEquals(Optional.of(Reason.MISUSE), result.reason(), "a rule the block does not declare fired");
        assertEquals("never given back", result.message());
        assertEquals(List.of(Rule.BLOCKING_IN_EVENT_LOOP, Rule.CONNECTION_LEAK), result.rules());
    }

    @Test
    void aDeclaredRuleThatNeverFiredFailsWhenThePageEnds() {
        BlockResult ran = BlockResult.passed(block("connection-leak"), List.of(), "", 3);

        BlockResult result = judge(ran, List.of(), true);

        assertEquals(Optional.of(Reason.EXPECTATION), result.reason());
        assertEquals("is marked `misuse=connection-leak`, but `connection-leak` did not fire", result.message());
    }

    @Test
    void aDeclaredLeakMayStillFireWhenThePageEnds() {
        BlockResult ran = BlockResult.passed(block("connection-leak"), List.of(), "", 3);

        assertEquals(Verdict.PASSED, judge(ran, List.of(), false).verdict(), "while the page runs");
        assertEquals(Verdict.PASSED, judge(ran, List.of(leak()), true).verdict());
    }

    @Test
    void aStaticAndARuntimeFindingOfTheSameProblemAreReportedOnce() {
        Misuse seenStatically = new Misuse(Rule.BLOCKING_IN_EVENT_LOOP, SLEEP, "`Thread.sleep` in `map`", "static hint");
        BlockResult ran = BlockResult.passed(block(), List.of(), "", 0);

        BlockResult result = new MisuseVerdict(ran.block(), List.of(seenStatically), Map.of())
                .judge(ran, Optional.empty(), List.of(blocking()), true);

        assertEquals(1, result.findings().size(), result.findings().toString());
        assertEquals("`Thread.sleep` in `map`", result.findings().get(0).message(), "the static finding, seen first");
        assertEquals(List.of(Rule.BLOCKING_IN_EVENT_LOOP), result.rules());
    }

    @Test
    void aTimeoutStaysATimeout() {
        BlockResult timedOut = BlockResult.failed(block(), Reason.TIMEOUT, "did not finish", List.of(), "", 1000);

        assertEquals(timedOut.withRules(List.of()), judge(timedOut, List.of(leak()), true));
    }
}
