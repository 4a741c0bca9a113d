package dev.snipcheck.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/** Collects the fenced blocks of a Markdown text, hidden ones included, in document order. */
final class FenceCollector {

    private static final Parser PARSER = Parser.builder().build();

    private final LineIndex lines;
    private final List<Block> blocks = new ArrayList<>();
    /** The node of the last block added, which a following {@code output} block may belong to. */
    private Node lastFence;

    private FenceCollector(String text) {
        lines = new LineIndex(text);
    }

    static List<Block> collect(String text) {
        FenceCollector collector = new FenceCollector(text);
        collector.visit(PARSER.parse(text), IntUnaryOperator.identity(), false);
        return List.copyOf(collector.blocks);
    }

    /**
     * Visits the children of a node.
     *
     * @param toFile maps offsets of the parsed text to offsets of the file's text
     */
    private void visit(Node parent, IntUnaryOperator toFile, boolean hidden) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof FencedCodeBlock fence) {
                add(fence, toFile, hidden);
            } else if (node instanceof HtmlBlockBase html) {
                visitHidden(html, toFile);
            } else {
                visit(node, toFile, hidden);
            }
        }
    }

    private void add(FencedCodeBlock fence, IntUnaryOperator toFile, boolean hidden) {
        String info = fence.getInfo().toString();
        String language = InfoString.language(info);
        Content content = content(fence, toFile);
        int fenceLine = position(fence.getStartOffset(), toFile).line();
        if (language.equals("output") && followsCheckedBlock(fence)) {
            Block owner = blocks.get(blocks.size() - 1);
            blocks.set(blocks.size() - 1, new Block(owner.ordinal(), owner.language(), owner.infoString(),
                    owner.attributes(), owner.code(), owner.fenceLine(), owner.hidden(), owner.map(),
                    Optional.of(new ExpectedOutput(content.text(), fenceLine, content.map())), owner.problems()));
            return;
        }
        Attributes attributes = Attributes.NONE;
        List<Problem> problems = List.of();
        if (language.equals("java") || language.equals("sql") || language.equals("python")) {
            int infoStart = fence.getInfo().getStartOffset();
            InfoString parsed = InfoString.parse(info, index -> position(infoStart + index, toFile));
            attributes = parsed.attributes();
            problems = parsed.problems();
        }
        blocks.add(new Block(blocks.size(), language, info, attributes, content.text(), fenceLine, hidden,
                content.map(), Optional.empty(), problems));
        lastFence = fence;
    }

    /** Flexmark keeps no nodes for blank lines, so adjacent siblings have only blank lines between them. */
    private boolean followsCheckedBlock(FencedCodeBlock fence) {
        return fence.getPrevious() != null
                && fence.getPrevious() == lastFence
                && blocks.get(blocks.size() - 1).isChecked()
                && blocks.get(blocks.size() - 1).expectedOutput().isEmpty();
    }

    /** Parses the text of a {@code <!-- snipcheck ... -->} comment as Markdown of its own; other HTML is opaque. */
    private void visitHidden(HtmlBlockBase html, IntUnaryOperator toFile) {
        StringBuilder text = new StringBuilder();
        List<Integer> offsets = new ArrayList<>();
        for (BasedSequence line : html.getContentLines()) {
            for (int i = 0; i < line.length(); i++) {
                text.append(line.charAt(i));
                int offset = line.getIndexOffset(i);
                offsets.add(offset >= 0 ? offset : line.getStartOffset() + i);
            }
        }
        Optional<HiddenComment> comment = HiddenComment.in(text);
        if (comment.isEmpty()) {
            return;
        }
        int from = comment.get().from();
        int until = comment.get().until();
        // an unclosed fence ends at the end of the inner text, one past its last character
        IntUnaryOperator innerToFile = index -> toFile.applyAsInt(
                from + index < until ? offsets.get(from + index) : offsets.get(until - 1) + 1);
        visit(PARSER.parse(text.substring(from, until)), innerToFile, true);
    }

    private Content content(FencedCodeBlock fence, IntUnaryOperator toFile) {
        List<BasedSequence> contentLines = fence.getContentLines();
        int[] lineNumbers = new int[contentLines.size()];
        int[] columns = new int[contentLines.size()];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < contentLines.size(); i++) {
            BasedSequence line = contentLines.get(i);
            Position position = position(line.getStartOffset(), toFile);
            lineNumbers[i] = position.line();
            columns[i] = position.column();
            if (i > 0) {
                text.append('\n');
            }
            text.append(line.trimEOL());
        }
        return new Content(text.toString(), new SourceMap(lineNumbers, columns));
    }

    private Position position(int offset, IntUnaryOperator toFile) {
        return lines.position(toFile.applyAsInt(offset));
    }

    /** A block's text and where its lines sit. */
    private record Content(String text, SourceMap map) {
    }
}
