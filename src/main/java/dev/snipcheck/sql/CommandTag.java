package dev.snipcheck.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What psql prints after a statement that returns no rows: the server's command tag
 * ({@code INSERT 0 1}, {@code CREATE TABLE}, {@code UPDATE 3}). R2DBC does not expose the tag, so
 * it is derived from the statement's leading words and row count, as the server derives it.
 */
public final class CommandTag {

    private static final Set<String> QUERIES = Set.of("select", "values", "table", "show", "explain");
    private static final Set<String> MAIN_STATEMENTS = Set.of("select", "values", "table", "insert", "update",
            "delete", "merge");
    private static final Set<String> COUNTED = Set.of("insert", "update", "delete", "merge", "copy", "fetch", "move");
    private static final Set<String> MODIFIERS = Set.of("or", "replace", "temp", "temporary", "unlogged", "global",
            "local", "unique", "constraint", "recursive", "trusted", "procedural", "default");
    /** Object kinds named by two words, e.g. {@code MATERIALIZED VIEW}. */
    private static final Set<String> FIRST_OF_TWO = Set.of("foreign", "materialized", "event", "access", "operator",
            "text", "large");

    /**
     * The commands PostgreSQL's {@code PREPARE} does not take (it takes SELECT, VALUES, TABLE, INSERT, UPDATE, DELETE,
     * MERGE and WITH): everything else, a typo included, is given to the server to parse.
     */
    private static final Set<String> NOT_PREPARABLE = Set.of("abort", "alter", "analyse", "analyze", "begin", "call",
            "checkpoint", "close", "cluster", "comment", "commit", "copy", "create", "deallocate", "declare", "discard",
            "do", "drop", "end", "execute", "explain", "fetch", "grant", "import", "listen", "load", "lock", "move",
            "notify", "prepare", "reassign", "refresh", "reindex", "release", "reset", "revoke", "rollback", "savepoint",
            "security", "set", "show", "start", "truncate", "unlisten", "vacuum");

    private CommandTag() {
    }

    /** Whether {@code PREPARE} takes the statement, so that the server can parse and plan it without running it. */
    public static boolean isPreparable(String statement) {
        List<String> words = SqlSplitter.topLevelWords(statement);
        return words.isEmpty() || !NOT_PREPARABLE.contains(words.get(0));
    }

    /** Whether the statement returns rows, so that psql prints a table even when there are none. */
    public static boolean isQuery(String statement) {
        List<String> words = SqlSplitter.topLevelWords(statement);
        String main = mainWord(words);
        return QUERIES.contains(main) && !(main.equals("select") && words.contains("into"));
    }

    /**
     * The tag of a statement that returned no rows.
     *
     * @param count the row count the driver reported; null when none
     */
    public static String of(String statement, Long count) {
        List<String> words = SqlSplitter.topLevelWords(statement);
        String main = mainWord(words);
        // the driver reports no count for commands it does not know (MERGE in r2dbc-postgresql 1.0):
        // a question mark rather than a count that may be wrong
        String n = count == null ? "?" : count.toString();
        if (COUNTED.contains(main)) {
            return upper(main) + (main.equals("insert") ? " 0 " : " ") + n;
        }
        if (main.equals("select") || asQuery(words)) {
            return "SELECT " + n;
        }
        return switch (main) {
            case "create", "drop", "alter" -> upper(main) + " " + objectKind(words.subList(1, words.size()));
            case "begin" -> "BEGIN";
            case "start" -> "START TRANSACTION";
            case "end" -> "COMMIT";
            case "abort" -> "ROLLBACK";
            case "commit", "rollback" -> upper(main) + (words.contains("prepared") ? " PREPARED" : "");
            case "prepare" -> words.size() > 1 && words.get(1).equals("transaction") ? "PREPARE TRANSACTION" : "PREPARE";
            case "truncate" -> "TRUNCATE TABLE";
            case "lock" -> "LOCK TABLE";
            case "analyse" -> "ANALYZE";
            case "declare" -> "DECLARE CURSOR";
            case "close" -> "CLOSE CURSOR";
            case "discard" -> "DISCARD " + (words.size() > 1 ? upper(words.get(1)) : "ALL");
            case "refresh" -> "REFRESH MATERIALIZED VIEW";
            case "deallocate" -> words.contains("all") ? "DEALLOCATE ALL" : "DEALLOCATE";
            default -> upper(main);
        };
    }

    /** CREATE TABLE AS and CREATE MATERIALIZED VIEW report the rows they stored, as SELECT does. */
    private static boolean asQuery(List<String> words) {
        if (words.isEmpty() || !words.get(0).equals("create")) {
            return false;
        }
        String kind = objectKind(words.subList(1, words.size()));
        return kind.equals("MATERIALIZED VIEW") || kind.equals("TABLE") && words.contains("as");
    }

    /** The statement's command word; for WITH, the statement after the common table expressions. */
    private static String mainWord(List<String> words) {
        if (words.isEmpty()) {
            return "";
        }
        if (words.get(0).equals("with")) {
            return words.stream().skip(1).filter(MAIN_STATEMENTS::contains).findFirst().orElse("with");
        }
        return words.get(0);
    }

    private static String objectKind(List<String> words) {
        int i = 0;
        while (i < words.size() && MODIFIERS.contains(words.get(i))) {
            i++;
        }
        if (i >= words.size()) {
            return "";
        }
        String first = words.get(i);
        String second = i + 1 < words.size() ? words.get(i + 1) : "";
        if (first.equals("user") || first.equals("group")) {
            return second.equals("mapping") ? "USER MAPPING" : "ROLE";
        }
        if (first.equals("foreign") && second.equals("data")) {
            return "FOREIGN DATA WRAPPER";
        }
        if (first.equals("text") && i + 2 < words.size()) {
            return upper("text search " + words.get(i + 2));
        }
        return FIRST_OF_TWO.contains(first) ? upper(first + " " + second) : upper(first);
    }

    private static String upper(String word) {
        return word.toUpperCase(Locale.ROOT);
    }
}
