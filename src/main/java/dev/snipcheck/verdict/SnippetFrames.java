package dev.snipcheck.verdict;

import dev.snipcheck.java.CompiledPages;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.protocol.Thrown;

import java.util.List;
import java.util.Optional;

/** Where a stack from the worker points in the Markdown: its innermost frame of snippet code. */
public final class SnippetFrames {

    private SnippetFrames() {
    }

    /**
     * The Markdown position of the innermost frame of snippet code in the file of {@code block}, whose lines a
     * finding of the block counts: a prelude file's for a block of a prelude, the page's for one of the page (a
     * method of a prelude that the page calls is then found at the page's line that called it). Empty when no frame
     * is there.
     */
    public static Optional<Position> innermost(CompiledPages compiled, List<Thrown.Frame> frames, Block block) {
        for (Thrown.Frame frame : frames) {
            boolean sameFile = compiled.frameBlock(frame.className(), frame.fileName())
                    .filter(in -> in.prelude().equals(block.prelude())).isPresent();
            Optional<Position> position = compiled.frame(frame.className(), frame.fileName(), frame.lineNumber());
            if (sameFile && position.isPresent()) {
                return position;
            }
        }
        return Optional.empty();
    }
}
