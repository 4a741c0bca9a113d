package dev.snipcheck.java;

/**
 * Hears of every snippet class javac has attributed and flow-checked, while its trees still carry
 * their types: the way a later stage (the misuse rules) looks at the code without this stage knowing it.
 */
public interface AnalysisListener {

    /** Hears of nothing. */
    AnalysisListener NONE = new AnalysisListener() {
        @Override
        public void roundStarted() {
        }

        @Override
        public void analyzed(AnalyzedClass analyzed) {
        }
    };

    /**
     * javac starts compiling every remaining block again, because the previous round had errors:
     * what the listener heard since the previous call is about classes that are not kept.
     */
    void roundStarted();

    /** A top-level class of a block's generated source is analyzed; the trees are valid during this call only. */
    void analyzed(AnalyzedClass analyzed);
}
