package dev.snipcheck.markdown;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the Markdown of a {@code <!-- snipcheck ... -->} comment lies in the text of an HTML block: readers do not see
 * it, snipcheck checks the blocks in it.
 *
 * @param from  the first character after {@code <!-- snipcheck}
 * @param until the {@code -->}, or the end of the text when the comment is not closed
 */
public record HiddenComment(int from, int until) {

    private static final Pattern START = Pattern.compile("\\A[ \\t]*<!--\\s*snipcheck(?![\\w-])");
    private static final String END = "-->";

    /** The hidden Markdown of an HTML block's text; empty when it is other HTML. */
    public static Optional<HiddenComment> in(CharSequence html) {
        Matcher start = START.matcher(html);
        if (!start.find()) {
            return Optional.empty();
        }
        int end = html.toString().indexOf(END, start.end());
        return Optional.of(new HiddenComment(start.end(), end < 0 ? html.length() : end));
    }
}
