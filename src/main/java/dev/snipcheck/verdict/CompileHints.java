package dev.snipcheck.verdict;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How to fix the compiler errors that doc authors meet most. */
public final class CompileHints {

    private static final Pattern MISSING = Pattern.compile("cannot find symbol: (?:class|variable) (\\w+)(?::.*)?");
    /** Packages whose classes examples often use without an import that fragments get by default. */
    private static final List<String> COMMON = List.of("java.util.concurrent.atomic", "java.math", "java.nio.file",
            "java.nio.charset", "java.io", "java.net", "java.text", "java.util.regex");
    /** Default imports of one mode only (the contract's "Default imports"). */
    private static final List<String> ASYNC_ONLY = List.of("reactor.core.publisher", "reactor.core.scheduler",
            "io.r2dbc.spi", "io.r2dbc.pool", "org.reactivestreams");
    private static final List<String> SYNC_ONLY = List.of("java.sql", "javax.sql");

    private CompileHints() {
    }

    public static String hint(String message) {
        if (message.startsWith("cannot find symbol")) {
            return missingImport(message).orElse("declare or import it in this block or an earlier one; blocks "
                    + "marked isolated, fails, no_run or compile_fail add nothing to the page's session");
        }
        if (message.startsWith("unreported exception")) {
            return "fragments may throw checked exceptions, but methods they declare must declare or catch them";
        }
        if (message.contains("is already defined")) {
            return "a block may declare a name of an earlier block again with any type, but one of its own only with the same type";
        }
        return "";
    }

    /** The import a well-known class needs, when the missing symbol is one. */
    private static Optional<String> missingImport(String message) {
        Matcher missing = MISSING.matcher(message);
        if (!missing.matches()) {
            return Optional.empty();
        }
        String name = missing.group(1);
        return find(name, COMMON).map(type -> "`" + name + "` is not imported by default: " + fix(type))
                .or(() -> find(name, ASYNC_ONLY).map(type -> "`" + name + "` is not imported by default in a block "
                        + "that is not async: " + fix(type)))
                .or(() -> find(name, SYNC_ONLY).map(type -> "`" + name + "` is not imported by default in a block "
                        + "that is not sync: " + fix(type)));
    }

    private static String fix(String type) {
        return "write `import " + type + ";` in this block or an earlier one";
    }

    private static Optional<String> find(String simpleName, List<String> packages) {
        for (String pkg : packages) {
            try {
                return Optional.of(Class.forName(pkg + "." + simpleName, false, CompileHints.class.getClassLoader())
                        .getName());
            } catch (ClassNotFoundException | LinkageError e) {
                // not in this package: try the next
            }
        }
        return Optional.empty();
    }
}
