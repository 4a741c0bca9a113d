package dev.snipcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snipcheck.TestPostgres;
import dev.snipcheck.TestPython;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs snipcheck on the conformance corpus {@code snippets/} and checks every block's verdict
 * against the expectation its page declares before the block's fence (see snippets/README.md).
 */
class SnippetsConformanceTest {

    private static final Path CORPUS = Path.of("snippets");
    /** Indentation, block quote markers and list markers before a line's content. */
    private static final String CONTAINER = "^(?:[ \\t>]|[-*+][ \\t]|\\d{1,9}[.)][ \\t])*";
    private static final Pattern EXPECT = Pattern.compile(
            CONTAINER + "(?:<!--[ \\t]*)?expect:[ \\t]*(.*?)[ \\t]*(?:-->)?[ \\t]*$");
    private static final Pattern EXPECTATION = Pattern.compile(
            "(passed|failed|skipped|not run|not checked)"
                    + "(?:\\s+(compile|exception|misuse|output|timeout|expectation|database|syntax))?"
                    + "(?:\\s+(\\d+):(\\d+))?"
                    + "((?:\\s+[a-z][a-z-]*@\\d+)*)"
                    + "(?:\\s+\"(.*)\")?");
    private static final Pattern PIN = Pattern.compile("([a-z][a-z-]*)@(\\d+)");
    private static final Pattern FENCE = Pattern.compile(CONTAINER + "(`{3,}|~{3,})");
    private static final Pattern COMMENT_START = Pattern.compile(CONTAINER + "<!--");
    private static final Pattern HIDDEN_START = Pattern.compile(CONTAINER + "<!--\\s*snipcheck(?![\\w-])");
    private static final Pattern DECLARES_MISUSE = Pattern.compile("[\\s,]misuse=([a-z+-]*)");

    @Test
    void everyBlockOfTheCorpusGetsTheVerdictItsPageDeclares() throws IOException {
        assertCorpusConforms("--postgres-url", TestPostgres.url());
    }

