package dev.snipcheck.result;

import dev.snipcheck.markdown.Mode;
import dev.snipcheck.markdown.Page;

import java.util.List;

/**
 * The verdicts of one page's checked blocks, in document order.
 *
 * @param page         the page
 * @param mode         the page's API family
 * @param modeInferred true when the front matter did not set the mode and it was inferred from the blocks
 * @param blocks       one result per checked ({@code java} or {@code sql}) block
 * @param cached       true when the verdicts come from the verdict cache rather than from running the page now
 */
public record PageResult(Page page, Mode mode, boolean modeInferred, List<BlockResult> blocks, boolean cached) {

    /** Verdicts of running the page now. */
    public PageResult(Page page, Mode mode, boolean modeInferred, List<BlockResult> blocks) {
        this(page, mode, modeInferred, blocks, false);
    }

    /** Blocks of other languages: counted as not checked. */
    public long notChecked() {
        return page.blocks().stream().filter(b -> !b.isChecked()).count();
    }
}
