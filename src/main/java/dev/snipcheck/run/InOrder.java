package dev.snipcheck.run;

import dev.snipcheck.result.PageResult;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The results of a run's pages put back in the order given, whether they came from the cache or from running, so
 * that a listener hears of each page in that order as soon as it and every page before it are known.
 */
final class InOrder {

    private final PageResult[] results;
    private final Deque<Integer> expected = new ArrayDeque<>();
    private final Consumer<PageResult> listener;
    private int heard;

    InOrder(int pages, Consumer<PageResult> listener) {
        this.results = new PageResult[pages];
        this.listener = listener;
    }

    /** A result known now, such as one from the cache. */
    void add(int index, PageResult result) {
        results[index] = result;
        flush();
    }

    /** The page at {@code index} runs: its result is the next one {@link #next} is given. */
    void expect(int index) {
        expected.add(index);
    }

    /** The result of the next page that runs, in the order they were expected. */
    void next(PageResult result) {
        add(expected.remove(), result);
    }

    List<PageResult> all() {
        flush();
        return List.of(results);
    }

    private void flush() {
        while (heard < results.length && results[heard] != null) {
            listener.accept(results[heard++]);
        }
    }
}
