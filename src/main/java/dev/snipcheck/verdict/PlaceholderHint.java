package dev.snipcheck.verdict;

import dev.snipcheck.protocol.Thrown;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hint for an exception about a placeholder of the docs, such as the {@code <host>} of
 * {@code ConnectionFactories.get("r2dbc:postgresql://<host>:5432/<database>")}: the example is right, it needs a value
 * for snipcheck, which {@code replace:} gives without changing the page.
 */
final class PlaceholderHint {

    /** A lower-case word in angle brackets, as docs write what the reader fills in (a type argument starts upper-case). */
    private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z][a-z0-9_-]*>");

    private PlaceholderHint() {
    }

    /** The hint when an exception of the chain names a placeholder that the block's code holds too. */
    static Optional<String> of(Thrown thrown, String code) {
        for (Thrown t = thrown; t != null; t = t.cause()) {
            if (t.message() == null) {
                continue;
            }
            Matcher matcher = PLACEHOLDER.matcher(t.message());
            while (matcher.find()) {
                String placeholder = matcher.group();
                if (code.contains(placeholder)) {
                    return Optional.of("`" + placeholder + "` is a placeholder of the docs: give it a value with `replace: {\""
                            + placeholder + "\": ...}` in the front matter or snipcheck.yaml, and the page stays as it is");
                }
            }
        }
        return Optional.empty();
    }
}
