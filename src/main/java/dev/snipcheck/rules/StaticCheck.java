package dev.snipcheck.rules;

import dev.snipcheck.java.AnalyzedClass;

import java.util.List;

/** A misuse rule that javac's attributed trees show: one class per rule, listed in {@link StaticChecks}. */
interface StaticCheck {

    /** The misuses in one analyzed class of a block, in any order. */
    List<Misuse> check(AnalyzedClass analyzed);
}
