package dev.snipcheck.markdown;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options one YAML source declares: a page's front matter or the project's {@code snipcheck.yaml}. What it leaves
 * out is empty, so that a page's front matter can be laid over the project's: see {@link #over}.
 *
 * @param replace      placeholder to the code that replaces it, for every block
 * @param namedReplace name to a map that a block's {@code replace=NAME} adds to {@code replace}
 * @param cache        whether the page's verdicts may come from the verdict cache
 */
record DeclaredOptions(Optional<Mode> mode, Optional<String> skip, List<String> imports, Optional<Duration> timeout,
                       Map<String, String> allow, Optional<String> superuser, List<String> env,
                       Optional<Boolean> redirect, Map<String, String> replace,
                       Map<String, Map<String, String>> namedReplace, Optional<Boolean> cache) {

    static final DeclaredOptions NONE = new DeclaredOptions(Optional.empty(), Optional.empty(), List.of(),
            Optional.empty(), Map.of(), Optional.empty(), List.of(), Optional.empty(), Map.of(), Map.of(), Optional.empty());

    /**
     * These options, a page's, laid over the project's: a single value of the page wins; lists (imports, env) and maps
     * (allow, replace and each named replace map) are joined, the page's entry winning where both name one key.
     */
    DeclaredOptions over(DeclaredOptions project) {
        Map<String, Map<String, String>> named = new LinkedHashMap<>(project.namedReplace);
        namedReplace.forEach((name, map) -> named.merge(name, map, DeclaredOptions::join));
        return new DeclaredOptions(mode.or(project::mode), skip.or(project::skip), union(project.imports, imports),
                timeout.or(project::timeout), join(project.allow, allow), superuser.or(project::superuser),
                union(project.env, env), redirect.or(project::redirect), join(project.replace, replace),
                Map.copyOf(named), cache.or(project::cache));
    }

    PageOptions pageOptions() {
        return new PageOptions(mode, skip, imports, timeout, allow, superuser, env, redirect.orElse(true),
                cache.orElse(true));
    }

    private static List<String> union(List<String> first, List<String> second) {
        LinkedHashSet<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static Map<String, String> join(Map<String, String> base, Map<String, String> winning) {
        Map<String, String> all = new LinkedHashMap<>(base);
        all.putAll(winning);
        return Collections.unmodifiableMap(all);
    }
}
