package dev.snipcheck.java;

import java.util.regex.Pattern;

/** Removes the packages and classes snipcheck generates from messages a reader sees: they never wrote them. */
public final class GeneratedNames {

    private static final Pattern GENERATED = Pattern.compile("snipcheck\\.p\\d+\\.(l\\d+\\.)?(Block_L\\d+\\.)?");

    private GeneratedNames() {
    }

    public static String strip(String message) {
        return message == null ? null : GENERATED.matcher(message).replaceAll("");
    }
}
