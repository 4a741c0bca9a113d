package dev.snipcheck.cli;

/**
 * What the process's terminal allows.
 *
 * @param interactive stdout is a terminal a person watches: progress may be shown
 * @param colors      ANSI colors would be understood
 */
record Terminal(boolean interactive, boolean colors) {

    static final Terminal NONE = new Terminal(false, false);

    static Terminal detect() {
        // on Java 17, System.console() is non-null only when stdin and stdout are both terminals
        boolean interactive = System.console() != null;
        String term = System.getenv("TERM");
        boolean colors = interactive && !"dumb".equals(term) && System.getenv("NO_COLOR") == null;
        return new Terminal(interactive, colors);
    }
}
