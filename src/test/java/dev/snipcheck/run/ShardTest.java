package dev.snipcheck.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.DocFinder;
import dev.snipcheck.markdown.Page;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parts of {@code --shard K/N} on this project's own docs and snippets: every page in exactly one part. */
class ShardTest {

    private static List<Page> realPages() throws Exception {
        PageFiles files = new PageFiles(Path.of(""));
        List<Page> pages = new ArrayList<>();
        for (Path file : DocFinder.find(List.of(Path.of("README.md"), Path.of("docs"), Path.of("snippets")),
                link -> { })) {
            pages.add(files.read(file));
        }
        return pages;
    }

    private static long blocks(List<Page> pages) {
        return pages.stream().flatMap(p -> p.blocks().stream()).filter(Block::isChecked).count();
    }

    @Test
    void thePartsCoverEveryPageExactlyOnceAndInTheGivenOrder() throws Exception {
        List<Page> pages = realPages();
        assertTrue(pages.size() > 20, "too few pages to split: " + pages.size());
        List<String> all = pages.stream().map(Page::displayPath).toList();
        for (int n : new int[] {1, 2, 3, 4, 7, pages.size(), pages.size() + 3}) {
            List<String> union = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                List<String> part = new Shard(k, n).select(pages).stream().map(Page::displayPath).toList();
                List<String> inOrder = all.stream().filter(part::contains).toList();
                assertEquals(inOrder, part, "part " + k + "/" + n + " keeps the pages' order");
                union.addAll(part);
            }
            Collections.sort(union);
            List<String> expected = new ArrayList<>(all);
            Collections.sort(expected);
            assertEquals(expected, union, "the parts of " + n + " are every page once");
        }
    }

    @Test
    void thePartsAreBalancedByBlocks() throws Exception {
        List<Page> pages = realPages();
        long largestPage = pages.stream().mapToLong(p -> blocks(List.of(p))).max().orElseThrow();
        for (int n : new int[] {2, 3, 4}) {
            List<Long> loads = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                loads.add(blocks(new Shard(k, n).select(pages)));
            }
            long spread = Collections.max(loads) - Collections.min(loads);
            assertTrue(spread <= largestPage, n + " parts have " + loads + " blocks; largest page " + largestPage);
            assertEquals(blocks(pages), loads.stream().mapToLong(Long::longValue).sum());
        }
    }

    @Test
    void everyRunnerComputesTheSameSplitWhateverOrderItReadThePagesIn() throws Exception {
        List<Page> pages = realPages();
        List<Page> reversed = new ArrayList<>(pages);
        Collections.reverse(reversed);
        for (int k = 1; k <= 3; k++) {
            List<String> part = new Shard(k, 3).select(pages).stream().map(Page::displayPath).sorted().toList();
            List<String> again = new Shard(k, 3).select(reversed).stream().map(Page::displayPath).sorted().toList();
            assertEquals(part, again);
        }
    }

    @Test
    void onlyExistingPartsParse() {
        assertEquals(Optional.of(new Shard(2, 4)), Shard.parse("2/4"));
        assertEquals(Optional.of(new Shard(1, 1)), Shard.parse(" 1 / 1 "));
        for (String bad : List.of("0/2", "3/2", "1/0", "2", "a/b", "-1/2", "1/2/3", "")) {
            assertEquals(Optional.empty(), Shard.parse(bad), bad);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Shard(5, 4));
        assertEquals("shard 5/4 does not exist; expected K/N with 1 <= K <= N, e.g. 2/4", e.getMessage());
    }
}
