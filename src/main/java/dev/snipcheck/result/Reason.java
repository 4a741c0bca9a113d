package dev.snipcheck.result;

import java.util.Locale;

/** Why a block failed. */
public enum Reason {
    COMPILE, EXCEPTION, MISUSE, OUTPUT, TIMEOUT, EXPECTATION, DATABASE, SYNTAX;

    /** As written in reports and JSON: {@code compile}, {@code exception}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
