package dev.snipcheck.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splits an info string into words: separated by spaces or commas, with quoted values kept whole and {@code {...}} groups dropped. */
final class InfoTokens {

    /**
     * One word of an info string.
     *
     * @param index        0-based index of the word in the info string
     * @param name         the word, or its part before {@code =}
     * @param value        the part after {@code =}, quotes removed; empty when there is no {@code =}
     * @param unterminated a quote of the value is never closed
     */
    record Token(int index, String name, Optional<String> value, boolean unterminated) {
    }

    private InfoTokens() {
    }

    /** The first word: the block's language as written. */
    static String first(String info) {
        int end = 0;
        while (end < info.length() && !isSeparator(info.charAt(end)) && info.charAt(end) != '{') {
            end++;
        }
        return info.substring(0, end);
    }

    /** The words after the first one. */
    static List<Token> rest(String info) {
        List<Token> tokens = new ArrayList<>();
        int i = first(info).length();
        while (i < info.length()) {
            char c = info.charAt(i);
            if (isSeparator(c)) {
                i++;
            } else if (c == '{') {
                // attribute groups of other tools, e.g. {.line-numbers} or {title="a b"}
                i = groupEnd(info, i);
            } else {
                int end = wordEnd(info, i);
                tokens.add(token(info.substring(i, end), i));
                i = end;
            }
        }
        return tokens;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == ',';
    }

    private static int wordEnd(String info, int start) {
        boolean quoted = false;
        int i = start;
        for (; i < info.length(); i++) {
            char c = info.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && isSeparator(c)) {
                break;
            }
        }
        return Math.min(i, info.length());
    }

    private static int groupEnd(String info, int start) {
        int depth = 0;
        boolean quoted = false;
        for (int i = start; i < info.length(); i++) {
            char c = info.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                depth++;
            } else if (!quoted && c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return info.length();
    }

    private static Token token(String word, int index) {
        int equals = word.indexOf('=');
        if (equals < 0) {
            return new Token(index, word, Optional.empty(), false);
        }
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = equals + 1; i < word.length(); i++) {
            char c = word.charAt(i);
            if (quoted && c == '\\' && i + 1 < word.length()) {
                value.append(word.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
            } else {
                value.append(c);
            }
        }
        return new Token(index, word.substring(0, equals), Optional.of(value.toString()), quoted);
    }
}
