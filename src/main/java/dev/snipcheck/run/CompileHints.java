package dev.snipcheck.run;

/** How to fix the compiler errors that doc authors meet most. */
final class CompileHints {

    private CompileHints() {
    }

    static String hint(String message) {
        if (message.startsWith("cannot find symbol")) {
            return "declare or import it in this block or an earlier one; blocks marked isolated, fails, no_run "
                    + "or compile_fail add nothing to the page's session";
        }
        if (message.startsWith("unreported exception")) {
            return "fragments may throw checked exceptions, but methods they declare must declare or catch them";
        }
        if (message.contains("is already defined")) {
            return "a block may redeclare a name of an earlier block, but not one of its own";
        }
        return "";
    }
}
