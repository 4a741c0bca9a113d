package dev.snipcheck.verdict;

import dev.snipcheck.java.CompileError;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.Reason;

import java.util.ArrayList;
import java.util.List;

/** The verdicts of blocks that javac judged: one that does not compile, and a {@code compile_fail} one that does. */
public final class CompileVerdicts {

    private CompileVerdicts() {
    }

    /** A block that does not compile, with each of javac's errors at its markdown position and a hint. */
    public static BlockResult doesNotCompile(Block block, List<CompileError> errors) {
        return BlockResult.failed(block, Reason.COMPILE, "does not compile", findings(errors), "", 0);
    }

    /**
     * A {@code compile_fail} block that compiles, or whose errors do not contain the text it expects.
     *
     * @param errors javac's errors; empty when it compiles
     */
    public static BlockResult unexpectedSuccess(Block block, List<CompileError> errors) {
        if (errors.isEmpty()) {
            return BlockResult.failed(block, Reason.EXPECTATION, "compiles, but is marked `compile_fail`",
                    List.of(Finding.at(block.fence(), "compiles, but is marked `compile_fail`",
                            "fix the example so it shows the error, or remove `compile_fail`")), "", 0);
        }
        String message = "no compiler error contains \"" + block.attributes().compileFailText().orElse("") + "\"";
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.at(block.fence(), message,
                "the errors are listed below; change the expected text or the example"));
        findings.addAll(findings(errors));
        return BlockResult.failed(block, Reason.EXPECTATION, message, findings, "", 0);
    }

    private static List<Finding> findings(List<CompileError> errors) {
        return errors.stream().map(e -> Finding.at(e.position(), e.message(), CompileHints.hint(e.message()))).toList();
    }
}
