package dev.snipcheck.java;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a page's session lacks because the block that declared them was left out (it did not compile,
 * or needed such a name itself): JShell's semantics, where a snippet that fails adds nothing. A later block
 * whose only errors are uses of these names is not run, saying which name it needs and where it was declared.
 */
final class FailedNames {

    /** javac's message for an unknown name, as {@link CompileErrors} words it. */
    private static final Pattern UNKNOWN = Pattern.compile("cannot find symbol: (?:variable|method|class) (\\w+).*");

    /** For each name left out: which block declared it, as a reader reads it. */
    private final Map<String, String> declaredBy = new HashMap<>();

    /** Leaves out the names of a session block that did not compile. */
    void failed(JavaBlock block) {
        add(block, "declared by the failed block at line " + block.block().fenceLine());
    }

    /** Leaves out the names of a session block that was left out because it needs names left out before. */
    void dropped(JavaBlock block) {
        add(block, "declared by the block at line " + block.block().fenceLine() + ", which is not run");
    }

    private void add(JavaBlock block, String why) {
        if (block.block().attributes().extendsSession()) {
            block.declaredNames().forEach(name -> declaredBy.putIfAbsent(name, why));
        }
    }

    /**
     * Why a block with these errors is not run: every error is the use of a name left out. Empty when an error
     * is the block's own.
     */
    Optional<CompileError> needs(List<CompileError> errors) {
        Optional<CompileError> first = Optional.empty();
        for (CompileError error : errors) {
            Matcher unknown = UNKNOWN.matcher(error.message());
            String why = unknown.matches() ? declaredBy.get(unknown.group(1)) : null;
            if (why == null) {
                return Optional.empty();
            }
            if (first.isEmpty()) {
                first = Optional.of(new CompileError(error.position(), "needs `" + unknown.group(1) + "`, " + why));
            }
        }
        return first;
    }
}
