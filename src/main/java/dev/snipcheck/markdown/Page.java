package dev.snipcheck.markdown;

import java.nio.file.Path;
import java.util.List;

/**
 * A Markdown file and the blocks found in it.
 *
 * @param file        the file as given
 * @param displayPath the path to show in reports: relative to the working directory when inside it
 * @param options     front matter options
 * @param blocks      every fenced block, all languages, in document order
 * @param problems    malformed front matter; every checked block of such a page fails with reason {@code syntax}
 */
public record Page(Path file, String displayPath, PageOptions options, List<Block> blocks, List<Problem> problems) {

    /** What each checked block of a page with problems fails with: its bytes, or else its front matter. */
    public String problemSummary() {
        Problem first = problems.get(0);
        return first.message().startsWith(PageText.NOT_UTF8) ? first.message() : "the page's front matter is malformed";
    }
}
