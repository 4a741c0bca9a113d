package dev.snipcheck.report;

import static dev.snipcheck.report.Fixtures.block;
import static dev.snipcheck.report.Fixtures.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Mode;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.Reason;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.result.Verdict;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JunitReportTest {

    @TempDir
    Path dir;

    @Test
    void oneSuitePerPageOneCasePerBlockWithTheReportsCounts() throws Exception {
        RunResult run = run();
        Document xml = parse(junit(run));
        Element root = xml.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals(String.valueOf(run.count(Verdict.PASSED) + run.count(Verdict.FAILED) + run.count(Verdict.SKIPPED)
                + run.count(Verdict.NOT_RUN)), root.getAttribute("tests"));
        assertEquals(String.valueOf(run.count(Verdict.FAILED)), root.getAttribute("failures"));
        assertEquals(String.valueOf(run.count(Verdict.SKIPPED) + run.count(Verdict.NOT_RUN)),
                root.getAttribute("skipped"));
        assertEquals("0", root.getAttribute("errors"));

        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        Element pool = (Element) suites.item(0);
        assertEquals("docs/pool.md", pool.getAttribute("name"));
        assertEquals("4", pool.getAttribute("tests"));
        assertEquals("1", pool.getAttribute("failures"));
        assertEquals("2", pool.getAttribute("skipped"));
        assertEquals("0.015", pool.getAttribute("time"));
        assertEquals("docs/empty.md", ((Element) suites.item(1)).getAttribute("name"));
        assertEquals("0", ((Element) suites.item(1)).getAttribute("tests"));

        List<String> cases = new ArrayList<>();
        NodeList testcases = pool.getElementsByTagName("testcase");
        for (int i = 0; i < testcases.getLength(); i++) {
            Element testcase = (Element) testcases.item(i);
            Element outcome = firstChild(testcase);
            cases.add(testcase.getAttribute("classname") + " | " + testcase.getAttribute("name") + " | "
                    + (outcome == null ? "passed" : outcome.getTagName() + " " + outcome.getAttribute("type")
                    + " " + outcome.getAttribute("message")));
        }
        assertEquals(List.of(
                "docs/pool.md | line 3 (java) | failure exception java.lang.IllegalStateException: boom",
                "docs/pool.md | line 7 (sql, hidden) | passed",
                "docs/pool.md | line 10 (java) | skipped  skipped: ignore",
                "docs/pool.md | line 14 (java) | skipped  not run: an earlier block of its session failed"), cases);

        Element failure = (Element) pool.getElementsByTagName("failure").item(0);
        String text = failure.getTextContent();
        assertTrue(text.startsWith("docs/pool.md:4:5: error[exception]: java.lang.IllegalStateException: boom\n"), text);
        assertTrue(text.contains(" 4 |     throw new IllegalStateException(\"boom\");\n"), text);
        assertTrue(text.contains("= output:\n     before \\u001b[31mred\\u001b[0m"), text);
    }

    @Test
    void anEmptyRunIsAnEmptyTestsuites() throws Exception {
        Element root = parse(junit(new RunResult(List.of(), "db"))).getDocumentElement();
        assertEquals("0", root.getAttribute("tests"));
        assertEquals(0, root.getElementsByTagName("testsuite").getLength());
    }

    @Test
    void charactersXmlCannotHoldAreSpelledOut() {
        assertEquals("a\\u0000b\\u001bc\td\n", JunitReport.clean("a\u0000b\u001bc\td\n"));
        assertEquals("\\ud800x \uD83D\uDE00", JunitReport.clean("\uD800x \uD83D\uDE00"));
    }

    private RunResult run() throws Exception {
        Path file = dir.resolve("pool.md");
        Files.writeString(file, """
                # Pool

                ```java
                    throw new IllegalStateException("boom");
                ```
                <!-- snipcheck
                ```sql
                select 1;
                ```
                ```java ignore
                old();
                ```

                ```java
                next();
                ```
                """);
        Block thrown = block(0, "java", 3, 1, 1, false);
        Block hidden = block(1, "sql", 7, 1, 1, true);
        Block ignored = block(2, "java", 10);
        Block notRun = block(3, "java", 14);
        Page page = page(file, "docs/pool.md", List.of(thrown, hidden, ignored, notRun));
        Page empty = page(dir.resolve("empty.md"), "docs/empty.md", List.of());
        return new RunResult(List.of(
                new PageResult(page, Mode.SYNC, false, List.of(
                        BlockResult.failed(thrown, Reason.EXCEPTION, "java.lang.IllegalStateException: boom",
                                List.of(Finding.at(new Position(4, 5), "java.lang.IllegalStateException: boom", "")),
                                "before \u001b[31mred\u001b[0m\n", 12),
                        BlockResult.passed(hidden, List.of(), "", 3),
                        BlockResult.skipped(ignored, "ignore"),
                        BlockResult.notRun(notRun, "an earlier block of its session failed"))),
                new PageResult(empty, Mode.SYNC, false, List.of())), "db");
    }

    private static Element firstChild(Element element) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                return child;
            }
        }
        return null;
    }

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String junit(RunResult run) {
        StringWriter buffer = new StringWriter();
        new JunitReport().write(run, new PrintWriter(buffer));
        return buffer.toString();
    }
}
