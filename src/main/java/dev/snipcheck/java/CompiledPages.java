package dev.snipcheck.java;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.Position;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/** The outcome of compiling a run's pages: class files, each block's status, and the way back to Markdown. */
public final class CompiledPages {

    private final Path classes;
    private final Map<Block, CompiledBlock> blocks = new IdentityHashMap<>();
    private final Map<Block, String> bindings = new IdentityHashMap<>();
    private final Map<Page, String> pageBindings = new IdentityHashMap<>();
    private final Map<String, GeneratedSource> sourcesByPath;
    /** The block each generated source of a block came from, by the source's path. */
    private final Map<String, Block> blocksByPath = new HashMap<>();

    CompiledPages(Path classes, Map<String, GeneratedSource> sourcesByPath) {
        this.classes = classes;
        this.sourcesByPath = sourcesByPath;
    }

    void put(CompiledBlock block, String bindingsClass) {
        blocks.put(block.block(), block);
        bindings.put(block.block(), bindingsClass);
    }

    void putSource(String path, Block block) {
        blocksByPath.put(path, block);
    }

    void putPage(Page page, String bindingsClass) {
        pageBindings.put(page, bindingsClass);
    }

    /** The class whose static fields hold the bindings of a page's session, which its sql blocks share. */
    public String pageBindingsClass(Page page) {
        return pageBindings.get(page);
    }

    /** The directory holding the compiled snippets. */
    public Path classes() {
        return classes;
    }

    /** What compiling did with a block given in a {@link PageInput}. */
    public CompiledBlock block(Block block) {
        return blocks.get(block);
    }

    /** The class whose static fields hold the bindings ({@code pool}, ...) a block sees. */
    public String bindingsClass(Block block) {
        return bindings.get(block);
    }

    /**
     * The Markdown position of a stack frame of snippet code, empty for frames of other code.
     *
     * @param className  the frame's class
     * @param fileName   the frame's source file name
     * @param lineNumber the frame's line
     */
    public Optional<Position> frame(String className, String fileName, int lineNumber) {
        if (className == null || fileName == null || lineNumber <= 0) {
            return Optional.empty();
        }
        GeneratedSource source = sourcesByPath.get(path(className, fileName));
        return source == null ? Optional.empty() : Optional.of(source.lineToMarkdown(lineNumber));
    }

    /**
     * The block whose code a stack frame of snippet code runs, whose file ({@link Block#file}: the page, or a prelude
     * file) the frame's Markdown position counts lines of; empty for frames of other code.
     */
    public Optional<Block> frameBlock(String className, String fileName) {
        return className == null || fileName == null ? Optional.empty()
                : Optional.ofNullable(blocksByPath.get(path(className, fileName)));
    }

    private static String path(String className, String fileName) {
        int lastDot = className.lastIndexOf('.');
        String pkg = lastDot < 0 ? "" : className.substring(0, lastDot).replace('.', '/') + "/";
        return pkg + fileName;
    }
}
