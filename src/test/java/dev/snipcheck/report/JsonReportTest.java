package dev.snipcheck.report;

import static dev.snipcheck.report.Fixtures.block;
import static dev.snipcheck.report.Fixtures.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.snipcheck.result.Verdict;
import dev.snipcheck.rules.Rule;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    @Test
    void writesTheContractDocument() {
        Block failing = block(0, "java", 42, 3, 1, false);
        Block hidden = block(1, "sql", 50, 1, 1, true);
        Block skipped = block(2, "java", 60);
        Block notRun = block(3, "java", 70);
        Block prose = block(4, "text", 80);
        Page page = page(Path.of("pool.md"), "docs/pool.md", List.of(failing, hidden, skipped, notRun, prose));
        RunResult run = new RunResult(List.of(new PageResult(page, Mode.ASYNC, true, List.of(
                BlockResult.failed(failing, Reason.MISUSE, "the Publisher is never subscribed",
                        List.of(Finding.at(new Position(44, 9), "the Publisher is never subscribed", "")),
                        "hello\n", 12).withRules(List.of(Rule.UNSUBSCRIBED_PUBLISHER)),
                BlockResult.passed(hidden, List.of(Rule.CONNECTION_LEAK), "ignored when passed", 3),
                BlockResult.skipped(skipped, "ignored"),
                BlockResult.notRun(notRun, "an earlier block failed")))), "db");

        assertEquals("""
                {
                  "blocks": [
                    {
                      "file": "docs/pool.md",
                      "line": 42,
                      "language": "java",
                      "hidden": false,
                      "verdict": "failed",
                      "reason": "misuse",
                      "rules": [
                        "unsubscribed-publisher"
                      ],
                      "message": "the Publisher is never subscribed",
                      "position": {
                        "line": 44,
                        "column": 9
                      },
                      "millis": 12,
                      "output": "hello\\n",
                      "diagnostics": [
                        {
                          "file": "docs/pool.md",
                          "reason": "misuse",
                          "position": {
                            "line": 44,
                            "column": 9
                          },
                          "message": "the Publisher is never subscribed"
                        }
                      ]
                    },
                    {
                      "file": "docs/pool.md",
                      "line": 50,
                      "language": "sql",
                      "hidden": true,
                      "verdict": "passed",
                      "rules": [
                        "connection-leak"
                      ],
                      "millis": 3
                    },
                    {
                      "file": "docs/pool.md",
                      "line": 60,
                      "language": "java",
                      "hidden": false,
                      "verdict": "skipped",
                      "rules": [],
                      "message": "ignored",
                      "millis": 0
                    },
                    {
                      "file": "docs/pool.md",
                      "line": 70,
                      "language": "java",
                      "hidden": false,
                      "verdict": "not run",
                      "rules": [],
                      "message": "an earlier block failed",
                      "millis": 0
                    },
                    {
                      "file": "docs/pool.md",
                      "line": 80,
                      "language": "text",
                      "hidden": false,
                      "verdict": "not checked"
                    }
                  ],
                  "summary": {
                    "passed": 1,
                    "failed": 1,
                    "skipped": 1,
                    "notRun": 1,
                    "notChecked": 1
                  }
                }
                """, json(run));
    }

    @Test
    void aPassedBlockListsTheMisusesItDemonstratesWithTheirRulesAndLines() throws Exception {
        Block shown = block(0, "java", 20, 3, 1, false);
        Page page = page(Path.of("rule.md"), "docs/rule.md", List.of(shown));
        RunResult run = new RunResult(List.of(new PageResult(page, Mode.ASYNC, false, List.of(
                new BlockResult(shown, Verdict.PASSED, Optional.empty(), "", List.of(Rule.CONNECTION_LEAK),
                        List.of(Finding.misuse(Rule.CONNECTION_LEAK, new Position(22, 5), "never given back",
                                "close it")), "", 7)))), "db");

        JsonNode diagnostic = new ObjectMapper().readTree(json(run)).get("blocks").get(0).get("diagnostics").get(0);
        assertEquals("connection-leak", diagnostic.get("rule").asText());
        assertEquals("never given back", diagnostic.get("message").asText());
        assertEquals("close it", diagnostic.get("hint").asText());
        assertEquals(22, diagnostic.get("position").get("line").asInt());
        assertEquals(5, diagnostic.get("position").get("column").asInt());
    }

    @Test
    void blocksOfOtherLanguagesStandWhereThePageHasThem() throws Exception {
        Block shell = block(0, "sh", 3);
        Block failing = block(1, "java", 10, 2, 4, true);
        Block unlabelled = block(2, "", 20);
        Page page = page(Path.of("guide.md"), "guide.md", List.of(shell, failing, unlabelled));
        RunResult run = new RunResult(List.of(new PageResult(page, Mode.SYNC, false, List.of(
                BlockResult.failed(failing, Reason.MISUSE, "the Publisher is never subscribed", List.of(
                        Finding.misuse(Rule.UNSUBSCRIBED_PUBLISHER, new Position(11, 4),
                                "the Publisher is never subscribed", "subscribe to it"),
                        new Finding(Optional.empty(), "and it threw", "")), "", 1)
                        .withRules(List.of(Rule.UNSUBSCRIBED_PUBLISHER))))), "db");

        JsonNode blocks = new ObjectMapper().readTree(json(run)).get("blocks");
        List<String> seen = new ArrayList<>();
        for (JsonNode block : blocks) {
            seen.add(block.get("line").asInt() + " " + block.get("language").asText() + " "
                    + block.get("verdict").asText());
        }
        assertEquals(List.of("3 sh not checked", "10 java failed", "20  not checked"), seen);
        JsonNode diagnostics = blocks.get(1).get("diagnostics");
        assertEquals(2, diagnostics.size());
        assertEquals("unsubscribed-publisher", diagnostics.get(0).get("rule").asText());
        assertEquals(11, diagnostics.get(0).get("position").get("line").asInt());
        assertEquals(4, diagnostics.get(0).get("position").get("column").asInt());
        assertEquals("subscribe to it", diagnostics.get(0).get("hint").asText());
        assertEquals("and it threw", diagnostics.get(1).get("message").asText());
        assertEquals(false, diagnostics.get(1).has("position"));
        assertEquals(false, diagnostics.get(1).has("rule"));
        assertEquals("misuse", diagnostics.get(1).get("reason").asText(), "a finding of no rule has the block's reason");
        assertEquals(2, new ObjectMapper().readTree(json(run)).get("summary").get("notChecked").asInt());
    }

    @Test
    void aCompileFailureListsEveryCompilerErrorWithItsFilePositionReasonAndHint() throws Exception {
        Block broken = block(0, "java", 30, 3, 1, false);
        Page page = page(Path.of("query.md"), "docs/query.md", List.of(broken));
        RunResult run = new RunResult(List.of(new PageResult(page, Mode.SYNC, false, List.of(
                BlockResult.failed(broken, Reason.COMPILE, "does not compile", List.of(
                        Finding.at(new Position(31, 9), "incompatible types: java.lang.String cannot be converted to int",
                                ""),
                        Finding.at(new Position(32, 12), "cannot find symbol: variable undefinedName",
                                "declare or import it in this block or an earlier one")), "", 0)))), "db");

        JsonNode diagnostics = new ObjectMapper().readTree(json(run)).get("blocks").get(0).get("diagnostics");
        List<String> seen = new ArrayList<>();
        for (JsonNode diagnostic : diagnostics) {
            seen.add(diagnostic.get("file").asText() + ":" + diagnostic.get("position").get("line").asInt() + ":"
                    + diagnostic.get("position").get("column").asInt() + " [" + diagnostic.get("reason").asText()
                    + "] " + diagnostic.get("message").asText()
                    + (diagnostic.has("hint") ? " / " + diagnostic.get("hint").asText() : ""));
        }
        assertEquals(List.of(
                "docs/query.md:31:9 [compile] incompatible types: java.lang.String cannot be converted to int",
                "docs/query.md:32:12 [compile] cannot find symbol: variable undefinedName"
                        + " / declare or import it in this block or an earlier one"), seen);
    }

    @Test
    void aFailedBlockWithoutFindingsHasItsMessageAsTheOneDiagnosticAtItsFence() throws Exception {
        Block lost = block(0, "java", 12, 2, 1, false);
        Page page = page(Path.of("lost.md"), "docs/lost.md", List.of(lost));
        RunResult run = new RunResult(List.of(new PageResult(page, Mode.SYNC, false, List.of(
                BlockResult.failed(lost, Reason.DATABASE, "the database server died", List.of(), "", 0)))), "db");

        JsonNode diagnostics = new ObjectMapper().readTree(json(run)).get("blocks").get(0).get("diagnostics");
        assertEquals(1, diagnostics.size());
        assertEquals("database", diagnostics.get(0).get("reason").asText());
        assertEquals("the database server died", diagnostics.get(0).get("message").asText());
        assertEquals(12, diagnostics.get(0).get("position").get("line").asInt());
    }

    @Test
    void emptyRun() {
        assertEquals("""
                {
                  "blocks": [],
                  "summary": {
                    "passed": 0,
                    "failed": 0,
                    "skipped": 0,
                    "notRun": 0,
                    "notChecked": 0
                  }
                }
                """, json(new RunResult(List.of(), "db")));
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\"", JsonWriter.quote("a\"b\\c"));
        assertEquals("\"\\n\\r\\t\\b\\f\"", JsonWriter.quote("\n\r\t\b\f"));
        assertEquals("\"\\u0000\\u001b\\u001f \\u007f\"", JsonWriter.quote("\u0000\u001b\u001f \u007f"));
        assertEquals("\"/<>\"", JsonWriter.quote("/<>"));
    }

    @Test
    void escapesEverythingOutsideAscii() {
        assertEquals("\"caf\\u00e9\"", JsonWriter.quote("café"));
        assertEquals("\"\\u2028\\u2029\"", JsonWriter.quote("\u2028\u2029"));
        assertEquals("\"\\ud83d\\ude00\"", JsonWriter.quote("\uD83D\uDE00"));
        // a lone surrogate cannot be encoded as UTF-8, but an escape keeps the document valid
        assertEquals("\"\\ud800x\"", JsonWriter.quote("\uD800x"));
    }

    @Test
    void nestedValuesAreSeparatedAndIndented() {
        StringWriter buffer = new StringWriter();
        JsonWriter json = new JsonWriter(new PrintWriter(buffer));
        json.beginArray().value(1).value(true).beginObject().name("k").value("v").endObject()
                .beginArray().endArray().endArray();
        assertEquals("[\n  1,\n  true,\n  {\n    \"k\": \"v\"\n  },\n  []\n]", buffer.toString());
    }

    @Test
    void aBlocksRedirectionsAreItsNotesAndMergeReadsThemBack() throws Exception {
        Block connecting = block(0, "java", 12, 3, 1, false);
        Page page = page(Path.of("query.md"), "docs/query.md", List.of(connecting));
        Finding note = Finding.at(new Position(14, 1),
                "redirected jdbc:postgresql://localhost/test?user=fred&password=*** to the page's database", "");
        RunResult run = new RunResult(List.of(new PageResult(page, Mode.SYNC, false, List.of(
                BlockResult.passed(connecting, List.of(), "", 5).withNotes(List.of(note))))), "db");

        String json = json(run);
        JsonNode written = new ObjectMapper().readTree(json).get("blocks").get(0).get("notes").get(0);
        assertEquals("docs/query.md", written.get("file").asText());
        assertEquals(14, written.get("position").get("line").asInt());
        assertEquals(note.message(), written.get("message").asText());
        JsonReportReader reader = new JsonReportReader(displayPath -> page);
        reader.add("part.json", json);
        assertEquals(List.of(note), reader.result("db").pages().get(0).blocks().get(0).notes());
    }

    private static String json(RunResult run) {
        StringWriter buffer = new StringWriter();
        new JsonReport().write(run, new PrintWriter(buffer));
        return buffer.toString();
    }
}
