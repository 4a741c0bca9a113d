package dev.snipcheck.markdown;

/**
 * A malformed info string or front matter, found while reading a page.
 *
 * @param position where the problem is in the Markdown file
 * @param message  what is wrong, e.g. "unknown attribute `norun`"
 * @param hint     how to fix it, e.g. "did you mean `no_run`?"; may be empty
 */
public record Problem(Position position, String message, String hint) {
}
