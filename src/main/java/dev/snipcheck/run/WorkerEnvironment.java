package dev.snipcheck.run;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment a worker starts with, a JVM or a Python: not snipcheck's own, which in CI holds tokens and keys
 * that a block printing {@code System.getenv()} would put into a report, but what a JVM and a well-behaved program
 * need, and the names the user passes on purpose ({@code --pass-env}, {@code snipcheck.passEnv}, a page's {@code env:}).
 */
final class WorkerEnvironment {

    /**
     * What the JVM, the JDK's own tools and locale-aware code read. {@code JAVA_TOOL_OPTIONS} and
     * {@code JDK_JAVA_OPTIONS} are not among them: they may carry {@code -D} secrets into the worker.
     */
    private static final Set<String> ALLOWED = Set.of("PATH", "HOME", "LANG", "TZ", "TMPDIR", "JAVA_HOME",
            // Windows: the JVM's networking and temporary files need these
            "SYSTEMROOT", "WINDIR", "TEMP", "TMP");

    private WorkerEnvironment() {
    }

    /** The worker's environment: of {@code parent}, the allowed names, {@code LC_*}, and those {@code passed}. */
    static Map<String, String> of(Map<String, String> parent, Collection<String> passed) {
        Map<String, String> environment = new TreeMap<>();
        parent.forEach((name, value) -> {
            if (ALLOWED.contains(name.toUpperCase(java.util.Locale.ROOT)) || name.startsWith("LC_")
                    || passed.contains(name)) {
                environment.put(name, value);
            }
        });
        return environment;
    }
}
