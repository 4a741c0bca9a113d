package dev.snipcheck.report;

import dev.snipcheck.markdown.Position;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.result.Verdict;
import dev.snipcheck.rules.Rule;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** Writes a run as the machine-readable JSON document of the contract, one entry per checked block. */
public final class JsonReport {

    public void write(RunResult result, PrintWriter out) {
        JsonWriter json = new JsonWriter(out);
        json.beginObject();
        json.name("blocks").beginArray();
        for (PageResult page : result.pages()) {
            for (BlockResult block : page.blocks()) {
                writeBlock(json, page.page().displayPath(), block);
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

    private static void writeBlock(JsonWriter json, String file, BlockResult result) {
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
        if (!result.findings().isEmpty()) {
            writeDiagnostics(json, result.findings());
        }
        json.name("millis").value(result.millis());
        // not in the contract's example, which allows additions: a failed block's output is what explains it
        if (failed && !result.output().isBlank()) {
            json.name("output").value(result.output());
        }
        json.endObject();
    }

    /** Every finding with its position: a failed block's errors, or the misuses a block declares and shows. */
    private static void writeDiagnostics(JsonWriter json, List<Finding> findings) {
        json.name("diagnostics").beginArray();
        for (Finding finding : findings) {
            json.beginObject();
            if (finding.rule().isPresent()) {
                json.name("rule").value(finding.rule().get().id());
            }
            json.name("message").value(finding.message());
            if (!finding.hint().isBlank()) {
                json.name("hint").value(finding.hint());
            }
            writePosition(json, finding.position());
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
