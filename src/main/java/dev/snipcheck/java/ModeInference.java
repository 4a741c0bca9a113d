package dev.snipcheck.java;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Mode;
import dev.snipcheck.markdown.Page;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Guesses a page's API family from its Java blocks when the front matter does not say: the
 * family whose names the code uses most. A tie, or no clue, is async: snipcheck is about async docs.
 */
public final class ModeInference {

    private static final List<Pattern> ASYNC = words("pool", "connectionFactory", "Mono", "Flux", "Publisher",
            "subscribe", "r2dbc", "ConnectionPool", "Schedulers");
    private static final List<Pattern> SYNC = words("dataSource", "DataSource", "DriverManager", "ResultSet",
            "PreparedStatement", "executeQuery", "executeUpdate", "java\\.sql", "setAutoCommit");

    private ModeInference() {
    }

    public static Mode infer(Page page) {
        int async = 0;
        int sync = 0;
        for (Block block : page.blocks()) {
            if (!block.isJava()) {
                continue;
            }
            if (block.attributes().mode().isPresent()) {
                boolean declaredAsync = block.attributes().mode().get() == Mode.ASYNC;
                async += declaredAsync ? 5 : 0;
                sync += declaredAsync ? 0 : 5;
                continue;
            }
            async += count(ASYNC, block.code());
            sync += count(SYNC, block.code());
        }
        return sync > async ? Mode.SYNC : Mode.ASYNC;
    }

    private static int count(List<Pattern> patterns, String code) {
        int n = 0;
        for (Pattern pattern : patterns) {
            n += (int) pattern.matcher(code).results().count();
        }
        return n;
    }

    private static List<Pattern> words(String... words) {
        return java.util.Arrays.stream(words).map(w -> Pattern.compile("\\b" + w + "\\b")).toList();
    }
}
