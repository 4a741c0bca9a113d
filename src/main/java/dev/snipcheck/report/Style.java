package dev.snipcheck.report;

/** ANSI styling for the text report, a no-op when color is off. */
final class Style {

    private static final String RESET = "\u001b[0m";

    private final boolean enabled;

    Style(boolean enabled) {
        this.enabled = enabled;
    }

    String error(String s) {
        return wrap("1;31", s);
    }

    String bold(String s) {
        return wrap("1", s);
    }

    String gutter(String s) {
        return wrap("1;34", s);
    }

    String passed(String s) {
        return wrap("32", s);
    }

    String warning(String s) {
        return wrap("33", s);
    }

    String dim(String s) {
        return wrap("2", s);
    }

    private String wrap(String code, String s) {
        return enabled && !s.isEmpty() ? "\u001b[" + code + "m" + s + RESET : s;
    }
}
