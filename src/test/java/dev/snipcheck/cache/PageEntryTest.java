package dev.snipcheck.cache;

import dev.snipcheck.markdown.MarkdownReader;
import dev.snipcheck.markdown.Mode;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.Reason;
import dev.snipcheck.result.Verdict;
import dev.snipcheck.rules.Rule;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the cache stores of a page comes back field for field, and a damaged or foreign entry is a miss. */
class PageEntryTest {

    private static final Page PAGE = new MarkdownReader().parse("```java\nint one = 1;\n```\n\n```sql\nselect 1;\n```\n",
            Path.of("page.md"), "page.md");

    private static final PageResult RESULT = new PageResult(PAGE, Mode.ASYNC, true, List.of(
            new BlockResult(PAGE.blocks().get(0), Verdict.PASSED, Optional.empty(), "a message\nof two lines",
                    List.of(Rule.UNSUBSCRIBED_PUBLISHER),
                    List.of(Finding.misuse(Rule.UNSUBSCRIBED_PUBLISHER, new Position(2, 5), "dropped", "subscribe"),
                            new Finding(Optional.empty(), "no position", "")),
                    "printed \ud800 (a lone surrogate), tabs\tand é", 42,
                    List.of(Finding.at(new Position(2, 1), "redirected jdbc:postgresql://localhost/test to the page's "
                            + "database", ""))),
            new BlockResult(PAGE.blocks().get(1), Verdict.FAILED, Optional.of(Reason.OUTPUT), "", List.of(), List.of(),
                    "", 7)));

    @Test
    void everyFieldComesBackAndTheResultIsMarkedCached() {
        PageResult read = PageEntry.read(PageEntry.write("key", RESULT), "key", PAGE).orElseThrow();

        assertEquals(new PageResult(PAGE, Mode.ASYNC, true, RESULT.blocks(), true), read);
    }

    @Test
    void anEntryOfAnotherKeyOrTruncatedIsAMiss() {
        byte[] entry = PageEntry.write("key", RESULT);

        assertEquals(Optional.empty(), PageEntry.read(entry, "other key", PAGE));
        assertEquals(Optional.empty(), PageEntry.read(Arrays.copyOf(entry, entry.length - 3), "key", PAGE));
        assertEquals(Optional.empty(), PageEntry.read(new byte[0], "key", PAGE));
    }
}
