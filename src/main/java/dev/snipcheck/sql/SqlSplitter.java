package dev.snipcheck.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a sql block into statements the way psql does: at semicolons outside string literals
 * ({@code '...'}, {@code E'...'} with backslash escapes), quoted identifiers, dollar-quoted bodies
 * ({@code $$ ... $$}, {@code $tag$ ... $tag$}), parentheses, and line or nested block comments.
 * A backslash outside those starts a psql meta-command that runs to the end of its line.
 */
public final class SqlSplitter {

    private final String code;
    private int at;

    private SqlSplitter(String code) {
        this.code = code;
    }

    /** The statements of the code, in order, without empty ones. */
    public static List<SqlStatement> split(String code) {
        return new SqlSplitter(code).statements();
    }

    private List<SqlStatement> statements() {
        List<SqlStatement> statements = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (at >= code.length()) {
                return statements;
            }
            int start = at;
            if (code.charAt(at) == '\\') {
                int end = code.indexOf('\n', at);
                at = end < 0 ? code.length() : end;
                statements.add(new SqlStatement(code.substring(start, at).strip(), start, true));
                continue;
            }
            int end = statementEnd(null, null);
            String text = code.substring(start, end).stripTrailing();
            if (!text.isEmpty()) {
                statements.add(new SqlStatement(text, start, false));
            }
        }
    }

    private void skipSpaceAndComments() {
        while (at < code.length()) {
            char c = code.charAt(at);
            if (Character.isWhitespace(c) || c == ';') {
                at++;
            } else if (startsWith("--")) {
                skipLineComment();
            } else if (startsWith("/*")) {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    /**
     * The words of a statement outside literals, comments and parentheses, in lower case: what
     * its command tag and its kind depend on.
     */
    static List<String> topLevelWords(String statement) {
        List<String> words = new ArrayList<>();
        new SqlSplitter(statement).statementEnd(words, null);
        return words;
    }

    /** The parameter placeholders ({@code $1}, {@code $2} ...) of a statement outside literals and comments, in order. */
    public static List<SqlParameter> parameters(String statement) {
        List<SqlParameter> parameters = new ArrayList<>();
        new SqlSplitter(statement).statementEnd(null, parameters);
        return parameters;
    }

    /**
     * Scans to the end of the statement starting at {@code at}; returns where its text ends and leaves
     * {@code at} after it. Collects the statement's top-level words into {@code words} and its parameter placeholders
     * into {@code parameters}, each unless null.
     */
    private int statementEnd(List<String> words, List<SqlParameter> parameters) {
        int depth = 0;
        while (at < code.length()) {
            char c = code.charAt(at);
            if (c == ';' && depth == 0) {
                return at++;
            } else if (c == '\\') {
                return at;
            } else if (c == '(') {
                depth++;
                at++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
                at++;
            } else if (c == '\'') {
                skipString(isEscapeStringPrefix());
            } else if (c == '"') {
                skipQuoted('"');
            } else if (c == '$' && dollarTag() != null) {
                skipDollarQuoted(dollarTag());
            } else if (c == '$' && parameters != null && at + 1 < code.length() && isAsciiDigit(code.charAt(at + 1))) {
                int start = at++;
                while (at < code.length() && isAsciiDigit(code.charAt(at))) {
                    at++;
                }
                parameters.add(new SqlParameter(code.substring(start, at), start));
            } else if (startsWith("--")) {
                skipLineComment();
            } else if (startsWith("/*")) {
                skipBlockComment();
            } else if (Character.isLetter(c) || c == '_') {
                int start = at;
                while (at < code.length() && isIdentifierPart(code.charAt(at))) {
                    at++;
                }
                if (words != null && depth == 0 && (at >= code.length() || code.charAt(at) != '\'')) {
                    words.add(code.substring(start, at).toLowerCase(java.util.Locale.ROOT));
                }
            } else {
                at++;
            }
        }
        return at;
    }

    /** An {@code E'...'} string: the quote follows a lone E or e. */
    private boolean isEscapeStringPrefix() {
        return at > 0 && (code.charAt(at - 1) == 'E' || code.charAt(at - 1) == 'e')
                && (at < 2 || !isIdentifierPart(code.charAt(at - 2)));
    }

    private void skipString(boolean backslashEscapes) {
        at++;
        while (at < code.length()) {
            char c = code.charAt(at);
            if (backslashEscapes && c == '\\') {
                at += 2;
            } else if (c == '\'') {
                if (at + 1 < code.length() && code.charAt(at + 1) == '\'') {
                    at += 2;
                } else {
                    at++;
                    return;
                }
            } else {
                at++;
            }
        }
    }

    private void skipQuoted(char quote) {
        at++;
        while (at < code.length()) {
            if (code.charAt(at) == quote) {
                if (at + 1 < code.length() && code.charAt(at + 1) == quote) {
                    at += 2;
                    continue;
                }
                at++;
                return;
            }
            at++;
        }
    }

    /** The dollar-quote tag starting at {@code at} ({@code $$} or {@code $name$}), or null: {@code $1} is a parameter. */
    private String dollarTag() {
        if (at > 0 && isIdentifierPart(code.charAt(at - 1))) {
            return null;
        }
        int i = at + 1;
        if (i < code.length() && (Character.isLetter(code.charAt(i)) || code.charAt(i) == '_')) {
            while (i < code.length() && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_')) {
                i++;
            }
        }
        return i < code.length() && code.charAt(i) == '$' ? code.substring(at, i + 1) : null;
    }

    private void skipDollarQuoted(String tag) {
        int end = code.indexOf(tag, at + tag.length());
        at = end < 0 ? code.length() : end + tag.length();
    }

    private void skipLineComment() {
        int end = code.indexOf('\n', at);
        at = end < 0 ? code.length() : end + 1;
    }

    private void skipBlockComment() {
        int depth = 0;
        while (at < code.length()) {
            if (startsWith("/*")) {
                depth++;
                at += 2;
            } else if (startsWith("*/")) {
                at += 2;
                if (--depth == 0) {
                    return;
                }
            } else {
                at++;
            }
        }
    }

    private boolean startsWith(String text) {
        return code.startsWith(text, at);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
