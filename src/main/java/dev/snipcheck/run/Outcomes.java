package dev.snipcheck.run;

import dev.snipcheck.java.CompiledPages;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.Position;

import java.util.List;
import java.util.Optional;

/** Judges how a block ran against what it declared ({@code fails}, or nothing: it must complete). */
final class Outcomes {

    private final Block block;
    private final CompiledPages compiled;
    private final Page page;

    Outcomes(Block block, CompiledPages compiled, Page page) {
        this.block = block;
        this.compiled = compiled;
        this.page = page;
    }

    BlockResult judge(BlockOutcome outcome) {
        Thrown thrown = outcome.thrown();
        Optional<String> expected = block.attributes().failsWith();
        if (thrown == null) {
            if (block.attributes().fails()) {
                String message = "completed normally, but is marked `fails`" + expected.map(e -> "=" + e).orElse("");
                return BlockResult.failed(block, Reason.EXPECTATION, message, List.of(Finding.at(block.fence(), message,
                        "make the example throw, or remove `fails`")), outcome.output(), outcome.millis());
            }
            return BlockResult.passed(block, List.of(), outcome.output(), outcome.millis());
        }
        String output = outcome.output() + trace(thrown);
        Position where = where(thrown);
        if (block.attributes().fails()) {
            if (expected.isEmpty() || matches(thrown, expected.get())) {
                return BlockResult.passed(block, List.of(), output, outcome.millis());
            }
            String message = "threw " + describe(thrown) + ", but is marked `fails=" + expected.get() + "`";
            return BlockResult.failed(block, Reason.EXPECTATION, message, List.of(Finding.at(where, message,
                    "expect the exception it throws, or fix the example")), output, outcome.millis());
        }
        String message = "threw " + describe(thrown);
        return BlockResult.failed(block, Reason.EXCEPTION, message, List.of(Finding.at(where, message,
                "if the example is meant to throw, mark it `fails=" + simpleName(thrown.className()) + "`")),
                output, outcome.millis());
    }

    /** Simple or qualified name of the class or a superclass. */
    private static boolean matches(Thrown thrown, String expected) {
        return thrown.types().stream().anyMatch(t -> t.equals(expected) || simpleName(t).equals(expected));
    }

    private static String simpleName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }

    private static String describe(Thrown thrown) {
        return thrown.className() + (thrown.message() == null ? "" : ": " + thrown.message());
    }

    /** The deepest frame inside the block's own code, else inside any snippet, else the fence. */
    private Position where(Thrown thrown) {
        Position anySnippet = null;
        for (Thrown t = thrown; t != null; t = t.cause()) {
            for (Thrown.Frame frame : t.frames()) {
                Optional<Position> position = compiled.frame(frame.className(), frame.fileName(), frame.lineNumber());
                if (position.isPresent()) {
                    if (inBlock(position.get())) {
                        return firstCharacter(position.get());
                    }
                    if (anySnippet == null) {
                        anySnippet = position.get();
                    }
                }
            }
        }
        return anySnippet != null ? anySnippet : block.fence();
    }

    private boolean inBlock(Position position) {
        for (int line : block.map().lines()) {
            if (line == position.line()) {
                return true;
            }
        }
        return false;
    }

    /** Frames carry no column: point at the first character of the code on that line. */
    private Position firstCharacter(Position position) {
        int[] lines = block.map().lines();
        String[] code = block.code().split("\n", -1);
        for (int i = 0; i < lines.length && i < code.length; i++) {
            if (lines[i] == position.line()) {
                int indent = code[i].length() - code[i].stripLeading().length();
                return new Position(position.line(), block.map().columns()[i] + indent);
            }
        }
        return position;
    }

    /** The exception as a reader wants it: snippet frames as Markdown lines, the rest summarized. */
    private String trace(Thrown thrown) {
        StringBuilder out = new StringBuilder();
        for (Thrown t = thrown; t != null; t = t.cause()) {
                out.append(t == thrown ? "" : "Caused by: ").append(describe(t)).append('\n');
                int hidden = 0;
                for (Thrown.Frame frame : t.frames()) {
                    Optional<Position> position = compiled.frame(frame.className(), frame.fileName(), frame.lineNumber());
                    if (position.isPresent()) {
                        if (hidden > 0) {
                            out.append("\t... ").append(hidden).append(" more\n");
                            hidden = 0;
                        }
                        out.append("\tat ").append(page.displayPath()).append(':').append(position.get().line()).append('\n');
                    } else if (frame.className().startsWith("dev.snipcheck.") || frame.className().startsWith("java.lang.reflect.")
                            || frame.className().startsWith("jdk.internal.reflect.")) {
                        break;
                    } else {
                        hidden++;
                    }
                }
                if (hidden > 0) {
                    out.append("\t... ").append(hidden).append(" more\n");
                }
        }
        return out.toString();
    }
}
