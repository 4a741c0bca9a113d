package dev.snipcheck.report;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.result.Verdict;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a run as JUnit XML, the test report GitLab, Jenkins and the Surefire report plugin read: one testsuite per
 * page, one testcase per checked block (classname the page, name its line and language), a failure with the
 * compiler-style text and output, a skipped block (or one not run) with its reason.
 */
public final class JunitReport implements Report {

    private final TextReport text = new TextReport(false, false);

    @Override
    public void write(RunResult result, PrintWriter out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "snipcheck");
            writeCounts(xml, result.pages().stream().flatMap(p -> p.blocks().stream()).toList());
            for (PageResult page : result.pages()) {
                newline(xml, 1);
                writeSuite(xml, page);
            }
            newline(xml, 0);
            xml.writeEndElement();
            newline(xml, 0);
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            // the writer only fails when its target does, and PrintWriter reports that through checkError
            throw new IllegalStateException("could not write the JUnit report", e);
        }
        out.flush();
    }

    private void writeSuite(XMLStreamWriter xml, PageResult page) throws XMLStreamException {
        String path = page.page().displayPath();
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", path);
        writeCounts(xml, page.blocks());
        for (BlockResult block : page.blocks()) {
            newline(xml, 2);
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", path);
            xml.writeAttribute("name", name(block.block()));
            xml.writeAttribute("time", seconds(block.millis()));
            switch (block.verdict()) {
                case FAILED -> {
                    newline(xml, 3);
                    xml.writeStartElement("failure");
                    xml.writeAttribute("type", TextReport.errorId(block));
                    xml.writeAttribute("message", clean(firstLine(block.message())));
                    xml.writeCharacters(clean(text.failure(page.page(), block)));
                    xml.writeEndElement();
                    newline(xml, 2);
                }
                case SKIPPED, NOT_RUN -> {
                    newline(xml, 3);
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", clean(block.verdict().label() + ": " + firstLine(block.message())));
                    newline(xml, 2);
                }
                case PASSED -> {
                }
            }
            xml.writeEndElement();
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    private static void writeCounts(XMLStreamWriter xml, List<BlockResult> blocks) throws XMLStreamException {
        long failed = blocks.stream().filter(b -> b.verdict() == Verdict.FAILED).count();
        long skipped = blocks.stream().filter(b -> b.verdict() == Verdict.SKIPPED || b.verdict() == Verdict.NOT_RUN)
                .count();
        xml.writeAttribute("tests", String.valueOf(blocks.size()));
        xml.writeAttribute("failures", String.valueOf(failed));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(skipped));
        xml.writeAttribute("time", seconds(blocks.stream().mapToLong(BlockResult::millis).sum()));
    }

    /**
     * {@code line 42 (java)}, and {@code hidden} for a block readers do not see; a block of a prelude file, which runs
     * in the page's session, is named by that file: {@code docs/setup.md line 3 (java, hidden)}.
     */
    static String name(Block block) {
        return block.prelude().map(file -> file.displayPath() + " ").orElse("") + "line " + block.fenceLine() + " (" + block.language() + (block.hidden() ? ", hidden" : "") + ")";
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String firstLine(String message) {
        return message.strip().split("\\R", 2)[0];
    }

    /**
     * XML 1.0 cannot hold most control characters (a block's colored output has ESC) nor lone surrogates, not even
     * escaped: they are written as {@code \}{@code uXXXX} so the report still parses and shows what was there.
     */
    static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                b.append(c).append(text.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xfffd && !Character.isSurrogate(c))) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
