package dev.snipcheck.junit;

/** A class of the test class path that a Markdown block under test uses, as docs use their project's classes. */
public final class Shelf {

    private Shelf() {
    }

    public static String first() {
        return "Dune";
    }
}
