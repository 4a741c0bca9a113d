package dev.snipcheck.verdict;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.NearMiss;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.protocol.Thrown;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.Reason;
import dev.snipcheck.result.Verdict;
import dev.snipcheck.rules.Misuse;
import dev.snipcheck.rules.Rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Combines the misuses found in a block's code with how the block ran, what it declares ({@code misuse=})
 * and what its page allows. A block with misuses still runs, so the runtime detectors see it too. A misuse
 * the block does not declare fails it (reason {@code misuse}, over any failure of the run but a database's);
 * a block passes its {@code misuse=} when exactly the declared rules fired and it ran to the end, or threw
 * on the line of one of those misuses (the rule explains the exception, e.g. {@code block()} on an event loop).
 * Rules that runtime detectors saw are judged the same way, and a static and a runtime finding of the same rule at
 * the same position count once.
 */
public final class MisuseVerdict {

    private final Block block;
    private final List<Misuse> found;
    private final Map<String, String> allowed;

    /**
     * @param found   what the static rules found in the block
     * @param allowed rules the page switches off, with the reasons
     */
    public MisuseVerdict(Block block, List<Misuse> found, Map<String, String> allowed) {
        this.block = block;
        this.found = found;
        this.allowed = allowed;
    }

    /**
     * @param ran       the block's result before misuses are judged
     * @param thrown    what the block threw, when it ran and threw
     * @param runtime   what the runtime detectors charged to the block so far
     * @param pageEnded false while the page runs: a declared rule judged at the page's end may still fire
     */
    public BlockResult judge(BlockResult ran, Optional<Thrown> thrown, List<Finding> runtime, boolean pageEnded) {
        // rule and line: a static and a runtime finding of the same problem are reported once, the static one
        // (they may point at different columns of the line: the call's name, the statement's start)
        Map<String, Finding> misuses = new LinkedHashMap<>();
        List<Finding> notes = new ArrayList<>();
        Set<String> allowances = new LinkedHashSet<>();
        List<String> declared = block.attributes().misuse();
        List<Finding> all = new ArrayList<>(found.stream()
                .map(m -> Finding.misuse(m.rule(), m.position(), m.message(), m.hint())).toList());
        if (ran.reason().filter(r -> r == Reason.TIMEOUT || r == Reason.DATABASE).isEmpty()) {
            // a timeout's interruption causes leaks that are not the block's
            all.addAll(runtime);
        }
        for (Finding misuse : all) {
            String id = misuse.rule().orElseThrow().id();
            // a block that declares a rule demonstrates it, even on a page that allows it
            String reason = declared.contains(id) ? null : allowed.get(id);
            if (reason == null) {
                misuses.putIfAbsent(id + "@" + misuse.position().map(Position::line).orElse(0), misuse);
            } else {
                notes.add(new Finding(misuse.position(), misuse.message() + " (allowed on this page: " + reason + ")",
                        misuse.hint(), misuse.rule()));
                allowances.add("`" + id + "` allowed on this page: " + reason);
            }
        }
        Set<Rule> fired = new LinkedHashSet<>();
        misuses.values().forEach(f -> fired.add(f.rule().orElseThrow()));
        fired.addAll(ran.rules());
        List<Rule> rules = List.copyOf(fired);
        if (declared.isEmpty() && fired.isEmpty() || ran.reason().equals(Optional.of(Reason.DATABASE))) {
            return withNotes(ran.withRules(rules), notes, allowances);
        }
        List<String> unknown = declared.stream().filter(id -> Rule.byId(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            String message = "is marked `misuse=" + String.join("+", declared) + "`, but there is no rule `"
                    + unknown.get(0) + "`";
            List<String> ids = Arrays.stream(Rule.values()).map(Rule::id).toList();
            String hint = NearMiss.suggest(unknown.get(0), ids).map(id -> "did you mean `" + id + "`?")
                    .orElse("the rules are " + String.join(", ", ids));
            return BlockResult.failed(block, Reason.EXPECTATION, message, List.of(Finding.at(block.fence(), message,
                    hint)), ran.output(), ran.millis()).withRules(rules);
        }
        List<Rule> undeclared = fired.stream().filter(rule -> !declared.contains(rule.id())).toList();
        if (!undeclared.isEmpty()) {
            List<Finding> undeclaredMisuses = misuses.values().stream()
                    .filter(f -> undeclared.contains(f.rule().orElseThrow()))
                    .map(f -> standingAlone(f, declared))
                    .toList();
            List<Finding> findings = new ArrayList<>(undeclaredMisuses);
            for (Finding finding : ran.findings().stream().filter(f -> f.rule().isEmpty()).toList()) {
                findings.add(ran.reason().equals(Optional.of(Reason.EXCEPTION))
                        ? explainedBy(undeclaredMisuses, finding) : finding);
            }
            String message = findings.isEmpty() ? "misuse: " + String.join(", ", undeclared.stream().map(Rule::id).toList())
                    : findings.get(0).message();
            return BlockResult.failed(block, Reason.MISUSE, message, findings, ran.output(), ran.millis())
                    .withRules(rules);
        }
        List<Rule> missing = declared.stream().map(id -> Rule.byId(id).orElseThrow())
                .filter(rule -> !fired.contains(rule)).toList();
        boolean mayStillFire = !pageEnded && missing.stream().allMatch(rule -> rule.judged() == Rule.Judged.AT_PAGE_END);
        if (!missing.isEmpty() && !mayStillFire) {
            String message = "is marked `misuse=" + String.join("+", declared) + "`, but "
                    + String.join(" and ", missing.stream().map(rule -> "`" + rule.id() + "`").toList()) + " did not fire";
            List<Finding> findings = new ArrayList<>();
            findings.add(Finding.at(block.fence(), message, "make the example show the misuse, or declare only the "
                    + "rules that fire (see " + missing.get(0).docLink() + ")"));
            findings.addAll(misuses.values());
            return BlockResult.failed(block, Reason.EXPECTATION, message, findings, ran.output(), ran.millis())
                    .withRules(rules);
        }
        boolean explained = ran.reason().equals(Optional.of(Reason.EXCEPTION)) && explains(misuses.values(), ran, thrown);
        if (ran.verdict() == Verdict.PASSED || explained) {
            // the declared misuses stay in the result with their positions: the report says where each one fired
            BlockResult demonstrated = new BlockResult(block, Verdict.PASSED, Optional.empty(), "", rules,
                    List.copyOf(misuses.values()), ran.output(), ran.millis());
            return withNotes(demonstrated, notes, allowances);
        }
        return ran.withRules(rules);
    }

    /**
     * The exception was thrown on the line of a declared misuse, or is the error a blocking call on an event loop
     * raises (BlockHound's, or Reactor's own for {@code block()}) while that rule fired: the misuse explains it.
     */
    private static boolean explains(Collection<Finding> misuses, BlockResult ran, Optional<Thrown> thrown) {
        Optional<Integer> thrownAt = ran.position().map(Position::line);
        boolean onItsLine = thrownAt.isPresent() && misuses.stream()
                .anyMatch(f -> f.position().map(Position::line).equals(thrownAt));
        boolean blockingError = thrown.filter(Thrown::isBlockingError).isPresent();
        return onItsLine || blockingError && misuses.stream()
                .anyMatch(f -> f.rule().equals(Optional.of(Rule.BLOCKING_IN_EVENT_LOOP)));
    }

    /**
     * A rule id written as a word of its own in the info string ({@code misuse=a,b} splits into two attributes)
     * declares nothing: the hint says how to declare it.
     */
    private Finding standingAlone(Finding misuse, List<String> declared) {
        String id = misuse.rule().orElseThrow().id();
        boolean alone = Arrays.stream(block.infoString().split("[\\s,]+"))
                .anyMatch(word -> word.replace('_', '-').equals(id));
        if (!alone) {
            return misuse;
        }
        List<String> ids = new ArrayList<>(declared);
        ids.add(id);
        String fix = declared.isEmpty() ? "write `misuse=" + id + "`"
                : "join the rule ids of `misuse=` with `+`, as in `misuse=" + String.join("+", ids) + "`";
        return new Finding(misuse.position(), misuse.message(),
                "`" + id + "` stands alone in the info string, so it is not declared: " + fix, misuse.rule());
    }

    /**
     * An exception thrown on the line of a misuse that fails the block: the misuse is the thing to fix (marking the
     * block {@code fails} would not help), so the hint says so.
     */
    private static Finding explainedBy(List<Finding> misuses, Finding thrown) {
        Optional<Integer> line = thrown.position().map(Position::line);
        return misuses.stream()
                .filter(misuse -> thrown.rule().isEmpty() && line.isPresent()
                        && misuse.position().map(Position::line).equals(line))
                .findFirst()
                .map(misuse -> new Finding(thrown.position(), thrown.message(), "thrown because of the `"
                        + misuse.rule().orElseThrow().id() + "` misuse on this line: fix the misuse, and the "
                        + "exception goes away", thrown.rule()))
                .orElse(thrown);
    }

    /** A block that passed with misuses its page allows: the report shows them, with the page's reasons. */
    private static BlockResult withNotes(BlockResult result, List<Finding> notes, Set<String> allowances) {
        if (notes.isEmpty() || result.verdict() != Verdict.PASSED) {
            return result;
        }
        String message = String.join("; ", allowances);
        // the allowed misuses first: the block's position is the first of them, which its message explains
        List<Finding> findings = new ArrayList<>(notes);
        findings.addAll(result.findings());
        return new BlockResult(result.block(), result.verdict(), result.reason(), message, result.rules(), findings,
                result.output(), result.millis());
    }
}
