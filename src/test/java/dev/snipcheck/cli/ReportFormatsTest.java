package dev.snipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snipcheck.TestPostgres;
import dev.snipcheck.report.GithubAnnotationsTest;
import dev.snipcheck.report.SarifSchema;
import dev.snipcheck.run.ServerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** One real run feeding the log, code scanning and the CI server's test report at once. */
class ReportFormatsTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void page() throws Exception {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/pool.md"), """
                # Pool

                ```java
                System.out.println("fine");
                ```

                ```java isolated
                int x = "no";
                ```

                ```sh
                mvn verify
                ```

                ```java isolated
                System.out.println("before");
                throw new IllegalStateException("boom");
                ```

                ```java ignore
                old();
                ```
                """);
    }

    @Test
    void oneRunWritesTheTextReportAndEveryRequestedFile() throws Exception {
        Files.createDirectories(dir.resolve("reports"));
        Run run = snipcheck(Map.of(), "--format", "text", "--report", "sarif=reports/snipcheck.sarif",
                "--report", "junit=reports/snipcheck.xml", "--report", "json=snipcheck.json", "docs");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.out().contains("docs/pool.md:8:9: error[compile]: incompatible types"), run.out());
        assertTrue(run.out().endsWith("1 passed, 2 failed, 1 skipped, 0 not run, 1 not checked\n"), run.out());
        assertTrue(!run.out().contains("::error"), run.out());

        JsonNode json = new ObjectMapper().readTree(dir.resolve("snipcheck.json").toFile());
        List<String> verdicts = new ArrayList<>();
        for (JsonNode block : json.get("blocks")) {
            verdicts.add(block.get("line").asInt() + " " + block.get("language").asText() + " "
                    + block.get("verdict").asText());
        }
        assertEquals(List.of("3 java passed", "7 java failed", "11 sh not checked", "15 java failed",
                "20 java skipped"), verdicts);

        String sarif = Files.readString(dir.resolve("reports/snipcheck.sarif"));
        assertEquals(List.of(), SarifSchema.violations(sarif));
        List<String> results = new ArrayList<>();
        for (JsonNode result : new ObjectMapper().readTree(sarif).get("runs").get(0).get("results")) {
            JsonNode location = result.get("locations").get(0).get("physicalLocation");
            results.add(result.get("ruleId").asText() + " " + location.get("artifactLocation").get("uri").asText()
                    + ":" + location.get("region").get("startLine").asInt());
        }
        assertEquals(List.of("compile docs/pool.md:8", "exception docs/pool.md:17"), results);

        Element suites = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("reports/snipcheck.xml").toFile()).getDocumentElement();
        JsonNode summary = json.get("summary");
        int tests = summary.get("passed").asInt() + summary.get("failed").asInt() + summary.get("skipped").asInt()
                + summary.get("notRun").asInt();
        assertEquals(String.valueOf(tests), suites.getAttribute("tests"));
        assertEquals(summary.get("failed").asText(), suites.getAttribute("failures"));
        assertEquals(String.valueOf(summary.get("skipped").asInt() + summary.get("notRun").asInt()),
                suites.getAttribute("skipped"));
        Element failure = (Element) suites.getElementsByTagName("failure").item(1);
        assertTrue(failure.getTextContent().contains("boom"), failure.getTextContent());
        assertTrue(failure.getTextContent().contains("before"), failure.getTextContent());
    }

    @Test
    void onAGithubRunnerTheTextReportIsPrecededByAnnotations() throws Exception {
        Run run = snipcheck(Map.of("GITHUB_ACTIONS", "true"), "docs");
        assertEquals(1, run.exit(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("::error file=docs/pool.md,line=8,col=9,title=compile::incompatible types"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("::error file=docs/pool.md,line=17,col=1,title=exception::"), lines.get(1));
        assertTrue(lines.get(1).contains("boom") && lines.get(1).contains("%0Aoutput:%0Abefore"), lines.get(1));
        for (String command : lines.subList(0, 2)) {
            assertTrue(GithubAnnotationsTest.COMMAND.matcher(command).matches(), command);
        }
        assertEquals("docs/pool.md:7: error[compile]: does not compile", lines.get(2), run.out());
    }

    @Test
    void formatGithubIsTheAnnotationsAndTheSummary() throws Exception {
        Run run = snipcheck(Map.of(), "--format", "github", "docs");
        assertEquals(1, run.exit(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.subList(0, 2).stream().allMatch(l -> GithubAnnotationsTest.COMMAND.matcher(l).matches()),
                run.out());
        assertEquals("1 passed, 2 failed, 1 skipped, 0 not run, 1 not checked", lines.get(2));
    }

    private Run snipcheck(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--postgres-url", TestPostgres.url()));
        all.addAll(List.of(args));
        int exit = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), dir,
                Terminal.NONE, ServerFactory.real(), environment);
        return new Run(exit, out.toString(), err.toString());
    }
}
