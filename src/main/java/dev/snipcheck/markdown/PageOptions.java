package dev.snipcheck.markdown;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code snipcheck:} section of a page's YAML front matter.
 *
 * @param mode    default API family of the page's blocks
 * @param skip    skip the whole page, with this reason
 * @param imports extra imports for every Java fragment of the page
 * @param timeout default per-block time limit
 * @param allow     misuse rules switched off for the page: rule id to the reason the report shows
 * @param superuser why the page's blocks connect as snipcheck's admin role rather than a role of their own
 * @param env       names of snipcheck's environment variables the page's blocks see besides the allowed ones
 * @param redirect  whether the PostgreSQL connections that blocks open themselves go to the page's database
 * @param cache     whether the page's verdicts may come from the verdict cache; false for a page whose outcome
 *                  depends on the world outside its text (the network, the clock, a file)
 */
public record PageOptions(Optional<Mode> mode, Optional<String> skip, List<String> imports, Optional<Duration> timeout,
                          Map<String, String> allow, Optional<String> superuser, List<String> env, boolean redirect,
                          boolean cache) {

    public static final PageOptions NONE = new PageOptions(Optional.empty(), Optional.empty(), List.of(), Optional.empty());

    public PageOptions(Optional<Mode> mode, Optional<String> skip, List<String> imports, Optional<Duration> timeout) {
        this(mode, skip, imports, timeout, Map.of(), Optional.empty(), List.of(), true, true);
    }
}
