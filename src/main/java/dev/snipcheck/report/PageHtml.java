package dev.snipcheck.report;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.HiddenComment;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.PageResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One page's Markdown rendered by flexmark, each fenced block with its verdict beside it, the blocks of
 * {@code <!-- snipcheck ... -->} comments folded. Blocks and verdicts meet by the line of their opening fence.
 */
final class PageHtml {

    /**
     * The page's own HTML is shown as text, not run: a report must not execute what a page holds. Comments are
     * dropped, as every renderer hides them.
     */
    private static final MutableDataSet OPTIONS = new MutableDataSet()
            .set(HtmlRenderer.ESCAPE_HTML, true)
            .set(HtmlRenderer.SUPPRESS_HTML_COMMENT_BLOCKS, true)
            .set(HtmlRenderer.SUPPRESS_INLINE_HTML_COMMENTS, true);
    private static final Parser PARSER = Parser.builder(OPTIONS).build();

    private final String path;
    /** The blocks of snipcheck.yaml's prelude files, which run first in the page's session. */
    private final List<BlockResult> prelude;
    private final Map<Integer, BlockResult> checked;
    private final Map<Integer, Block> unchecked;
    /** The fence line of each {@code output} block, with the line of the block it belongs to. */
    private final Map<Integer, Integer> outputs = new HashMap<>();

    PageHtml(PageResult page) {
        path = page.page().displayPath();
        prelude = page.blocks().stream().filter(b -> b.block().prelude().isPresent()).toList();
        // by line of the page: a prelude block's line counts lines of its own file
        checked = page.blocks().stream().filter(b -> b.block().prelude().isEmpty())
                .collect(Collectors.toMap(b -> b.block().fenceLine(), b -> b, (a, b) -> a));
        unchecked = page.page().blocks().stream().filter(b -> !b.isChecked())
                .collect(Collectors.toMap(Block::fenceLine, b -> b, (a, b) -> a));
        for (Block block : page.page().blocks()) {
            block.expectedOutput().ifPresent(output -> outputs.put(output.fenceLine(), block.fenceLine()));
        }
    }

    /** The page's body as HTML, after its prelude blocks when snipcheck.yaml gives it some. */
    String render(String markdown) {
        return preludeHtml() + render(markdown, 1);
    }

    /**
     * The prelude blocks, folded as hidden blocks are, each with its code and its verdict at its own file's line
     * ({@code docs/setup.md:9}); their verdicts show on the fold, so that a failure does not hide in it.
     */
    private String preludeHtml() {
        if (prelude.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<details class=\"hidden prelude\"><summary>prelude from snipcheck.yaml, "
                + "run first " + prelude.stream().map(VerdictHtml::badge).collect(Collectors.joining(" "))
                + "</summary>\n");
        for (BlockResult result : prelude) {
            String where = result.block().displayPath(path);
            html.append("<div class=\"block ").append(VerdictHtml.cssClass(result.verdict()))
                    .append("\" id=\"prelude-").append(result.block().ordinal()).append("\">\n<div class=\"code\">")
                    .append("<p class=\"where\">").append(Html.escape(where + ":" + result.block().fenceLine()))
                    .append("</p><pre><code>").append(Html.escape(result.block().code())).append("</code></pre></div>\n")
                    .append(VerdictHtml.of(where, result)).append("</div>\n");
        }
        return html.append("</details>\n").toString();
    }

    /** @param firstLine the file's line the text starts at */
    private String render(String markdown, int firstLine) {
        HtmlRenderer renderer = HtmlRenderer.builder(OPTIONS)
                .nodeRendererFactory(options -> new Verdicts(firstLine))
                .build();
        return renderer.render(PARSER.parse(markdown));
    }

    /** Renders fences with their verdicts and hidden comments folded; the rest as flexmark does. */
    private final class Verdicts implements NodeRenderer {
        private final int firstLine;

        Verdicts(int firstLine) {
            this.firstLine = firstLine;
        }

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, this::fence),
                    new NodeRenderingHandler<>(HtmlBlock.class, this::html),
                    new NodeRenderingHandler<>(HtmlCommentBlock.class, this::html));
        }

        private void fence(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
            int line = firstLine + node.getStartLineNumber();
            BlockResult result = checked.get(line);
            Block other = unchecked.get(line);
            if (result == null && other == null) {
                Integer owner = outputs.get(line);
                html.raw("<div class=\"expected\">" + (owner == null ? ""
                        : "<div class=\"label\">output block of the block at line " + owner + "</div>"));
                context.delegateRender();
                html.raw("</div>\n");
                return;
            }
            String css = result == null ? "not-checked" : VerdictHtml.cssClass(result.verdict());
            html.raw("<div class=\"block " + css + "\" id=\"line-" + line + "\">\n<div class=\"code\">");
            context.delegateRender();
            html.raw("</div>\n" + (result == null ? VerdictHtml.notChecked(other.language())
                    : VerdictHtml.of(path, result)) + "</div>\n");
        }

        private void html(HtmlBlockBase node, NodeRendererContext context, HtmlWriter html) {
            StringBuilder text = new StringBuilder();
            for (BasedSequence line : node.getContentLines()) {
                text.append(line);
            }
            Optional<HiddenComment> comment = HiddenComment.in(text);
            if (comment.isEmpty()) {
                context.delegateRender();
                return;
            }
            int from = comment.get().from();
            int until = comment.get().until();
            int innerLine = firstLine + node.getStartLineNumber()
                    + (int) text.subSequence(0, from).chars().filter(c -> c == '\n').count();
            int lastLine = innerLine + (int) text.subSequence(from, until).chars().filter(c -> c == '\n').count();
            html.raw("<details class=\"hidden\"><summary>hidden from readers, lines " + innerLine + "–" + lastLine
                    + " " + badges(innerLine, lastLine) + "</summary>\n");
            html.raw(render(text.substring(from, until), innerLine));
            html.raw("</details>\n");
        }

        /** The verdicts inside a fold, so that a failure does not hide in it. */
        private String badges(int from, int to) {
            List<BlockResult> inside = checked.values().stream()
                    .filter(b -> b.block().fenceLine() >= from && b.block().fenceLine() <= to)
                    .sorted((a, b) -> Integer.compare(a.block().fenceLine(), b.block().fenceLine()))
                    .toList();
            return inside.stream().map(VerdictHtml::badge).collect(Collectors.joining(" "));
        }
    }
}
