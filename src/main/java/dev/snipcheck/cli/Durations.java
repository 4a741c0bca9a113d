package dev.snipcheck.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the {@code --timeout} value: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 1m30s}. */
final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Durations() {
    }

    /** A positive duration, or IllegalArgumentException with a message that says what is expected. */
    static Duration parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        Duration total = null;
        try {
            if (s.startsWith("pt")) {
                total = Duration.parse(s);
            } else {
                Matcher m = PART.matcher(s);
                int end = 0;
                while (m.lookingAt()) {
                    Duration part = switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(Long.parseLong(m.group(1)));
                        case "s" -> Duration.ofSeconds(Long.parseLong(m.group(1)));
                        case "m" -> Duration.ofMinutes(Long.parseLong(m.group(1)));
                        default -> Duration.ofHours(Long.parseLong(m.group(1)));
                    };
                    total = total == null ? part : total.plus(part);
                    end = m.end();
                    m.region(end, s.length());
                }
                if (end != s.length()) {
                    total = null;
                }
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            total = null;
        }
        if (total == null || total.isNegative() || total.isZero()) {
            throw new IllegalArgumentException(
                    "expected a positive duration such as 500ms, 30s, 2m or 1m30s, but was '" + text + "'");
        }
        return total;
    }
}
