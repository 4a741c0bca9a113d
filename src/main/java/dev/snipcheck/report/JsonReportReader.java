package dev.snipcheck.report;

import dev.snipcheck.json.Json;
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

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the JSON reports of {@link JsonReport} back into one run, for {@code snipcheck merge}: the reports of the
 * shards of a run become the run. The JSON names each block by page and line but does not hold the pages' text, which
 * the text report quotes, so the pages are read again: merge must see the files the parts checked.
 */
public final class JsonReportReader {

    /** Reads the page that a report names by its display path. */
    public interface Pages {
        Page read(String displayPath) throws IOException;
    }

    /** A report that cannot be merged, with the message to show. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private final Pages pages;
    /** Each page's blocks as the reports list them, and the report that lists them. */
    private final Map<String, List<Map<String, Object>>> blocksByPage = new LinkedHashMap<>();
    private final Map<String, String> reportOfPage = new LinkedHashMap<>();

    public JsonReportReader(Pages pages) {
        this.pages = pages;
    }

    /**
     * Adds the blocks of one report.
     *
     * @param name how messages name the report, e.g. its path
     */
    public void add(String name, String text) throws Unreadable {
        List<?> blocks;
        try {
            blocks = (List<?>) Json.parseObject(text.strip()).get("blocks");
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new Unreadable(name + ": not a JSON report of snipcheck (write one with --format json)");
        }
        if (blocks == null) {
            throw new Unreadable(name + ": not a JSON report of snipcheck: it has no \"blocks\"");
        }
        Map<String, List<Map<String, Object>>> mine = new LinkedHashMap<>();
        for (Object entry : blocks) {
            Map<String, Object> block = object(name, entry);
            mine.computeIfAbsent(text(name, block, "file"), file -> new ArrayList<>()).add(block);
        }
        for (Map.Entry<String, List<Map<String, Object>>> page : mine.entrySet()) {
            String other = reportOfPage.putIfAbsent(page.getKey(), name);
            if (other != null) {
                throw new Unreadable(page.getKey() + " is in both " + other + " and " + name
                        + "; merge takes the reports of one split, each part of --shard K/N with the same N once");
            }
            blocksByPage.put(page.getKey(), page.getValue());
        }
    }

    /** The run the added reports make, pages in the order a whole run reports them. */
    public RunResult result(String database) throws Unreadable {
        List<String> files = new ArrayList<>(blocksByPage.keySet());
        files.sort(Comparator.comparing(Path::of));
        List<PageResult> results = new ArrayList<>();
        for (String file : files) {
            results.add(page(file, blocksByPage.get(file)));
        }
        return new RunResult(results, database);
    }

    private PageResult page(String file, List<Map<String, Object>> entries) throws Unreadable {
        String report = reportOfPage.get(file);
        Page page;
        try {
            page = pages.read(file);
        } catch (IOException e) {
            throw new Unreadable(report + ": cannot read " + file + ", which it reports on: " + e.getMessage()
                    + "\n  hint: merge reads the pages again; run it where the parts ran, on the same commit");
        }
        List<BlockResult> blocks = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            int line = (int) number(report, entry, "line");
            String verdict = text(report, entry, "verdict");
            boolean checked = !verdict.equals(JsonReport.NOT_CHECKED);
            Optional<Block> block = page.blocks().stream()
                    .filter(b -> b.fenceLine() == line && b.isChecked() == checked)
                    .findFirst();
            if (block.isEmpty()) {
                throw new Unreadable(report + ": " + file + ":" + line + ": the page has no such block now"
                        + "\n  hint: merge reads the pages again; run it where the parts ran, on the same commit");
            }
            if (checked) {
                blocks.add(blockResult(report, block.get(), verdict, entry));
            }
        }
        // the mode is shown only by a verbose text report, which merge does not write
        return new PageResult(page, page.options().mode().orElse(Mode.ASYNC), false, blocks);
    }

    private static BlockResult blockResult(String report, Block block, String label, Map<String, Object> entry)
            throws Unreadable {
        Verdict verdict = Arrays.stream(Verdict.values()).filter(v -> v.label().equals(label)).findFirst()
                .orElseThrow(() -> new Unreadable(report + ": unknown verdict '" + label + "'"));
        Optional<Reason> reason = Optional.empty();
        if (entry.containsKey("reason")) {
            String id = text(report, entry, "reason");
            reason = Optional.of(Arrays.stream(Reason.values()).filter(r -> r.id().equals(id)).findFirst()
                    .orElseThrow(() -> new Unreadable(report + ": unknown reason '" + id + "'")));
        }
        List<Rule> rules = new ArrayList<>();
        for (Object id : list(report, entry, "rules")) {
            rules.add(rule(report, String.valueOf(id)));
        }
        List<Finding> findings = new ArrayList<>();
        for (Object diagnostic : list(report, entry, "diagnostics")) {
            findings.add(finding(report, object(report, diagnostic)));
        }
        List<Finding> notes = new ArrayList<>();
        for (Object note : list(report, entry, "notes")) {
            notes.add(finding(report, object(report, note)));
        }
        return new BlockResult(block, verdict, reason, optionalText(entry, "message"), List.copyOf(rules),
                List.copyOf(findings), optionalText(entry, "output"), number(report, entry, "millis"),
                List.copyOf(notes));
    }

    private static Finding finding(String report, Map<String, Object> diagnostic) throws Unreadable {
        Optional<Rule> rule = Optional.empty();
        if (diagnostic.containsKey("rule")) {
            rule = Optional.of(rule(report, text(report, diagnostic, "rule")));
        }
        return new Finding(position(report, diagnostic), text(report, diagnostic, "message"),
                optionalText(diagnostic, "hint"), rule);
    }

    private static Optional<Position> position(String report, Map<String, Object> entry) throws Unreadable {
        if (!entry.containsKey("position")) {
            return Optional.empty();
        }
        Map<String, Object> position = object(report, entry.get("position"));
        return Optional.of(new Position((int) number(report, position, "line"),
                (int) number(report, position, "column")));
    }

    private static Rule rule(String report, String id) throws Unreadable {
        return Rule.byId(id).orElseThrow(() -> new Unreadable(report + ": unknown rule '" + id
                + "'; was it written by another version of snipcheck?"));
    }

    private static Map<String, Object> object(String report, Object value) throws Unreadable {
        if (!(value instanceof Map<?, ?>)) {
            throw new Unreadable(report + ": expected a JSON object, but found " + value);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value;
        return object;
    }

    private static List<?> list(String report, Map<String, Object> entry, String key) throws Unreadable {
        Object value = entry.getOrDefault(key, List.of());
        if (!(value instanceof List<?> list)) {
            throw new Unreadable(report + ": \"" + key + "\" is not an array in " + entry);
        }
        return list;
    }

    private static String text(String report, Map<String, Object> entry, String key) throws Unreadable {
        if (!(entry.get(key) instanceof String value)) {
            throw new Unreadable(report + ": expected a string \"" + key + "\" in " + entry);
        }
        return value;
    }

    private static String optionalText(Map<String, Object> entry, String key) {
        return entry.get(key) instanceof String value ? value : "";
    }

    private static long number(String report, Map<String, Object> entry, String key) throws Unreadable {
        if (!(entry.get(key) instanceof Long value)) {
            throw new Unreadable(report + ": expected a number \"" + key + "\" in " + entry);
        }
        return value;
    }
}
