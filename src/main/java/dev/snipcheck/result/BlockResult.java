package dev.snipcheck.result;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.rules.Rule;

import java.util.List;
import java.util.Optional;

/**
 * The verdict of one checked block and what explains it.
 *
 * @param block    the block
 * @param verdict  passed, failed, skipped or not run
 * @param reason   with FAILED: why
 * @param message  one line: why it failed, why it was skipped or not run; empty when passed
 * @param rules    misuse rules that fired (also when the block declared them)
 * @param findings the details, each with its Markdown position
 * @param output   what the block printed (stdout and stderr); shown when it failed
 * @param millis   how long it ran
 * @param notes    what the reader may want to know though nothing is wrong, each with its Markdown position: the
 *                 connections that went to the page's database instead of the one the block named
 */
public record BlockResult(
        Block block,
        Verdict verdict,
        Optional<Reason> reason,
        String message,
        List<Rule> rules,
        List<Finding> findings,
        String output,
        long millis,
        List<Finding> notes) {

    /** A result without notes. */
    public BlockResult(Block block, Verdict verdict, Optional<Reason> reason, String message, List<Rule> rules,
                       List<Finding> findings, String output, long millis) {
        this(block, verdict, reason, message, rules, findings, output, millis, List.of());
    }

    /** Where the problem is: the first finding that has a position. */
    public Optional<Position> position() {
        return findings.stream().flatMap(f -> f.position().stream()).findFirst();
    }

    public static BlockResult passed(Block block, List<Rule> rules, String output, long millis) {
        return new BlockResult(block, Verdict.PASSED, Optional.empty(), "", rules, List.of(), output, millis);
    }

    public static BlockResult failed(Block block, Reason reason, String message, List<Finding> findings,
                                     String output, long millis) {
        return new BlockResult(block, Verdict.FAILED, Optional.of(reason), message, List.of(), findings, output, millis);
    }

    public static BlockResult skipped(Block block, String why) {
        return new BlockResult(block, Verdict.SKIPPED, Optional.empty(), why, List.of(), List.of(), "", 0);
    }

    public static BlockResult notRun(Block block, String why) {
        return new BlockResult(block, Verdict.NOT_RUN, Optional.empty(), why, List.of(), List.of(), "", 0);
    }

    public BlockResult withRules(List<Rule> fired) {
        return new BlockResult(block, verdict, reason, message, List.copyOf(fired), findings, output, millis, notes);
    }

    public BlockResult withNotes(List<Finding> added) {
        return new BlockResult(block, verdict, reason, message, rules, findings, output, millis, List.copyOf(added));
    }
}
