package dev.snipcheck.report;

import dev.snipcheck.result.Reason;
import dev.snipcheck.rules.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Every id a failed block is reported under in SARIF and annotations: the misuse rules, then each failure reason
 * but {@code misuse} (whose findings carry the rule that fired), with what a code-scanning tool shows of them.
 */
final class RuleCatalog {

    /** Where the user guide is published; help links are this plus the page's path in the repository. */
    static final String DOCS = "https://github.com/snipcheck/snipcheck/blob/main/";

    /**
     * @param id      as in reports and {@code misuse=}
     * @param summary one line, no trailing period
     * @param helpUri the page that explains it
     * @param level   the SARIF level: {@code error}, or {@code warning} for what is not the docs' fault
     */
    record Entry(String id, String summary, String helpUri, String level) {
    }

    static final List<Entry> ENTRIES = entries();

    private RuleCatalog() {
    }

    static int indexOf(String id) {
        for (int i = 0; i < ENTRIES.size(); i++) {
            if (ENTRIES.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no rule or reason " + id);
    }

    private static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            entries.add(new Entry(rule.id(), rule.summary(), DOCS + rule.docLink(), rule.severity()));
        }
        for (Reason reason : Reason.values()) {
            if (reason != Reason.MISUSE) {
                entries.add(new Entry(reason.id(), summary(reason), DOCS + "docs/format.md#verdicts-and-reasons",
                        reason == Reason.DATABASE ? "warning" : "error"));
            }
        }
        return List.copyOf(entries);
    }

    private static String summary(Reason reason) {
        return switch (reason) {
            case COMPILE -> "the block does not compile";
            case EXCEPTION -> "the block threw an exception, or its SQL failed";
            case OUTPUT -> "the block printed something other than its expected output";
            case TIMEOUT -> "the block ran longer than its time limit";
            case EXPECTATION -> "a declared fails, compile_fail or misuse= was not met";
            case DATABASE -> "the database was unavailable or died: not the block's fault";
            case SYNTAX -> "the block's info string or the page's front matter is malformed";
            case MISUSE -> throw new IllegalArgumentException("misuse findings name their rule");
        };
    }
}
