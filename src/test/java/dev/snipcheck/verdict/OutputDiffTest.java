package dev.snipcheck.verdict;

import dev.snipcheck.markdown.ExpectedOutput;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.markdown.SourceMap;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputDiffTest {

    /** An output block whose fence is on line 20, its text on lines 21 and on, indented by two. */
    private static ExpectedOutput block(String text) {
        int lines = text.split("\n", -1).length;
        int[] numbers = new int[lines];
        int[] columns = new int[lines];
        for (int i = 0; i < lines; i++) {
            numbers[i] = 21 + i;
            columns[i] = 3;
        }
        return new ExpectedOutput(text, 20, new SourceMap(numbers, columns));
    }

    @Test
    void trailingWhitespaceAndTrailingBlankLinesDoNotCount() {
        assertTrue(OutputDiff.compare(block("a  \nb"), "a\nb \n\n\n", "doc.md").isEmpty());
    }

    @Test
    void anElisionMatchesAnyNumberOfLinesIncludingNone() {
        assertTrue(OutputDiff.compare(block("first\n...\nlast"), "first\n1\n2\n3\nlast\n", "doc.md").isEmpty());
        assertTrue(OutputDiff.compare(block("first\n...\nlast"), "first\nlast\n", "doc.md").isEmpty());
        assertTrue(OutputDiff.compare(block("...\nlast"), "last", "doc.md").isEmpty());
    }

    @Test
    void leadingWhitespaceCounts() {
        assertTrue(OutputDiff.compare(block(" a"), "a", "doc.md").isPresent());
    }

    @Test
    void aMismatchIsAUnifiedDiffNumberedWithTheMarkdownLines() {
        Optional<OutputDiff.Mismatch> mismatch = OutputDiff.compare(block("one\ntwo\nthree\nfour"),
                "one\n2\nthree\nfour\nfive\n", "doc.md");

        assertEquals(new Position(22, 3), mismatch.orElseThrow().position());
        assertEquals("""
                --- doc.md:20 (output block)
                +++ what the block produced
                @@ -21,4 +1,5 @@
                 one
                -two
                +2
                 three
                 four
                +five
                """, mismatch.get().diff());
    }

    @Test
    void linesAfterAnElisionLineUpWithWhatFollowsIt() {
        Optional<OutputDiff.Mismatch> mismatch = OutputDiff.compare(block("...\nline 3\nline 5"),
                "line 0\nline 1\nline 2\nline 3\nline 4\n", "doc.md");

        assertEquals(new Position(23, 3), mismatch.orElseThrow().position());
        assertEquals("""
                --- doc.md:20 (output block)
                +++ what the block produced
                @@ -21,3 +4,2 @@
                 ...
                 line 3
                -line 5
                +line 4
                """, mismatch.get().diff());
    }

    @Test
    void farApartChangesGetHunksOfTheirOwn() {
        String expected = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk";
        String actual = "A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nK";

        assertEquals("""
                --- doc.md:20 (output block)
                +++ what the block produced
                @@ -21,4 +1,4 @@
                -a
                +A
                 b
                 c
                 d
                @@ -28,4 +8,4 @@
                 h
                 i
                 j
                -k
                +K
                """, OutputDiff.compare(block(expected), actual, "doc.md").orElseThrow().diff());
    }
}
