package dev.snipcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snipcheck.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A block of a prelude file of snipcheck.yaml that fails is reported at that file and its line in every format, and
 * its frames in a stack or a hang report are that file's lines; the page's blocks stay at the page's.
 */
class PreludePositionsTest {

    /** A good prelude block, then one that does not compile, one that throws and one that runs out of time. */
    private static final String SETUP = """
            # Setup

            ```java
            static int parse(String text) {
                return Integer.parseInt(text);
            }
            ```

            ```java isolated
            int broken = "no";
            ```

            ```java isolated
            Integer.parseInt("x");
            ```

            ```java isolated timeout=1s
            Thread.sleep(60_000);
            ```
            """;
    /** A block that uses the prelude's method, and one whose exception comes from inside it. */
    private static final String PAGE = """
            # Page

            ```java
            System.out.println(parse("1"));
            ```

            ```output
            1
            ```

            ```java
            parse("two");
            ```
            """;

    @TempDir
    static Path dir;
    private static SnipcheckRun run;

    @BeforeAll
    static void runThePage() throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("snipcheck.yaml"), "prelude: [docs/setup.md]\n");
        Files.writeString(dir.resolve("docs/setup.md"), SETUP);
        Files.writeString(dir.resolve("docs/page.md"), PAGE);
        run = SnipcheckRun.of(dir, "--postgres-url", TestPostgres.url(), "--format", "text",
                "--report", "json=report.json", "--report", "sarif=report.sarif", "--report", "junit=report.xml",
                "--report", "github=report.github", "--html", "html", "docs/page.md");
    }

    @Test
    void theTextReportNamesThePreludeFileAndItsLines() {
        String out = run.out();
        assertEquals(1, run.exit(), run.toString());
        assertTrue(out.contains("docs/setup.md:10:14: error[compile]: incompatible types: java.lang.String cannot be "
                + "converted to int\n 10 | int broken = \"no\";\n"), out);
        assertTrue(out.contains("docs/setup.md:14:1: error[exception]: threw java.lang.NumberFormatException"), out);
        assertTrue(out.contains("docs/setup.md:18:1: error[timeout]: did not finish within 1000 ms\n"
                + " 18 | Thread.sleep(60_000);\n"), out);
        // the hang report's frame of the prelude block is the prelude's line
        assertTrue(out.contains("\"snipcheck-block\" TIMED_WAITING\n")
                && out.substring(out.indexOf("\"snipcheck-block\"")).contains("\tat docs/setup.md:18\n"), out);
        // a page block failing inside the prelude's method: at the page's line, the stack through both files
        assertTrue(out.contains("docs/page.md:12:1: error[exception]: threw java.lang.NumberFormatException: For input "
                + "string: \"two\"\n 12 | parse(\"two\");\n"), out);
        assertTrue(out.contains("\tat docs/setup.md:5\n") && out.contains("\tat docs/page.md:12\n"), out);
        assertTrue(out.endsWith("2 passed, 4 failed, 0 skipped, 0 not run, 0 not checked\n"), out);
    }

    @Test
    void theJsonReportNamesThePreludeFileOfEachBlockAndDiagnostic() throws IOException {
        List<String> blocks = new ArrayList<>();
        for (JsonNode block : new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("blocks")) {
            StringBuilder text = new StringBuilder(block.get("file").asText() + ":" + block.get("line").asInt() + " "
                    + block.get("verdict").asText());
            block.path("diagnostics").forEach(d -> text.append(" @").append(d.get("file").asText()).append(':')
                    .append(d.get("position").get("line").asInt()).append(':')
                    .append(d.get("position").get("column").asInt()));
            blocks.add(text.toString());
        }
        assertEquals(List.of("docs/setup.md:3 passed", "docs/setup.md:9 failed @docs/setup.md:10:14",
                "docs/setup.md:13 failed @docs/setup.md:14:1", "docs/setup.md:17 failed @docs/setup.md:18:1",
                "docs/page.md:3 passed", "docs/page.md:11 failed @docs/page.md:12:1"), blocks);
    }

    @Test
    void sarifResultsAreInThePreludeFile() throws IOException {
        List<String> results = new ArrayList<>();
        JsonNode sarif = new ObjectMapper().readTree(dir.resolve("report.sarif").toFile());
        for (JsonNode result : sarif.get("runs").get(0).get("results")) {
            JsonNode location = result.get("locations").get(0).get("physicalLocation");
            results.add(result.get("ruleId").asText() + " " + location.get("artifactLocation").get("uri").asText()
                    + ":" + location.get("region").get("startLine").asInt() + ":"
                    + location.get("region").get("startColumn").asInt());
        }
        assertEquals(List.of("compile docs/setup.md:10:14", "exception docs/setup.md:14:1",
                "timeout docs/setup.md:18:1", "exception docs/page.md:12:1"), results);
    }

    @Test
    void aPreludeBlockThatFailsInTwoPagesIsOneSarifResultAndOneAnnotation(@TempDir Path two) throws IOException {
        Files.createDirectories(two.resolve("docs"));
        Files.writeString(two.resolve("snipcheck.yaml"), "prelude: [docs/setup.md]\n");
        Files.writeString(two.resolve("docs/setup.md"), "```java\nint broken = \"no\";\n```\n");
        Files.writeString(two.resolve("docs/a.md"), "```java\nint a = 1;\n```\n");
        Files.writeString(two.resolve("docs/b.md"), "```java\nint b = 2;\n```\n");
        SnipcheckRun.of(two, "--postgres-url", TestPostgres.url(), "--report", "sarif=report.sarif",
                "--report", "github=report.github", "docs/a.md", "docs/b.md");

        List<String> results = new ArrayList<>();
        JsonNode sarif = new ObjectMapper().readTree(two.resolve("report.sarif").toFile());
        for (JsonNode result : sarif.get("runs").get(0).get("results")) {
            results.add(result.get("ruleId").asText() + " " + result.get("locations").get(0).get("physicalLocation")
                    .get("artifactLocation").get("uri").asText());
        }
        assertEquals(List.of("compile docs/setup.md"), results);
        assertEquals(1, Files.readAllLines(two.resolve("report.github")).stream()
                .filter(line -> line.startsWith("::error file=docs/setup.md,")).count());
    }

    @Test
    void githubAnnotationsAreInThePreludeFile() throws IOException {
        List<String> where = Files.readAllLines(dir.resolve("report.github")).stream()
                .filter(line -> line.startsWith("::error "))
                .map(line -> line.substring(0, line.indexOf(",title=")))
                .toList();
        assertEquals(List.of("::error file=docs/setup.md,line=10,col=14", "::error file=docs/setup.md,line=14,col=1",
                "::error file=docs/setup.md,line=18,col=1", "::error file=docs/page.md,line=12,col=1"), where);
    }

    @Test
    void junitTestcasesOfThePreludeAreNamedByItsFile() throws Exception {
        Element suites = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("report.xml").toFile()).getDocumentElement();
        NodeList cases = suites.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            names.add(testcase.getAttribute("classname") + " " + testcase.getAttribute("name"));
        }
        assertEquals(List.of("docs/page.md docs/setup.md line 3 (java, hidden)",
                "docs/page.md docs/setup.md line 9 (java, hidden)", "docs/page.md docs/setup.md line 13 (java, hidden)",
                "docs/page.md docs/setup.md line 17 (java, hidden)", "docs/page.md line 3 (java)",
                "docs/page.md line 11 (java)"), names);
        String failure = suites.getElementsByTagName("failure").item(0).getTextContent();
        assertTrue(failure.startsWith("docs/setup.md:9: error[compile]: does not compile\n"
                + "docs/setup.md:10:14: error[compile]: incompatible types"), failure);
    }

    @Test
    void theHtmlPageShowsThePreludeBlocksAtTheirFileAndThePageBlocksAtTheirLines() throws IOException {
        String html = Files.readString(dir.resolve("html/docs/page.md.html"));
        int prelude = html.indexOf("<details class=\"hidden prelude\">");
        int pageBlock = html.indexOf("id=\"line-3\"");
        assertTrue(prelude >= 0 && pageBlock > prelude, html);
        String fold = html.substring(prelude, pageBlock);
        assertTrue(fold.contains("<span class=\"badge failed\">failed: compile</span><span class=\"where\">"
                + "docs/setup.md:10:14</span>"), fold);
        assertTrue(fold.contains("<span class=\"where\">docs/setup.md:18:1</span>"), fold);
        // the page's block at line 3 has its own verdict, not the prelude's block at line 3 of its file
        assertTrue(html.substring(pageBlock, html.indexOf("</aside>", pageBlock))
                .contains("<span class=\"where\">docs/page.md:3:1</span>"), html);
    }
}
