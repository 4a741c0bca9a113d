package dev.snipcheck.java;

import java.util.List;
import java.util.Optional;

/** A top-level piece of a fragment, by what the session does with it. Offsets are into the block's code. */
sealed interface Piece {

    int start();

    int end();

    /** {@code import ...;}: moved to the imports of this and later blocks. */
    record Import(int start, int end) implements Piece {
    }

    /** A method or type declaration named {@code name}: hoisted into the block's class, made static. */
    record Member(int start, int end, boolean isStatic, String name) implements Piece {
    }

    /**
     * The block's last line, an expression without {@code ;}, which JShell takes as that expression: a statement
     * once the {@code ;} is added after it (JShell's printing of its value is not imitated).
     */
    record Expression(int start, int end) implements Piece {
    }

    /** A statement: stays in the block's run method. */
    record Statement(int start, int end) implements Piece {
    }

    /**
     * A local variable declaration: becomes fields of the block's class, so later blocks see it,
     * and assignments in its run method.
     *
     * @param typeStart   start of the declared type (after modifiers and annotations)
     * @param typeEnd     end of the declared type
     * @param inferred    {@code var}, or a type that cannot be copied as text (C-style array brackets)
     * @param declarators one per declared name
     */
    record Var(int start, int end, int typeStart, int typeEnd, boolean inferred, List<Declarator> declarators)
            implements Piece {
    }

    /**
     * One name of a variable declaration.
     *
     * @param comma     offset of the comma before it, or -1 for the first
     * @param initStart start of its initializer, or -1
     * @param bareArray its initializer is {@code {...}} without {@code new T[]}
     * @param evidentType the type of a {@code var}'s initializer that its syntax alone gives (see {@link EvidentType})
     */
    record Declarator(String name, int nameStart, int nameEnd, int comma, int initStart, boolean bareArray,
                      Optional<String> evidentType) {
    }
}
