package dev.snipcheck.python;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.Reason;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges the worker's answer for one python block against what the block declares ({@code fails},
 * {@code compile_fail}, or nothing: it must run to its end). Misuses are judged apart, with the page's.
 */
final class PythonOutcome {

    private final Block block;
    private final PagePositions positions;

    PythonOutcome(Block block, PagePositions positions) {
        this.block = block;
        this.positions = positions;
    }

    BlockResult judge(Map<String, Object> answer) {
        String status = (String) answer.get("status");
        long millis = (Long) answer.getOrDefault("millis", 0L);
        String output = answer.getOrDefault("stdout", "") + (String) answer.getOrDefault("stderr", "");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) answer.get("error");
        if (status.equals("compile")) {
            return compileError(error);
        }
        if (block.attributes().compileFail()) {
            String message = "compiles, but is marked `compile_fail`";
            return BlockResult.failed(block, Reason.EXPECTATION, message, List.of(Finding.at(block.fence(), message,
                    "fix the example so it shows the error, or remove `compile_fail`")), output, millis);
        }
        Optional<String> expected = block.attributes().failsWith();
        if (error == null) {
            if (block.attributes().fails()) {
                String message = "ran without an exception, but is marked `fails" + expected.map(e -> "=" + e)
                        .orElse("") + "`";
                return BlockResult.failed(block, Reason.EXPECTATION, message, List.of(Finding.at(block.fence(),
                        message, "make the example raise, or remove `fails`")), output, millis);
            }
            return BlockResult.passed(block, List.of(), output, millis);
        }
        // the first line: psycopg adds the server's LINE and caret lines, which the traceback shows
        String raised = ((String) error.get("message")).lines().findFirst().orElse("");
        Position where = position(error);
        output += error.get("traceback");
        if (block.attributes().fails()) {
            @SuppressWarnings("unchecked")
            List<Object> names = (List<Object>) error.get("names");
            if (expected.isEmpty() || names.contains(expected.get())) {
                return BlockResult.passed(block, List.of(), output, millis);
            }
            String message = "raised " + raised + ", but is marked `fails=" + expected.get() + "`";
            return BlockResult.failed(block, Reason.EXPECTATION, message, List.of(Finding.at(where, message,
                    "expect the exception it raises, or fix the example")), output, millis);
        }
        String message = "raised " + raised;
        return BlockResult.failed(block, Reason.EXCEPTION, message, List.of(Finding.at(where, message,
                hint(raised, (String) error.get("type")))), output, millis);
    }

    private BlockResult compileError(Map<String, Object> error) {
        String message = (String) error.get("message");
        if (block.attributes().compileFail()) {
            Optional<String> text = block.attributes().compileFailText();
            if (text.isEmpty() || message.contains(text.get())) {
                return BlockResult.passed(block, List.of(), "", 0);
            }
            String mismatch = "the compiler's error does not contain \"" + text.get() + "\"";
            return BlockResult.failed(block, Reason.EXPECTATION, mismatch, List.of(
                    Finding.at(block.fence(), mismatch, "change the expected text or the example"),
                    Finding.at(position(error), message, "")), "", 0);
        }
        return BlockResult.failed(block, Reason.COMPILE, "does not compile", List.of(Finding.at(position(error),
                message, "")), "", 0);
    }

    private Position position(Map<String, Object> error) {
        int line = ((Long) error.get("line")).intValue();
        return line == 0 ? block.fence() : positions.at(line, ((Long) error.get("column")).intValue());
    }

    /** psycopg's async objects refuse a plain {@code with}: where the rule does not apply, the hint still says why. */
    private static String hint(String raised, String type) {
        if (raised.startsWith("TypeError: 'Async") && raised.endsWith("does not support the context manager protocol")) {
            return "psycopg's async objects need `async with`";
        }
        return "if the example is meant to raise, mark it `fails=" + type + "`";
    }
}
