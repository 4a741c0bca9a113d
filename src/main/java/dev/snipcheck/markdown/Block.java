package dev.snipcheck.markdown;

import java.nio.file.Path;
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
 * @param prelude        the prelude file of {@code snipcheck.yaml} the block was read from, whose lines
 *                       {@code fenceLine} and {@code map} count; empty for a block of the page itself
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
        List<Problem> problems,
        Optional<PreludeFile> prelude) {

    public Block(int ordinal, String language, String infoString, Attributes attributes, String code, int fenceLine,
                 boolean hidden, SourceMap map, Optional<ExpectedOutput> expectedOutput, List<Problem> problems) {
        this(ordinal, language, infoString, attributes, code, fenceLine, hidden, map, expectedOutput, problems,
                Optional.empty());
    }

    /** A file of {@code prelude:} in snipcheck.yaml: reports name it, not the page, for its blocks. */
    public record PreludeFile(Path file, String displayPath) {
    }

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

    /** The file whose lines {@code fenceLine} and {@code map} count, as reports name it: the page's, or a prelude's. */
    public String displayPath(String pagePath) {
        return prelude.map(PreludeFile::displayPath).orElse(pagePath);
    }

    /** The file whose lines {@code fenceLine} and {@code map} count: the page, or a prelude file. */
    public Path file(Path pageFile) {
        return prelude.map(PreludeFile::file).orElse(pageFile);
    }

    Block withProblems(List<Problem> all) {
        return new Block(ordinal, language, infoString, attributes, code, fenceLine, hidden, map, expectedOutput,
                List.copyOf(all), prelude);
    }

    /** This block as the first blocks of a page's session: hidden, numbered among the page's, named by its file. */
    Block asPrelude(int index, PreludeFile file) {
        return new Block(index, language, infoString, attributes, code, fenceLine, true, map, expectedOutput, problems,
                Optional.of(file));
    }

    Block withOrdinal(int index) {
        return new Block(index, language, infoString, attributes, code, fenceLine, hidden, map, expectedOutput,
                problems, prelude);
    }

    /** Position of the opening fence. */
    public Position fence() {
        return new Position(fenceLine, 1);
    }
}
