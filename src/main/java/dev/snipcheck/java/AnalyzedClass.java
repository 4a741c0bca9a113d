package dev.snipcheck.java;

import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.Position;

import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * One attributed top-level class of a block's generated source, with javac's utilities and the way
 * from a tree back to the Markdown line and column it was copied from.
 */
public final class AnalyzedClass {

    private final Page page;
    private final Block block;
    private final boolean unit;
    private final TreePath path;
    private final Trees trees;
    private final Types types;
    private final Elements elements;
    private final GeneratedSource source;

    AnalyzedClass(Page page, Block block, boolean unit, TreePath path, Trees trees, Types types, Elements elements,
                  GeneratedSource source) {
        this.page = page;
        this.block = block;
        this.unit = unit;
        this.path = path;
        this.trees = trees;
        this.types = types;
        this.elements = elements;
        this.source = source;
    }

    public Page page() {
        return page;
    }

    public Block block() {
        return block;
    }

    /** The path to the class: scan it to see the block's code (a fragment's statements and members). */
    public TreePath path() {
        return path;
    }

    public Trees trees() {
        return trees;
    }

    public Types types() {
        return types;
    }

    public Elements elements() {
        return elements;
    }

    /**
     * Whether the method's body holds the block's top-level statements, which run on the main thread:
     * a fragment's statements, or the {@code main} of a compilation unit.
     */
    public boolean runsTopLevel(MethodTree method) {
        return method.getName().contentEquals(unit ? "main" : PageGenerator.runMethod(block));
    }

    /** The Markdown position of a character offset in the generated source. */
    public Position position(long offset) {
        if (offset < 0) {
            return block.fence();
        }
        // LineMap's own column expands tabs; the generated source maps plain character columns
        LineMap lines = path.getCompilationUnit().getLineMap();
        long line = lines.getLineNumber(offset);
        return source.toMarkdown(line, offset - lines.getStartPosition(line) + 1);
    }

    /** The Markdown position where a tree starts. */
    public Position position(Tree tree) {
        return position(trees.getSourcePositions().getStartPosition(path.getCompilationUnit(), tree));
    }

    /** The end offset of a tree in the generated source, -1 when javac does not know it. */
    public long end(Tree tree) {
        return trees.getSourcePositions().getEndPosition(path.getCompilationUnit(), tree);
    }
}
