package dev.snipcheck.sql;

/**
 * A parameter placeholder of a statement, which only a prepared statement can take.
 *
 * @param text   as written, {@code $1}
 * @param offset index of its {@code $} in the statement's text
 */
public record SqlParameter(String text, int offset) {

    /** The most parameters a statement may have in PostgreSQL. */
    public static final int MAX = 65_535;

    /** Its number: {@code $2} is the second parameter; one past what PostgreSQL allows when it is longer. */
    public int number() {
        return text.length() > 6 ? MAX + 1 : Integer.parseInt(text.substring(1));
    }
}
