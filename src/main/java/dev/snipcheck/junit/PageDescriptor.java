package dev.snipcheck.junit;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A Markdown page: the container of its selected blocks, which still run with the page's earlier blocks. */
final class PageDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "page";

    private final Page page;
    private final Map<Integer, BlockDescriptor> selected = new TreeMap<>();

    PageDescriptor(UniqueId parent, Page page) {
        super(parent.append(SEGMENT, page.displayPath()), page.displayPath(),
                FileSource.from(page.file().toFile(), FilePosition.from(1)));
        this.page = page;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    Page page() {
        return page;
    }

    /** Selects every checked block of the page. */
    void selectAll() {
        page.blocks().stream().filter(Block::isChecked).forEach(this::select);
    }

    /** Selects the page's checked block whose fence is at {@code line}; false when there is none. */
    boolean selectAt(int line) {
        for (Block block : page.blocks()) {
            if (block.isChecked() && block.prelude().isEmpty() && block.fenceLine() == line) {
                select(block);
                return true;
            }
        }
        return false;
    }

    private void select(Block block) {
        // by ordinal: the blocks of snipcheck.yaml's prelude files come first and count lines of their own
        selected.computeIfAbsent(block.ordinal(), ordinal -> new BlockDescriptor(getUniqueId(), page, block));
    }

    /** Adds the selected blocks as children, in document order. */
    void addSelected() {
        selected.values().forEach(this::addChild);
    }

    /** The blocks that still belong to the page after JUnit's filters ran. */
    List<BlockDescriptor> blocks() {
        List<BlockDescriptor> blocks = new ArrayList<>();
        for (var child : getChildren()) {
            if (child instanceof BlockDescriptor block) {
                blocks.add(block);
            }
        }
        return blocks;
    }
}
