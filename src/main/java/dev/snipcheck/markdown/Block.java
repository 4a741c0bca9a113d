package dev.snipcheck.markdown;

import java.util.List;
import java.util.Optional;

/**
 * One fenced code block of a page, checked or not.
 *
 * @param ordinal        0-based index among the page's blocks, in document order
 * @param language       first word of the info string, lower case ("" when none)
 * @param infoString     the whole info string as written
 * @param attributes     snipcheck attributes parsed from the info string
 * @param code           the block's content, without fences and container indentation, lines joined by \n
 * @param fenceLine      1-based line of the opening fence in the Markdown file
 * @param hidden         inside a {@code <!-- snipcheck ... -->} comment
 * @param map            where each code line sits in the Markdown file
 * @param expectedOutput the {@code output} block that follows, if any
 * @param problems       malformed attributes; a block with problems fails with reason {@code syntax}
 */
public record Block(
        int ordinal,
        String language,
        String infoString,
        Attributes attributes,
        String code,
        int fenceLine,
        boolean hidden,
        SourceMap map,
        Optional<ExpectedOutput> expectedOutput,
        List<Problem> problems) {

    public boolean isJava() {
        return language.equals("java");
    }

    public boolean isSql() {
        return language.equals("sql");
    }

    public boolean isPython() {
        return language.equals("python");
    }

    public boolean isChecked() {
        return isJava() || isSql() || isPython();
    }

    /** Position of the opening fence. */
    public Position fence() {
        return new Position(fenceLine, 1);
    }
}
