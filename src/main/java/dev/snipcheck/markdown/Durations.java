package dev.snipcheck.markdown;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the time limits of info strings and front matter: a whole number and a unit, {@code ms}, {@code s} or {@code m}. */
final class Durations {

    static final String HINT = "write a positive duration such as `10s`, `500ms` or `2m`";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

    private Durations() {
    }

    static Optional<Duration> parse(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
        return duration.isZero() ? Optional.empty() : Optional.of(duration);
    }
}