    /** The check of this class, on the PostgreSQL that {@code backend}, options of the command line, chooses. */
    static void assertCorpusConforms(String... backend) throws IOException {
        Path workingDirectory = Path.of("").toAbsolutePath();
        List<String> problems = new ArrayList<>();
        Map<String, Expectation> expectations = new TreeMap<>();
        Map<String, Boolean> hiddenFences = new TreeMap<>();
        Map<String, List<String>> declaringMisuse = new TreeMap<>();
        for (Path page : pages()) {
            read(page, expectations, hiddenFences, declaringMisuse, problems);
        }

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("--format", "json"));
        args.addAll(List.of(backend));
        args.addAll(List.of("--python", TestPython.interpreter().command()));
        args.addAll(List.of("--config", "snippets/snipcheck.yaml", "snippets"));
        int status = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), workingDirectory);
        JsonNode report;
        try {
            report = new ObjectMapper().readTree(out.toString());
        } catch (IOException e) {
            report = null;
        }
        if (report == null || !report.path("blocks").isArray()) {
            fail("snipcheck exited with " + status + " and wrote no JSON report\nstdout:\n" + out + "\nstderr:\n" + err);
        }

        int[] counts = new int[5];
        List<String> good = new ArrayList<>();
        List<String> falsePositives = new ArrayList<>();
        Map<String, int[]> perPage = new TreeMap<>();
        // by rule: blocks declaring it, those of them it fired on, good blocks it fired on
        Map<String, int[]> perRule = new TreeMap<>();
        Map<String, JsonNode> reported = new TreeMap<>();
        for (JsonNode block : report.get("blocks")) {
            String key = block.path("file").asText() + ":" + block.path("line").asInt();
            String verdict = block.path("verdict").asText();
            switch (verdict) {
                case "passed" -> counts[0]++;
                case "failed" -> counts[1]++;
                case "skipped" -> counts[2]++;
                case "not run" -> counts[3]++;
                case "not checked" -> counts[4]++;
                default -> problems.add(key + ": unknown verdict `" + verdict + "`");
            }
            if (block.path("hidden").asBoolean() && Boolean.FALSE.equals(hiddenFences.get(key))) {
                // a block of snipcheck.yaml's prelude file, run again at the start of a page the config covers: it
                // is reported at its own file and line, as a hidden block of that page
                String expected = expectations.getOrDefault(key, Expectation.PASSED).verdict();
                if (!block.path("verdict").asText().equals(expected)) {
                    problems.add(key + " (as a prelude block): expected " + expected + ", got " + describe(block));
                }
                continue;
            }
            reported.put(key, block);
            Expectation expected = expectations.getOrDefault(key, Expectation.PASSED);
            boolean bad = declaringMisuse.containsKey(key) || expected.reason().equals(Optional.of("misuse"));
            if (!verdict.equals("not checked")) {
                perPage.computeIfAbsent(block.path("file").asText(), f -> new int[2])[bad ? 0 : 1]++;
            }
            Set<String> fired = new TreeSet<>();
            block.path("rules").forEach(rule -> fired.add(rule.asText()));
            // a block that fails `expectation` tests the misuse= declaration itself (a rule that does not exist, or
            // one declared where it cannot fire), not whether a rule finds its misuse: it is no case of recall
            List<String> declared = expected.reason().equals(Optional.of("expectation")) ? List.of()
                    : declaringMisuse.getOrDefault(key, List.of());
            for (String rule : declared) {
                perRule.computeIfAbsent(rule, r -> new int[3])[0]++;
                if (fired.contains(rule)) {
                    perRule.get(rule)[1]++;
                }
            }
            if (expected.verdict().equals("passed") && !declaringMisuse.containsKey(key)) {
                fired.forEach(rule -> perRule.computeIfAbsent(rule, r -> new int[3])[2]++);
                good.add(key);
                if (!block.path("rules").isEmpty()) {
                    falsePositives.add(key + " " + block.path("rules"));
                }
            }
            Optional<String> mismatch = expected.mismatch(block);
            if (mismatch.isPresent()) {
                problems.add(key + ": expected " + expected + ", got " + describe(block)
                        + " (" + block.path("message").asText("no message") + ")" + mismatch.get());
            }
            problems.addAll(expected.unmetPins(key, block, declaringMisuse.getOrDefault(key, List.of())));
            Boolean hidden = hiddenFences.get(key);
            if (hidden == null) {
                problems.add(key + ": reported as a block, but there is no fence on that line");
            } else if (hidden != block.path("hidden").asBoolean()) {
                problems.add(key + ": expected hidden=" + hidden + ", got hidden=" + block.path("hidden").asBoolean());
            }
        }
        int notChecked = 0;
        for (Map.Entry<String, Expectation> entry : expectations.entrySet()) {
            boolean isNotChecked = entry.getValue().verdict().equals("not checked");
            if (isNotChecked) {
                notChecked++;
            }
            if (!reported.containsKey(entry.getKey())) {
                problems.add(entry.getKey() + ": expected " + entry.getValue() + ", got no block in the report");
            }
        }

        JsonNode summary = report.path("summary");
        String[] names = {"passed", "failed", "skipped", "notRun"};
        for (int i = 0; i < names.length; i++) {
            if (summary.path(names[i]).asInt(-1) != counts[i]) {
                problems.add("summary: " + names[i] + " is " + summary.path(names[i]) + ", but the report lists "
                        + counts[i] + " such blocks");
            }
        }
        if (summary.path("notChecked").asInt(-1) != notChecked || counts[4] != notChecked) {
            problems.add("summary: notChecked is " + summary.path("notChecked") + " and the report lists " + counts[4]
                    + " `not checked` blocks, but the corpus declares " + notChecked);
        }
        if (status != 1) {
            problems.add("exit status: expected 1 (the corpus holds failing blocks), got " + status
                    + (err.toString().isBlank() ? "" : "\nstderr:\n" + err));
        }
        if (reported.size() < 100) {
            problems.add("the report lists only " + reported.size() + " blocks: is the corpus all there?");
        }
        // good: must pass and declares no misuse; flagged: a misuse rule fired on it (an allowed one does not count)
        System.out.printf(Locale.ROOT, "misuse rules: false-positive rate %d/%d good blocks = %.3f%n",
                falsePositives.size(), good.size(), good.isEmpty() ? 0.0 : (double) falsePositives.size() / good.size());
        perRule.forEach((rule, ruleCounts) -> System.out.printf(Locale.ROOT,
                "  %s: recall %d/%d declaring blocks, false positives %d/%d good blocks%n",
                rule, ruleCounts[1], ruleCounts[0], ruleCounts[2], good.size()));
        perPage.forEach((file, badAndGood) -> {
            if (file.startsWith(CORPUS + "/rules/")) {
                System.out.printf(Locale.ROOT, "  %s: %d bad, %d good%n", file, badAndGood[0], badAndGood[1]);
            }
        });
        if (good.size() < 100) {
            problems.add("only " + good.size() + " good blocks: is the corpus all there?");
        }
        if (!falsePositives.isEmpty()) {
            problems.add("false positives of the misuse rules: " + String.join(", ", falsePositives));
        }
        assertEquals("", String.join("\n", problems),
                problems.size() + " disagreement(s) between the corpus and snipcheck's report");
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(CORPUS)) {
            return files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
    }

    /** Collects the page's expectations and, for every fence line, whether it sits in a snipcheck comment. */
    private static void read(Path page, Map<String, Expectation> expectations, Map<String, Boolean> fences,
                             Map<String, List<String>> declaringMisuse, List<String> problems) throws IOException {
        // leniently: the corpus has a page that is not UTF-8 on purpose
        List<String> lines = new String(Files.readAllBytes(page), StandardCharsets.UTF_8).lines().toList();
        String file = page.toString().replace('\\', '/');
        boolean inComment = false;
        boolean hidden = false;
        String openFence = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            Matcher fence = FENCE.matcher(line);
            if (openFence != null) {
                // a closing fence: the same character, at least as long
                if (fence.find() && fence.group(1).charAt(0) == openFence.charAt(0)
                        && fence.group(1).length() >= openFence.length()
                        && line.substring(fence.end()).isBlank()) {
                    openFence = null;
                }
                continue;
            }
            if (!inComment && COMMENT_START.matcher(line).find()) {
                inComment = true;
                hidden = HIDDEN_START.matcher(line).find();
            }
            if (fence.find() && (!inComment || hidden)) {
                openFence = fence.group(1);
                fences.put(file + ":" + number, inComment);
                Matcher misuse = DECLARES_MISUSE.matcher(line.substring(fence.end()));
                if (misuse.find()) {
                    declaringMisuse.put(file + ":" + number, List.of(misuse.group(1).split("\\+")));
                }
            } else if (inComment && line.contains("-->")) {
                inComment = false;
                hidden = false;
            }
            Matcher expect = EXPECT.matcher(line);
            if (openFence == null && expect.find()) {
                String at = file + ":" + number;
                Matcher parsed = EXPECTATION.matcher(expect.group(1));
                if (!parsed.matches()) {
                    problems.add(at + ": malformed expectation `" + expect.group(1) + "`");
                } else if (i + 1 >= lines.size() || !FENCE.matcher(lines.get(i + 1)).find()) {
                    problems.add(at + ": the expectation is not directly followed by a fence");
                } else {
                    expectations.put(file + ":" + (number + 1), Expectation.of(parsed));
                }
            }
        }
        if (openFence != null) {
            problems.add(file + ": a fence is not closed");
        }
    }

    private static String describe(JsonNode block) {
        StringBuilder text = new StringBuilder(block.path("verdict").asText());
        if (block.hasNonNull("reason")) {
            text.append(' ').append(block.get("reason").asText());
        }
        JsonNode position = block.path("position");
        if (position.isObject()) {
            text.append(' ').append(position.path("line").asInt()).append(':').append(position.path("column").asInt());
        }
        return text.toString();
    }

    /**
     * What a block must produce; absent parts are not compared.
     *
     * @param pins for a block that shows misuses: each rule and the line it must fire at, as {@code rule@line}
     */
    private record Expectation(String verdict, Optional<String> reason, Optional<String> position,
                               Set<String> pins, Optional<String> text) {

        static final Expectation PASSED = new Expectation("passed", Optional.empty(), Optional.empty(), Set.of(),
                Optional.empty());

        static Expectation of(Matcher parsed) {
            Set<String> pins = new TreeSet<>();
            Matcher pin = PIN.matcher(parsed.group(5));
            while (pin.find()) {
                pins.add(pin.group());
            }
            return new Expectation(parsed.group(1), Optional.ofNullable(parsed.group(2)),
                    Optional.ofNullable(parsed.group(3)).map(line -> line + ":" + parsed.group(4)), pins,
                    Optional.ofNullable(parsed.group(6)));
        }

        /**
         * Where the pinned rules fired differs from the pins, one line per difference; a block that must pass with
         * its {@code misuse=} pins every rule it declares. A finding at the fence is one whose line is unknown: it
         * neither meets a pin nor contradicts one.
         */
        List<String> unmetPins(String key, JsonNode block, List<String> declared) {
            List<String> problems = new ArrayList<>();
            Set<String> pinnedRules = new TreeSet<>();
            pins.forEach(pin -> pinnedRules.add(pin.substring(0, pin.indexOf('@'))));
            if (verdict.equals("passed")) {
                declared.stream().filter(rule -> !pinnedRules.contains(rule)).forEach(rule -> problems.add(key
                        + ": declares `misuse=" + rule + "` but pins no line for it (`" + rule + "@LINE`)"));
            }
            Set<String> fired = new TreeSet<>();
            for (JsonNode diagnostic : block.path("diagnostics")) {
                int line = diagnostic.path("position").path("line").asInt(0);
                String rule = diagnostic.path("rule").asText("");
                if (pinnedRules.contains(rule) && line != 0 && line != block.path("line").asInt()) {
                    fired.add(rule + "@" + line);
                }
            }
            pins.stream().filter(pin -> !fired.contains(pin)).forEach(pin -> problems.add(key + ": expected "
                    + pin.replace("@", " at line ") + ", but it fired at " + (fired.isEmpty() ? "no line" : fired)));
            fired.stream().filter(at -> !pins.contains(at)).forEach(at -> problems.add(key + ": "
                    + at.replace("@", " fired at line ") + ", which the page does not pin"));
            return problems;
        }

        /** Why the block does not match, empty when it does; the verdict, reason and position show in the line itself. */
        Optional<String> mismatch(JsonNode block) {
            JsonNode position = block.path("position");
            String actualPosition = position.isObject()
                    ? position.path("line").asInt() + ":" + position.path("column").asInt() : "none";
            boolean matches = verdict.equals(block.path("verdict").asText())
                    && reason.map(r -> r.equals(block.path("reason").asText())).orElse(true)
                    && this.position.map(p -> p.equals(actualPosition)).orElse(true);
            if (!matches) {
                return Optional.of("");
            }
            if (text.isPresent() && !block.path("message").asText().contains(text.get())) {
                return Optional.of(": the message does not contain \"" + text.get() + "\"");
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return verdict + reason.map(r -> " " + r).orElse("") + position.map(p -> " " + p).orElse("")
                    + pins.stream().map(pin -> " " + pin).collect(Collectors.joining())
                    + text.map(t -> " \"" + t + "\"").orElse("");
        }
    }
}
