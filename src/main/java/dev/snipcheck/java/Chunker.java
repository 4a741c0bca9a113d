package dev.snipcheck.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a Java fragment into its top-level statements and declarations, as JShell does, so each
 * can be hoisted or kept in place. Only brackets, strings and comments are understood: what a chunk
 * is, javac decides later.
 */
final class Chunker {

    /** Tokens after a closing brace that continue the same statement: {@code } else}, {@code };}, {@code }).run()}. */
    private static final Set<String> CONTINUES_AFTER_BRACE =
            Set.of(";", ".", ",", ")", "]", "?", ":", "=", "*", "/", "%", "&", "|", "^", ">", "instanceof",
                    "else", "catch", "finally");

    private Chunker() {
    }

    /** A top-level piece of the fragment: {@code code.substring(start, end)}. */
    record Chunk(int start, int end) {
        String text(String code) {
            return code.substring(start, end);
        }
    }

    static List<Chunk> split(String code) {
        List<Token> tokens = tokenize(code);
        List<Chunk> chunks = new ArrayList<>();
        int depth = 0;
        int first = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (first < 0) {
                first = i;
            }
            String text = token.text(code);
            boolean closes = false;
            switch (text) {
                case "(", "[", "{" -> depth++;
                case ")", "]" -> depth = Math.max(0, depth - 1);
                case "}" -> {
                    depth = Math.max(0, depth - 1);
                    closes = depth == 0;
                }
                case ";" -> closes = depth == 0;
                default -> {
                }
            }
            if (!closes) {
                continue;
            }
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).text(code) : "";
            boolean startsWithDo = tokens.get(first).text(code).equals("do");
            boolean continues = text.equals("}")
                    ? CONTINUES_AFTER_BRACE.contains(next) || (startsWithDo && next.equals("while"))
                    : next.equals("else") || (startsWithDo && next.equals("while") && !endsDoWhile(tokens, first, i, code));
            if (!continues) {
                chunks.add(new Chunk(tokens.get(first).start(), token.end()));
                first = -1;
            }
        }
        if (first >= 0) {
            chunks.add(new Chunk(tokens.get(first).start(), tokens.get(tokens.size() - 1).end()));
        }
        return chunks;
    }

    /** {@code do x(); while (c);}: the second semicolon ends it, the first does not. */
    private static boolean endsDoWhile(List<Token> tokens, int first, int last, String code) {
        for (int i = first + 1; i < last; i++) {
            if (tokens.get(i).text(code).equals("while")) {
                return true;
            }
        }
        return false;
    }

    /** A significant token: comments and white space are dropped, literals are one token each. */
    record Token(int start, int end) {
        String text(String code) {
            return code.substring(start, end);
        }
    }

    static List<Token> tokenize(String code) {
        List<Token> tokens = new ArrayList<>();
        int n = code.length();
        int i = 0;
        while (i < n) {
            char c = code.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (code.startsWith("//", i)) {
                int eol = code.indexOf('\n', i);
                i = eol < 0 ? n : eol;
            } else if (code.startsWith("/*", i)) {
                int close = code.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (code.startsWith("\"\"\"", i)) {
                int close = code.indexOf("\"\"\"", i + 3);
                while (close > 0 && code.charAt(close - 1) == '\\') {
                    close = code.indexOf("\"\"\"", close + 1);
                }
                int end = close < 0 ? n : close + 3;
                tokens.add(new Token(i, end));
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && code.charAt(j) != c && code.charAt(j) != '\n') {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(n, j + 1);
                tokens.add(new Token(i, end));
                i = end;
            } else if (Character.isJavaIdentifierStart(c) || Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isJavaIdentifierPart(code.charAt(j)) || code.charAt(j) == '.'
                        && Character.isDigit(c))) {
                    j++;
                }
                tokens.add(new Token(i, j));
                i = j;
            } else {
                tokens.add(new Token(i, i + 1));
                i++;
            }
        }
        return tokens;
    }
}
