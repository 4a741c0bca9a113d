package dev.snipcheck.java;

import dev.snipcheck.markdown.Block;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Java block as javac's parser sees it: a whole compilation unit or a fragment of pieces.
 *
 * @param block       the Markdown block
 * @param unit        a compilation unit: package, imports and type declarations only
 * @param packageName the unit's own package, if it declares one
 * @param fileName    the unit's file name (its public type's name), or null for fragments
 * @param mainClass   simple name of the unit's type with {@code public static void main(String[])}, if any
 * @param imports     the unit's import declarations as offsets {start, end}
 * @param pieces      the fragment's pieces in order; empty for units
 */
record JavaBlock(Block block, boolean unit, Optional<String> packageName, String fileName,
                 Optional<String> mainClass, List<int[]> imports, List<Piece> pieces) {

    /** The names the block adds to its session: its variables, methods and types. */
    java.util.stream.Stream<String> declaredNames() {
        return pieces.stream().flatMap(p -> p instanceof Piece.Var v ? v.declarators().stream().map(Piece.Declarator::name)
                : p instanceof Piece.Member m ? java.util.stream.Stream.of(m.name()) : java.util.stream.Stream.empty());
    }

    /** The block's top-level variables declared with {@code var}, whose types javac infers. */
    java.util.stream.Stream<Piece.Var> inferredVars() {
        return pieces.stream().filter(p -> p instanceof Piece.Var v && v.inferred()).map(Piece.Var.class::cast);
    }

    /**
     * Whether the block declares a {@code var} whose type {@code types} does not know yet, and that is not one of
     * the {@code locals} that stay locals of its run method.
     */
    boolean hasVarsToInfer(Map<Piece.Declarator, String> types, java.util.Set<Piece.Declarator> locals) {
        return inferredVars().anyMatch(v -> !v.declarators().stream()
                .allMatch(d -> types.containsKey(d) || locals.contains(d)));
    }
}
