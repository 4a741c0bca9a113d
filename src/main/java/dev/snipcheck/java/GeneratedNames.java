package dev.snipcheck.java;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Rewrites the packages, classes and methods snipcheck generates, in messages a reader sees, as what the reader
 * wrote: their own class names, or the Markdown line of the block. They never wrote {@code Block_L7} or
 * {@code snipcheck$run_L7}.
 */
public final class GeneratedNames {

    /** Any name {@link PageGenerator} and {@link JavaStage} generate, rewritten or not: what no message may contain. */
    public static final Pattern ANY = Pattern.compile(
            "snipcheck\\.p\\d+|Block_L\\d+|SnipcheckScope_L\\d+|SnipcheckPage|" + Pattern.quote(PageGenerator.RUN_METHOD));

    /** Each generated form, most specific first, and what it reads as; {@code $1} is the block's line. */
    private static final List<Rewrite> REWRITES = List.of(
            // a page's package, and the package of a compilation unit block without one of its own
            new Rewrite("\\bsnipcheck\\.p\\d+\\.(?:l\\d+(?:_prelude\\d+)?\\.)?", ""),
            // a block of a prelude file is named as a page's block is, by its line (of the prelude file)
            new Rewrite("(_L\\d+)_prelude\\d+", "$1"),
            // a lambda's class, as Object.toString prints it: Block_L7$$Lambda$179/0x00007f..@2ae96002
            new Rewrite("Block_L(\\d+)\\$\\$Lambda(?:\\$\\d+)?(?:/0x\\p{XDigit}+)?(?:@\\p{XDigit}+)?",
                    "a lambda of the block at line $1"),
            // an anonymous class: Block_L7$1, and its toString's @hash
            new Rewrite("Block_L(\\d+)\\$\\d+(?![\\w$])(?:@\\p{XDigit}+)?", "an anonymous class of the block at line $1"),
            // a local class (Block_L7$1Local) or a member type (Block_L7$Point) of the block: the user's own name
            new Rewrite("Block_L\\d+\\$\\d*(?=[\\p{L}_])", ""),
            // the method a block's statements run in
            new Rewrite("(?:method )?Block_L(\\d+)\\." + Pattern.quote(PageGenerator.RUN_METHOD) + "\\d+(?:\\(\\))?",
                    "the block at line $1"),
            new Rewrite("(?:lambda\\$)?" + Pattern.quote(PageGenerator.RUN_METHOD) + "\\d+(?:\\$\\d+)?(?:\\(\\))?",
                    "the block"),
            // a block's source file, as a frame without a Markdown line names it
            new Rewrite("Block_L(\\d+)\\.java(?::\\d+)?", "the block at line $1"),
            // a static member of a block, named through its class: Block_L7.parse
            new Rewrite("Block_L\\d+\\.(?=[\\p{L}_])", ""),
            // a block's class, and the root of an isolated block's session
            new Rewrite("(?:class )?(?:Block|SnipcheckScope)_L(\\d+)", "the block at line $1"),
            new Rewrite("(?:class )?" + PageGenerator.PAGE_ROOT, "the page"));

    private record Rewrite(Pattern pattern, String replacement) {
        Rewrite(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }
    }

    private GeneratedNames() {
    }

    /** The message with every generated name as the reader's own name or as the line of its block. */
    public static String readable(String message) {
        if (message == null) {
            return null;
        }
        String text = message;
        for (Rewrite rewrite : REWRITES) {
            text = rewrite.pattern().matcher(text).replaceAll(rewrite.replacement());
        }
        return text;
    }

    /** Whether a class is one of those snipcheck generates for a page's blocks. */
    public static boolean isGenerated(String className) {
        return ANY.matcher(className).lookingAt();
    }
}
