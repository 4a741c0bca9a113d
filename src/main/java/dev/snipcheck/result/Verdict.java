package dev.snipcheck.result;

/** The one verdict every checked block ends with. */
public enum Verdict {
    PASSED("passed"), FAILED("failed"), SKIPPED("skipped"), NOT_RUN("not run");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** As written in reports: {@code passed}, {@code failed}, {@code skipped}, {@code not run}. */
    public String label() {
        return label;
    }
}
