package dev.snipcheck.junit;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** One checked block: a test at the line of its opening fence. */
final class BlockDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "block";

    private final Page page;
    private final Block block;

    BlockDescriptor(UniqueId page, Page markdown, Block block) {
        super(page.append(SEGMENT, block.prelude().map(p -> p.displayPath() + ":").orElse("") + block.fenceLine()),
                displayName(block),
                FileSource.from(block.file(markdown.file()).toFile(), FilePosition.from(block.fenceLine())));
        this.page = markdown;
        this.block = block;
    }

    /**
     * E.g. {@code line 44: java no_run}, and {@code (hidden)} for a block readers never see; a block of a prelude file
     * names the file: {@code docs/setup.md line 3: java (hidden)}.
     */
    private static String displayName(Block block) {
        return block.prelude().map(p -> p.displayPath() + " ").orElse("") + "line " + block.fenceLine() + ": " + block.infoString().strip() + (block.hidden() ? " (hidden)" : "");
    }

    /** For tools that print this name instead of the display name, without the page beside it: where to look. */
    @Override
    public String getLegacyReportingName() {
        return block.displayPath(page.displayPath()) + ":" + block.fenceLine();
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    Block block() {
        return block;
    }
}
