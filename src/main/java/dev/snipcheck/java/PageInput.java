package dev.snipcheck.java;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Mode;
import dev.snipcheck.markdown.Page;

import java.util.List;

/**
 * A page to compile: its Java blocks that are to be compiled (not ignored, not malformed), in
 * document order, and the API family whose imports its fragments get.
 */
public record PageInput(Page page, Mode mode, List<Block> blocks) {
}
