package dev.snipcheck.verdict;

import dev.snipcheck.java.CompiledPages;
import dev.snipcheck.java.GeneratedNames;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.protocol.BlockOutcome;
import dev.snipcheck.protocol.Thrown;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.Reason;

import java.util.List;
import java.util.Optional;

/** Judges how a block ran against what it declared ({@code fails}, or nothing: it must complete). */
public final class Outcomes {

    private final Block block;
    private final CompiledPages compiled;
    private final Page page;

    public Outcomes(Block block, CompiledPages compiled, Page page) {
        this.block = block;
        this.compiled = compiled;
        this.page = page;
    }

    public BlockResult judge(BlockOutcome outcome) {
        Thrown thrown = outcome.thrown();
        Optional<String> expected = block.attributes().failsWith();
        if (thrown == null) {
            if (block.attributes().fails()) {
                String message = "completed normally, but is marked `fails" + expected.map(e -> "=" + e).orElse("") + "`";
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
        String hint = PlaceholderHint.of(thrown, block.code())
                .orElse("if the example is meant to throw, mark it `fails=" + simpleName(thrown.className()) + "`");
        return BlockResult.failed(block, Reason.EXCEPTION, message, List.of(Finding.at(where, message, hint)),
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
        return GeneratedNames.readable(thrown.className())
                + (thrown.message() == null ? "" : ": " + GeneratedNames.readable(thrown.message()));
    }

    /** The deepest frame inside snippet code (this block's, or a method an earlier block declared), else the fence. */
    private Position where(Thrown thrown) {
        for (Thrown t = thrown; t != null; t = t.cause()) {
            Optional<Position> position = SnippetFrames.innermost(compiled, t.frames(), block);
            if (position.isPresent()) {
                return position.get();
            }
        }
        return block.fence();
    }

    /** The exception as a reader wants it: snippet frames as Markdown lines, library frames counted. */
    private String trace(Thrown thrown) {
        StackLines stack = new StackLines(compiled, page.displayPath());
        StringBuilder out = new StringBuilder();
        for (Thrown t = thrown; t != null; t = t.cause()) {
            out.append(t == thrown ? "" : "Caused by: ").append(describe(t)).append('\n')
                    .append(stack.snippetFrames(t.frames()));
        }
        return out.toString();
    }
}
