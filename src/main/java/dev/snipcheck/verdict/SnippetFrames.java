package dev.snipcheck.verdict;

import dev.snipcheck.java.CompiledPages;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.protocol.Thrown;

import java.util.List;
import java.util.Optional;

/** Where a stack from the worker points in the Markdown: its innermost frame of snippet code. */
public final class SnippetFrames {

    private SnippetFrames() {
    }

    /** The Markdown position of the innermost frame that is snippet code; empty when no frame is. */
    public static Optional<Position> innermost(CompiledPages compiled, List<Thrown.Frame> frames) {
        for (Thrown.Frame frame : frames) {
            Optional<Position> position = compiled.frame(frame.className(), frame.fileName(), frame.lineNumber());
            if (position.isPresent()) {
                return position;
            }
        }
        return Optional.empty();
    }
}
