package dev.snipcheck.report;

import dev.snipcheck.markdown.Attributes;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.PageOptions;
import dev.snipcheck.markdown.SourceMap;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Hand-built pages and blocks for report tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** A block whose code lines follow its fence, each starting at {@code column} (as inside a list item). */
    static Block block(int ordinal, String language, int fenceLine, int lineCount, int column, boolean hidden) {
        int[] lines = new int[lineCount];
        int[] columns = new int[lineCount];
        for (int i = 0; i < lineCount; i++) {
            lines[i] = fenceLine + 1 + i;
            columns[i] = column;
        }
        return new Block(ordinal, language, language, Attributes.NONE, "code", fenceLine, hidden,
                new SourceMap(lines, columns), Optional.empty(), List.of());
    }

    static Block block(int ordinal, String language, int fenceLine) {
        return block(ordinal, language, fenceLine, 1, 1, false);
    }

    static Page page(Path file, String displayPath, List<Block> blocks) {
        return new Page(file, displayPath, PageOptions.NONE, blocks, List.of());
    }
}
