package dev.snipcheck.protocol;

import dev.snipcheck.rules.Rule;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A misuse a runtime detector saw in the worker, as plain values: the parent maps the frames to a
 * Markdown position (the innermost frame of snippet code) and turns it into a {@link Finding}.
 *
 * @param rule       the rule
 * @param blockClass the class of the block the finding is charged to, e.g. the block that acquired a
 *                   leaked connection; null for the block that was running
 * @param frames     where it happened, innermost call first
 * @param message    what is wrong, without position
 * @param hint       how to fix it
 */
public record RuntimeFinding(Rule rule, String blockClass, List<Thrown.Frame> frames, String message, String hint)
        implements Serializable {

    public static List<Thrown.Frame> frames(StackTraceElement[] stack) {
        List<Thrown.Frame> frames = new ArrayList<>();
        for (StackTraceElement e : stack) {
            frames.add(new Thrown.Frame(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber()));
        }
        return List.copyOf(frames);
    }
}
