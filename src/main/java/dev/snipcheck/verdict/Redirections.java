package dev.snipcheck.verdict;

import dev.snipcheck.java.CompiledPages;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.protocol.BlockOutcome;
import dev.snipcheck.protocol.Redirection;
import dev.snipcheck.result.Finding;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connections each block of a page opened itself that went to the page's database instead of the one they
 * named, as notes at the line that connected: the innermost frame of snippet code, else the block's fence.
 */
public final class Redirections {

    private final CompiledPages compiled;
    private final Map<Block, List<Finding>> notes = new IdentityHashMap<>();

    public Redirections(CompiledPages compiled) {
        this.compiled = compiled;
    }

    public void ran(Block block, BlockOutcome outcome) {
        if (!outcome.redirections().isEmpty()) {
            notes.put(block, outcome.redirections().stream().map(redirection -> note(block, redirection)).toList());
        }
    }

    /** The notes of a block; empty when it connected nowhere else, or did not run. */
    public List<Finding> of(Block block) {
        return notes.getOrDefault(block, List.of());
    }

    private Finding note(Block block, Redirection redirection) {
        return Finding.at(SnippetFrames.innermost(compiled, redirection.frames(), block).orElse(block.fence()),
                "redirected " + redirection.target() + " to the page's database", "");
    }
}
