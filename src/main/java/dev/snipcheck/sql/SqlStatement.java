package dev.snipcheck.sql;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Position;

import java.util.List;

/**
 * One statement of a sql block, as the splitter found it.
 *
 * @param text        the statement without its terminating semicolon, starting at its first keyword
 * @param offset      index of the statement's first character in the block's code
 * @param metaCommand a psql meta-command ({@code \d}, {@code \timing} ...), which only psql understands
 */
public record SqlStatement(String text, int offset, boolean metaCommand) {

    /** Markdown position of a character of this statement, given as PostgreSQL counts error positions: 1-based, in code points. */
    public Position position(Block block, int errorPosition) {
        int codePoints = text.codePointCount(0, text.length());
        int index = errorPosition < 1 || errorPosition > codePoints + 1 ? 0
                : text.offsetByCodePoints(0, Math.min(errorPosition - 1, codePoints));
        return positionOf(block, offset + index);
    }

    /** Markdown position of one of this statement's parameters. */
    public Position position(Block block, SqlParameter parameter) {
        return positionOf(block, offset + parameter.offset());
    }

    /** The statement's parameter placeholders ({@code $1} ...), which only a prepared statement can take. */
    public List<SqlParameter> parameters() {
        return SqlSplitter.parameters(text);
    }

    /** Markdown position of the statement's first character. */
    public Position start(Block block) {
        return positionOf(block, offset);
    }

    /** Whether the statement is {@code COPY ... FROM STDIN} or {@code TO STDOUT}, whose data only psql moves. */
    public boolean copiesThroughClient() {
        List<String> words = SqlSplitter.topLevelWords(text);
        return !words.isEmpty() && words.get(0).equals("copy") && (words.contains("stdin") || words.contains("stdout"));
    }

    private static Position positionOf(Block block, int codeOffset) {
        String code = block.code();
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < codeOffset && i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return block.map().position(line, codeOffset - lineStart);
    }
}
