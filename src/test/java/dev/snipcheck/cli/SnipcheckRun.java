package dev.snipcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** One in-process run of the command line with a JSON report, and what the user saw of it. */
record SnipcheckRun(int exit, String out, String err, long millis) {

    static SnipcheckRun of(Path dir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), dir);
        return new SnipcheckRun(exit, out.toString(), err.toString(), (System.nanoTime() - start) / 1_000_000);
    }

    /** "verdict reason" of each block of the JSON report, by "file:line". */
    Map<String, String> verdicts() throws IOException {
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (JsonNode block : new ObjectMapper().readTree(out).get("blocks")) {
            verdicts.put(block.get("file").asText() + ":" + block.get("line").asInt(),
                    block.get("verdict").asText() + (block.has("reason") ? " " + block.get("reason").asText() : ""));
        }
        return verdicts;
    }

    /** The JSON report's message of the block at "file:line". */
    String message(String block) throws IOException {
        for (JsonNode node : new ObjectMapper().readTree(out).get("blocks")) {
            if ((node.get("file").asText() + ":" + node.get("line").asInt()).equals(block)) {
                return node.path("message").asText();
            }
        }
        throw new AssertionError("no block " + block + " in " + out);
    }

    @Override
    public String toString() {
        return "exit " + exit + " after " + millis + " ms\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
