package dev.snipcheck.result;

import dev.snipcheck.markdown.Position;
import dev.snipcheck.rules.Rule;

import java.util.Optional;

/**
 * One thing to show the author about a block: a compiler error, where an exception was thrown,
 * a misuse. Reports print it compiler-style, {@code file:line:col: error[...]: message}, then the
 * Markdown line, a caret and the hint.
 *
 * @param position where in the Markdown file, when known
 * @param message  what is wrong
 * @param hint     how to fix it; empty when there is nothing useful to say
 * @param rule     the misuse rule this finding is about; empty for other failures
 */
public record Finding(Optional<Position> position, String message, String hint, Optional<Rule> rule) {

    public Finding(Optional<Position> position, String message, String hint) {
        this(position, message, hint, Optional.empty());
    }

    public static Finding at(Position position, String message, String hint) {
        return new Finding(Optional.ofNullable(position), message, hint);
    }

    public static Finding misuse(Rule rule, Position position, String message, String hint) {
        return new Finding(Optional.ofNullable(position), message, hint, Optional.of(rule));
    }
}
