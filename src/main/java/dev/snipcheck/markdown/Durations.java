package dev.snipcheck.markdown;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the time limits of info strings, front matter and the command line: {@code 500ms},
 * {@code 30s}, {@code 2m}, {@code 1h}, {@code 1m30s}, or ISO-8601 {@code PT45S}.
 */
public final class Durations {

    /** What to write instead, for messages about a value that does not parse. */
    public static final String HINT = "write a positive duration such as `10s`, `500ms`, `2m` or `1m30s`";

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Durations() {
    }

    /** A positive duration, or empty when the text is not one. */
    public static Optional<Duration> parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        try {
            Duration total = s.startsWith("pt") ? Duration.parse(s) : sumOfParts(s);
            return total == null || total.isNegative() || total.isZero() ? Optional.empty() : Optional.of(total);
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration sumOfParts(String s) {
        Matcher m = PART.matcher(s);
        Duration total = null;
        int end = 0;
        while (m.lookingAt()) {
            long amount = Long.parseLong(m.group(1));
            Duration part = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            total = total == null ? part : total.plus(part);
            end = m.end();
            m.region(end, s.length());
        }
        return end == s.length() ? total : null;
    }
}
