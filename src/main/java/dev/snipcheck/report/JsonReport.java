package dev.snipcheck.report;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.result.Verdict;
import dev.snipcheck.rules.Rule;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a run as the machine-readable JSON document of the contract: one entry per block, with verdict
 * {@code not checked} for the languages snipcheck does not check.
 */
public final class JsonReport implements Report {

    /** The verdict of a block in a language snipcheck does not check, as the contract spells it. */
    static final String NOT_CHECKED = "not checked";

    @Override
    public void write(RunResult result, PrintWriter out) {
        JsonWriter json = new JsonWriter(out);
        json.beginObject();
        json.name("blocks").beginArray();
        for (PageResult page : result.pages()) {
            Map<Integer, BlockResult> results = new HashMap<>();
            for (BlockResult block : page.blocks()) {
                results.put(block.block().ordinal(), block);
            }
            // document order, with the blocks of other languages where they stand: a coverage tool sees them all
            for (Block block : page.page().blocks()) {
                if (results.containsKey(block.ordinal())) {
                    writeBlock(json, block.displayPath(page.page().displayPath()), results.get(block.ordinal()),
                            page.cached());
                } else if (!block.isChecked()) {
                    writeNotChecked(json, block.displayPath(page.page().displayPath()), block);
                }
            }
        }
        json.endArray();
        json.name("summary").beginObject();
        json.name("passed").value(result.count(Verdict.PASSED));
        json.name("failed").value(result.count(Verdict.FAILED));
        json.name("skipped").value(result.count(Verdict.SKIPPED));
        json.name("notRun").value(result.count(Verdict.NOT_RUN));
        json.name("notChecked").value(result.notChecked());
        json.endObject();
        json.endObject();
        out.print('\n');
        out.flush();
    }

    private static void writeBlock(JsonWriter json, String file, BlockResult result, boolean cached) {
        boolean failed = result.verdict() == Verdict.FAILED;
        json.beginObject();
        json.name("file").value(file);
        json.name("line").value(result.block().fenceLine());
        json.name("language").value(result.block().language());
        json.name("hidden").value(result.block().hidden());
        json.name("verdict").value(result.verdict().label());
        if (failed && result.reason().isPresent()) {
            json.name("reason").value(result.reason().get().id());
        }
        json.name("rules").beginArray();
        for (Rule rule : result.rules()) {
            json.value(rule.id());
        }
        json.endArray();
        if (!result.message().isEmpty()) {
            json.name("message").value(result.message());
        }
        writePosition(json, result.position());
        json.name("millis").value(result.millis());
        // only when true, so that a run without the cache writes the document it always did
        if (cached) {
            json.name("cached").value(true);
        }
        // not in the contract's example, which allows additions: a failed block's output is what explains it
        if (failed && !result.output().isBlank()) {
            json.name("output").value(result.output());
        }
        // a passed block lists the misuses it declares and shows, with their lines
        if (failed || !result.findings().isEmpty()) {
            writeDiagnostics(json, file, result);
        }
        if (!result.notes().isEmpty()) {
            writeNotes(json, file, result.notes());
        }
        json.endObject();
    }

    /** What a verbose text report lists as notes: the connections that went to the page's database instead. */
    private static void writeNotes(JsonWriter json, String file, List<Finding> notes) {
        json.name("notes").beginArray();
        for (Finding note : notes) {
            json.beginObject();
            json.name("file").value(file);
            writePosition(json, note.position());
            json.name("message").value(note.message());
            json.endObject();
        }
        json.endArray();
    }

    private static void writeNotChecked(JsonWriter json, String file, Block block) {
        json.beginObject();
        json.name("file").value(file);
        json.name("line").value(block.fenceLine());
        json.name("language").value(block.language());
        json.name("hidden").value(block.hidden());
        json.name("verdict").value(NOT_CHECKED);
        json.endObject();
    }

    /**
     * Every finding of a block, so a tool never has to parse the text report: each under its misuse rule, else under
     * the block's failure reason, and with the file, so that a diagnostic read alone still says where it is. A failed
     * block without findings (a lost database, say) has one: its message, where the block failed.
     */
    private static void writeDiagnostics(JsonWriter json, String file, BlockResult result) {
        List<Finding> findings = result.findings();
        if (findings.isEmpty()) {
            String message = result.message().isBlank() ? result.verdict().label() : result.message();
            findings = List.of(Finding.at(result.position().orElse(result.block().fence()), message, ""));
        }
        json.name("diagnostics").beginArray();
        for (Finding finding : findings) {
            json.beginObject();
            json.name("file").value(file);
            if (finding.rule().isPresent()) {
                json.name("rule").value(finding.rule().get().id());
            } else if (result.verdict() == Verdict.FAILED) {
                result.reason().ifPresent(reason -> json.name("reason").value(reason.id()));
            }
            writePosition(json, finding.position());
            json.name("message").value(finding.message());
            if (!finding.hint().isBlank()) {
                json.name("hint").value(finding.hint());
            }
            json.endObject();
        }
        json.endArray();
    }

    private static void writePosition(JsonWriter json, Optional<Position> position) {
        if (position.isPresent()) {
            json.name("position").beginObject();
            json.name("line").value(position.get().line());
            json.name("column").value(position.get().column());
            json.endObject();
        }
    }
}
