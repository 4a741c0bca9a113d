package dev.snipcheck.run;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part {@code index} of {@code count} of a run's pages, for CI matrices: N runners, each given the same pages and
 * its own K, verify disjoint parts whose union is every page. The split depends only on the pages' display paths
 * and block counts, so every runner computes the same one; it is balanced by checked blocks, since they are what a
 * page costs.
 *
 * @param index which part, from 1
 * @param count how many parts
 */
public record Shard(int index, int count) {

    /** What {@code --shard} and its counterparts take, for their messages. */
    public static final String SYNTAX = "K/N with 1 <= K <= N, e.g. 2/4";
    /** The whole run: every page. */
    public static final Shard ALL = new Shard(1, 1);

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist; expected " + SYNTAX);
        }
    }

    /** {@code 2/4} as the front ends take it; empty when it names no part. */
    public static Optional<Shard> parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int index = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        return count >= 1 && index >= 1 && index <= count ? Optional.of(new Shard(index, count)) : Optional.empty();
    }

    /**
     * This part's pages, in their given order. Greedy: the pages by checked blocks, most first (then by path, so
     * that ties split the same way everywhere), each to the part with the fewest blocks so far (the lowest-numbered
     * of equals). No part then has more blocks than another by more than the largest page's.
     */
    public List<Page> select(List<Page> pages) {
        if (count == 1) {
            return pages;
        }
        List<Page> heaviestFirst = new ArrayList<>(pages);
        heaviestFirst.sort(Comparator.comparingLong(Shard::cost).reversed().thenComparing(Page::displayPath));
        long[] load = new long[count];
        Set<Page> mine = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Page page : heaviestFirst) {
            int lightest = 0;
            for (int part = 1; part < count; part++) {
                if (load[part] < load[lightest]) {
                    lightest = part;
                }
            }
            load[lightest] += cost(page);
            if (lightest == index - 1) {
                mine.add(page);
            }
        }
        return pages.stream().filter(mine::contains).toList();
    }

    private static long cost(Page page) {
        return page.blocks().stream().filter(Block::isChecked).count();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
