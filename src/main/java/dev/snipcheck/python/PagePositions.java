package dev.snipcheck.python;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.Position;

import java.util.Optional;

/**
 * Maps what the Python worker reports, a Markdown line and a column of the code as Python saw it (container
 * indentation removed), to the Markdown position and to the page's python block holding that line.
 */
final class PagePositions {

    private final Page page;

    PagePositions(Page page) {
        this.page = page;
    }

    /** The Markdown position of a 1-based code column on a Markdown line. */
    Position at(int line, int column) {
        return block(line).map(block -> {
            int[] lines = block.map().lines();
            for (int i = 0; i < lines.length; i++) {
                if (lines[i] == line) {
                    return block.map().position(i, Math.max(0, column - 1));
                }
            }
            return new Position(line, column);
        }).orElse(new Position(line, column));
    }

    /** The python block whose code holds the Markdown line. */
    Optional<Block> block(int line) {
        return page.blocks().stream()
                .filter(Block::isPython)
                .filter(b -> b.map().lineCount() > 0 && b.map().lines()[0] <= line
                        && line <= b.map().lines()[b.map().lineCount() - 1])
                .findFirst();
    }

    /** The Markdown line of a python block's first code line, which the worker numbers its code from. */
    static int firstLine(Block block) {
        return block.map().lineCount() == 0 ? block.fenceLine() + 1 : block.map().lines()[0];
    }
}
