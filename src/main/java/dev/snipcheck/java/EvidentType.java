package dev.snipcheck.java;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IntersectionTypeTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.SourcePositions;

import java.util.Optional;

/**
 * The type of a {@code var} initializer that its syntax alone gives, as javac would infer it: a literal, a cast, or
 * a {@code new} of a class written out (no diamond, no body). Such a {@code var} needs no javac analysis to become a
 * field; the analysis round is the dearest javac task of a run (docs/performance.md).
 */
final class EvidentType {

    private EvidentType() {
    }

    /**
     * @param base the offset in the block's code of the parsed source's first character
     */
    static Optional<String> of(ExpressionTree initializer, String code, CompilationUnitTree tree,
                               SourcePositions positions, int base) {
        if (initializer instanceof LiteralTree literal) {
            return literal(literal.getKind());
        }
        Tree type = null;
        if (initializer instanceof NewClassTree created && created.getClassBody() == null
                && created.getEnclosingExpression() == null && !isDiamond(created.getIdentifier())) {
            type = created.getIdentifier();
        } else if (initializer instanceof TypeCastTree cast && !(cast.getType() instanceof IntersectionTypeTree)) {
            type = cast.getType();
        }
        if (type == null) {
            return Optional.empty();
        }
        long start = positions.getStartPosition(tree, type);
        long end = positions.getEndPosition(tree, type);
        if (start < 0 || end < 0) {
            return Optional.empty();
        }
        return Optional.of(code.substring((int) start + base, (int) end + base));
    }

    private static boolean isDiamond(Tree type) {
        return type instanceof ParameterizedTypeTree parameterized && parameterized.getTypeArguments().isEmpty();
    }

    private static Optional<String> literal(Tree.Kind kind) {
        return Optional.ofNullable(switch (kind) {
            case INT_LITERAL -> "int";
            case LONG_LITERAL -> "long";
            case FLOAT_LITERAL -> "float";
            case DOUBLE_LITERAL -> "double";
            case BOOLEAN_LITERAL -> "boolean";
            case CHAR_LITERAL -> "char";
            case STRING_LITERAL -> "java.lang.String";
            default -> null;
        });
    }
}
