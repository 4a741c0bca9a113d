package dev.snipcheck.rules;

import dev.snipcheck.java.AnalysisListener;
import dev.snipcheck.java.AnalyzedClass;
import dev.snipcheck.markdown.Block;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of static rules, and what they found: it listens to the java stage's analysis and keeps,
 * per block, the misuses of the compilation that was kept. The one place that lists the checks.
 */
public final class StaticChecks implements AnalysisListener {

    private final List<StaticCheck> checks = List.of(
            new UnsubscribedPublisherCheck(),
            new BlockingInEventLoopCheck(),
            new SyncApiInAsyncCheck(),
            new UnjoinedSubscribeCheck(),
            new ResultNotConsumedCheck());

    private final Map<Block, List<Misuse>> found = new IdentityHashMap<>();

    @Override
    public void roundStarted() {
        found.clear();
    }

    @Override
    public void analyzed(AnalyzedClass analyzed) {
        List<Misuse> misuses = found.computeIfAbsent(analyzed.block(), b -> new ArrayList<>());
        for (StaticCheck check : checks) {
            misuses.addAll(check.check(analyzed));
        }
        misuses.sort(Comparator.comparing(Misuse::position).thenComparing(Misuse::rule));
    }

    /** The block's misuses in Markdown order; empty for a block that was not compiled. */
    public List<Misuse> of(Block block) {
        return List.copyOf(found.getOrDefault(block, List.of()));
    }
}
