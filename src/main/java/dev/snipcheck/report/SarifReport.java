package dev.snipcheck.report;

import dev.snipcheck.markdown.Position;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.result.Verdict;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Writes a run as one SARIF 2.1.0 log for code scanning: the tool with every rule and reason, and one result per
 * finding of each failed block, at its Markdown line and column.
 */
public final class SarifReport implements Report {

    /** The key of the fingerprint this report computes; a new version when its recipe changes. */
    static final String FINGERPRINT = "snipcheckFinding/v1";

    private final String version;

    /** @param version snipcheck's version, as the log names the tool */
    public SarifReport(String version) {
        this.version = version;
    }

    @Override
    public void write(RunResult result, PrintWriter out) {
        JsonWriter json = new JsonWriter(out);
        json.beginObject();
        json.name("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
        json.name("version").value("2.1.0");
        json.name("runs").beginArray().beginObject();
        writeTool(json);
        json.name("columnKind").value("utf16CodeUnits");
        json.name("results").beginArray();
        Map<String, Integer> seen = new HashMap<>();
        // a prelude block fails the same way in every page it runs in: one alert for its place, not one per page
        Set<String> written = new HashSet<>();
        for (PageResult page : result.pages()) {
            SourceLines pageSource = new SourceLines(page.page().file());
            for (BlockResult block : page.blocks()) {
                if (block.verdict() == Verdict.FAILED) {
                    // a block of a prelude file is at its line there, as every report says
                    SourceLines source = block.block().prelude().isPresent()
                            ? new SourceLines(block.block().file(page.page().file())) : pageSource;
                    String file = block.block().displayPath(page.page().displayPath());
                    for (Diagnostic diagnostic : Diagnostic.of(block)) {
                        if (written.add(file + '\0' + diagnostic)) {
                            writeResult(json, file, diagnostic, source, seen);
                        }
                    }
                }
            }
        }
        json.endArray();
        json.endObject().endArray();
        json.endObject();
        out.print('\n');
        out.flush();
    }

    private void writeTool(JsonWriter json) {
        json.name("tool").beginObject().name("driver").beginObject();
        json.name("name").value("snipcheck");
        json.name("version").value(version);
        json.name("informationUri").value(RuleCatalog.DOCS + "README.md");
        json.name("rules").beginArray();
        for (RuleCatalog.Entry entry : RuleCatalog.ENTRIES) {
            json.beginObject();
            json.name("id").value(entry.id());
            json.name("shortDescription").beginObject().name("text").value(entry.summary()).endObject();
            json.name("helpUri").value(entry.helpUri());
            json.name("defaultConfiguration").beginObject().name("level").value(entry.level()).endObject();
            json.endObject();
        }
        json.endArray();
        json.endObject().endObject();
    }

    private static void writeResult(JsonWriter json, String file, Diagnostic diagnostic, SourceLines source,
                                    Map<String, Integer> seen) {
        Position position = diagnostic.position();
        int index = RuleCatalog.indexOf(diagnostic.ruleId());
        json.beginObject();
        json.name("ruleId").value(diagnostic.ruleId());
        json.name("ruleIndex").value(index);
        json.name("level").value(RuleCatalog.ENTRIES.get(index).level());
        json.name("message").beginObject().name("text").value(diagnostic.message()).endObject();
        json.name("locations").beginArray().beginObject();
        json.name("physicalLocation").beginObject();
        json.name("artifactLocation").beginObject();
        json.name("uri").value(uri(file));
        if (!Path.of(file).isAbsolute()) {
            json.name("uriBaseId").value("%SRCROOT%");
        }
        json.endObject();
        json.name("region").beginObject();
        json.name("startLine").value(position.line());
        json.name("startColumn").value(position.column());
        json.endObject();
        json.endObject();
        json.endObject().endArray();
        String line = source.line(position.line()).map(String::strip).orElse(diagnostic.message());
        json.name("partialFingerprints").beginObject()
                .name(FINGERPRINT).value(fingerprint(file, diagnostic.ruleId(), line, seen))
                .endObject();
        json.endObject();
    }

    /**
     * The same finding on the same line text gets the same fingerprint in every run, wherever the line moves to,
     * so code scanning keeps one alert for it; the same text twice in a file is told apart by its occurrence.
     */
    static String fingerprint(String file, String ruleId, String lineText, Map<String, Integer> seen) {
        String key = file + '\0' + ruleId + '\0' + lineText;
        int occurrence = seen.merge(key, 1, Integer::sum);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((key + '\0' + occurrence).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A URI reference for the displayed path: a relative one stays relative (to the checkout), its spaces escaped. */
    static String uri(String file) {
        Path path = Path.of(file);
        if (path.isAbsolute()) {
            return path.toUri().toString();
        }
        try {
            return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + file, e);
        }
    }
}
