package dev.snipcheck.markdown;

/**
 * An {@code output} block that follows a code block: what that block must print.
 *
 * @param text      the block's content
 * @param fenceLine 1-based line of its opening fence
 * @param map       where each line of the text sits in the Markdown file
 */
public record ExpectedOutput(String text, int fenceLine, SourceMap map) {
}
