package dev.snipcheck.java;

import dev.snipcheck.markdown.Block;

import java.util.List;

/**
 * What compiling did with one Java block.
 *
 * @param block     the block
 * @param status    how it went
 * @param className with COMPILED: the class to run; null for a compilation unit without {@code main}
 * @param main      with COMPILED: a compilation unit, run by its {@code main(String[])}
 * @param errors    with FAILED or EXPECTED_FAILURE: javac's errors at their Markdown positions; with DROPPED, when
 *                  known: the use of the name it lacks, and why (which block declared it)
 */
public record CompiledBlock(Block block, Status status, String className, boolean main, List<CompileError> errors) {

    /** How compiling a block went. */
    public enum Status {
        /** compiled: ready to run */
        COMPILED,
        /** did not compile */
        FAILED,
        /** a {@code compile_fail} block that failed to compile, as declared (its text checked) */
        EXPECTED_FAILURE,
        /** a {@code compile_fail} block that compiled, or whose errors lack the declared text */
        UNEXPECTED_SUCCESS,
        /** not compiled: it needs what an earlier block of its session failed to declare */
        DROPPED
    }

    /** The name of the method that runs a fragment; a unit runs {@code main}. */
    public String method() {
        return main ? "main" : PageGenerator.runMethod(block);
    }
}
