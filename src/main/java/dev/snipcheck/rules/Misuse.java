package dev.snipcheck.rules;

import dev.snipcheck.markdown.Position;

/**
 * One misuse a rule found in a block's code.
 *
 * @param rule     the rule
 * @param position the Markdown line and column of the offending call's name (or of the offending code's start)
 * @param message  what is wrong, naming the offending call
 * @param hint     how to fix it
 */
public record Misuse(Rule rule, Position position, String message, String hint) {
}
