package dev.snipcheck.report;

import static dev.snipcheck.report.Fixtures.block;
import static dev.snipcheck.report.Fixtures.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Mode;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.Reason;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.rules.Rule;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {

    private static final String POOL = """
            # Pool

            ```java
            Mono<Connection> c = pool.create();
            Flux.from(statement.execute());
            ```

            ```java
            int x = "no";
            ```

            ```java timeout=1s
            while (true) { }
            ```

            ```java ignore
            old();
            ```
            """;

    @TempDir
    Path dir;

    @Test
    void isAValidSarif210LogWithEveryRuleAndOneResultPerFinding() throws Exception {
        String sarif = sarif(run(POOL, 0));
        assertEquals(List.of(), SarifSchema.violations(sarif));

        JsonNode log = new ObjectMapper().readTree(sarif);
        assertEquals("2.1.0", log.get("version").asText());
        assertEquals(1, log.get("runs").size());
        JsonNode run = log.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertEquals("snipcheck", driver.get("name").asText());
        assertEquals("1.2.3", driver.get("version").asText());

        List<String> ids = new ArrayList<>();
        for (JsonNode rule : driver.get("rules")) {
            ids.add(rule.get("id").asText());
            assertTrue(rule.get("helpUri").asText().startsWith("https://"), rule.toString());
            assertTrue(rule.get("shortDescription").get("text").asText().length() > 10, rule.toString());
        }
        List<String> expected = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            expected.add(rule.id());
        }
        expected.addAll(List.of("compile", "exception", "output", "timeout", "expectation", "database", "syntax"));
        assertEquals(expected, ids);
        JsonNode publisher = driver.get("rules").get(ids.indexOf("unsubscribed-publisher"));
        assertTrue(publisher.get("helpUri").asText().endsWith("/docs/rules/unsubscribed-publisher.md"), publisher.toString());
        assertEquals("error", publisher.get("defaultConfiguration").get("level").asText());
        assertEquals("warning", driver.get("rules").get(ids.indexOf("database")).get("defaultConfiguration")
                .get("level").asText());

        List<String> results = new ArrayList<>();
        for (JsonNode result : run.get("results")) {
            JsonNode location = result.get("locations").get(0).get("physicalLocation");
            JsonNode region = location.get("region");
            results.add(result.get("ruleId").asText() + " " + result.get("level").asText() + " "
                    + location.get("artifactLocation").get("uri").asText() + ":" + region.get("startLine").asInt()
                    + ":" + region.get("startColumn").asInt() + " " + result.get("message").get("text").asText());
            assertEquals(ids.indexOf(result.get("ruleId").asText()), result.get("ruleIndex").asInt());
            assertEquals("%SRCROOT%", location.get("artifactLocation").get("uriBaseId").asText());
        }
        assertEquals(List.of(
                "unsubscribed-publisher error docs/pool.md:4:22 the Publisher is never subscribed\nhint: subscribe to it",
                "connection-leak error docs/pool.md:5:1 a connection is never released",
                "compile error docs/pool.md:9:9 incompatible types: String cannot be converted to int",
                "timeout error docs/pool.md:12:1 did not finish within 1s"), results);
    }

    @Test
    void fingerprintsStayWhenTheFindingMovesAndDifferOtherwise() throws Exception {
        List<String> first = fingerprints(sarif(run(POOL, 0)));
        assertEquals(first, fingerprints(sarif(run(POOL, 0))));
        // three lines added above: every finding moves down, and code scanning must see the same alerts
        assertEquals(first, fingerprints(sarif(run("intro\n\nmore\n" + POOL, 3))));
        assertEquals(first.size(), first.stream().distinct().count(), first.toString());

        String edited = POOL.replace("Flux.from(statement.execute());", "Flux.from(other.execute());");
        List<String> afterEdit = fingerprints(sarif(run(edited, 0)));
        assertEquals(first.get(0), afterEdit.get(0));
        assertNotEquals(first.get(1), afterEdit.get(1));
    }

    @Test
    void theSameLineTwiceGivesTwoFingerprints() {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        String a = SarifReport.fingerprint("docs/a.md", "compile", "x();", seen);
        String b = SarifReport.fingerprint("docs/a.md", "compile", "x();", seen);
        assertNotEquals(a, b);
        assertEquals(a, SarifReport.fingerprint("docs/a.md", "compile", "x();", new java.util.HashMap<>()));
    }

    @Test
    void anEmptyRunIsValidAndHasNoResults() throws Exception {
        String sarif = sarif(new RunResult(List.of(), "db"));
        assertEquals(List.of(), SarifSchema.violations(sarif));
        assertEquals(0, new ObjectMapper().readTree(sarif).get("runs").get(0).get("results").size());
    }

    @Test
    void theSchemaCheckRejectsWhatCodeScanningWouldReject() {
        String valid = sarif(new RunResult(List.of(), "db"));
        assertTrue(!SarifSchema.violations(valid.replace("\"2.1.0\"", "\"2.0.0\"")).isEmpty());
        assertTrue(!SarifSchema.violations(valid.replace("\"name\": \"snipcheck\",", "")).isEmpty());
    }

    @Test
    void pathsBecomeUriReferences() {
        assertEquals("docs/my%20page.md", SarifReport.uri("docs/my page.md"));
        assertEquals("docs/caf%C3%A9.md", SarifReport.uri("docs/café.md"));
        assertTrue(SarifReport.uri(dir.resolve("a.md").toString()).startsWith("file:/"));
    }

    /** The POOL page's results, its lines moved down by {@code shift}. */
    private RunResult run(String markdown, int shift) throws Exception {
        Path file = dir.resolve("pool.md");
        Files.writeString(file, markdown);
        Block misuse = block(0, "java", 3 + shift, 2, 1, false);
        Block compile = block(1, "java", 8 + shift);
        Block timeout = block(2, "java", 12 + shift);
        Block ignored = block(3, "java", 16 + shift);
        Page page = page(file, "docs/pool.md", List.of(misuse, compile, timeout, ignored));
        return new RunResult(List.of(new PageResult(page, Mode.ASYNC, false, List.of(
                BlockResult.failed(misuse, Reason.MISUSE, "the Publisher is never subscribed", List.of(
                        Finding.misuse(Rule.UNSUBSCRIBED_PUBLISHER, new Position(4 + shift, 22),
                                "the Publisher is never subscribed", "subscribe to it"),
                        Finding.misuse(Rule.CONNECTION_LEAK, new Position(5 + shift, 1),
                                "a connection is never released", ""),
                        Finding.at(new Position(5 + shift, 1), "NullPointerException", "")), "", 5)
                        .withRules(List.of(Rule.UNSUBSCRIBED_PUBLISHER, Rule.CONNECTION_LEAK)),
                BlockResult.failed(compile, Reason.COMPILE, "incompatible types: String cannot be converted to int",
                        List.of(Finding.at(new Position(9 + shift, 9),
                                "incompatible types: String cannot be converted to int", "")), "", 0),
                BlockResult.failed(timeout, Reason.TIMEOUT, "did not finish within 1s", List.of(), "", 1000),
                BlockResult.skipped(ignored, "ignore")))), "db");
    }

    private static List<String> fingerprints(String sarif) throws Exception {
        List<String> prints = new ArrayList<>();
        for (JsonNode result : new ObjectMapper().readTree(sarif).get("runs").get(0).get("results")) {
            prints.add(result.get("partialFingerprints").get(SarifReport.FINGERPRINT).asText());
        }
        return prints;
    }

    private static String sarif(RunResult run) {
        StringWriter buffer = new StringWriter();
        new SarifReport("1.2.3").write(run, new PrintWriter(buffer));
        return buffer.toString();
    }
}
