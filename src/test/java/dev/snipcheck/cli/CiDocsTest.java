package dev.snipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The setups of docs/ci.md are copied as they are: their YAML must parse, and every snipcheck command in them must
 * be one the command line accepts. (What the CI servers do with the reports is tested on the reports themselves.)
 */
class CiDocsTest {

    private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);
    private static final String COMMAND = "java -jar target/snipcheck.jar";
    private static final String MATRIX_SHARD = "${{ matrix.shard }}";

    @Test
    void everyYamlBlockParsesAndEverySnipcheckCommandIsValid() throws Exception {
        String page = Files.readString(Path.of("docs/ci.md"));
        List<String> commands = new ArrayList<>();
        int yamlBlocks = 0;
        Matcher fence = FENCE.matcher(page);
        while (fence.find()) {
            String language = fence.group(1);
            String body = fence.group(2);
            if (language.equals("yaml")) {
                yamlBlocks++;
                collectCommands(new Yaml().load(body), commands);
            } else {
                Matcher line = Pattern.compile(Pattern.quote(COMMAND) + "[^'\\n]*").matcher(body);
                while (line.find()) {
                    commands.add(line.group());
                }
            }
        }
        assertEquals(3, yamlBlocks);
        assertEquals(6, commands.size(), commands.toString());
        for (String command : commands) {
            // each runner of the matrix substitutes its own part
            List<String> args = words(command.substring(COMMAND.length()).replace(MATRIX_SHARD, "1"));
            if (args.get(0).equals(Merge.NAME)) {
                Merge.MergeOptions merge = new Merge.MergeOptions();
                new CommandLine(merge).parseArgs(args.subList(1, args.size()).toArray(String[]::new));
                assertTrue(!merge.parts.isEmpty(), command);
            } else {
                Options options = new Options();
                new CommandLine(options).parseArgs(args.toArray(String[]::new));
                assertTrue(options.runSettings() != null, command);
            }
        }
        assertTrue(commands.stream().anyMatch(c -> c.contains("--report sarif=snipcheck.sarif")), commands.toString());
        assertTrue(commands.stream().anyMatch(c -> c.contains("--report junit=snipcheck.xml")), commands.toString());
        assertTrue(commands.stream().anyMatch(c -> c.contains("--html snipcheck-html")), commands.toString());
    }

    @Test
    void theWorkflowUploadsTheSarifFileItWrites() throws Exception {
        String page = Files.readString(Path.of("docs/ci.md"));
        Matcher fence = FENCE.matcher(page);
        assertTrue(fence.find());
        Map<String, Object> workflow = new Yaml().load(fence.group(2));
        String steps = workflow.get("jobs").toString();
        assertTrue(steps.contains("uses=github/codeql-action/upload-sarif@v3"), steps);
        assertTrue(steps.contains("sarif_file=snipcheck.sarif"), steps);
        assertTrue(((Map<?, ?>) workflow.get("permissions")).get("security-events").equals("write"), steps);
    }

    @Test
    void theMatrixMergesTheReportOfEveryPartItRuns() throws Exception {
        Map<String, Object> workflow = yamlAfter("## A matrix of runners");
        Map<?, ?> jobs = (Map<?, ?>) workflow.get("jobs");
        Map<?, ?> part = (Map<?, ?>) jobs.get("part");
        List<?> shards = (List<?>) ((Map<?, ?>) ((Map<?, ?>) part.get("strategy")).get("matrix")).get("shard");
        List<String> runs = new ArrayList<>();
        collectCommands(part, runs);
        assertEquals(List.of(COMMAND + " --shard " + MATRIX_SHARD + "/" + shards.size() + " --format json --output part-"
                + MATRIX_SHARD + ".json"), runs);
        List<String> merges = new ArrayList<>();
        collectCommands(jobs.get("merge"), merges);
        assertEquals(1, merges.size(), merges.toString());
        List<String> parts = new ArrayList<>();
        for (Object shard : shards) {
            parts.add("part-" + shard + ".json");
        }
        assertTrue(merges.get(0).endsWith(" " + String.join(" ", parts)), merges + " merges every part of " + shards);
        assertEquals("part", ((Map<?, ?>) jobs.get("merge")).get("needs"), "the merge waits for every part");
    }

    /** The first YAML block after the heading. */
    private static Map<String, Object> yamlAfter(String heading) throws Exception {
        String page = Files.readString(Path.of("docs/ci.md"));
        Matcher fence = FENCE.matcher(page.substring(page.indexOf(heading)));
        assertTrue(fence.find() && fence.group(1).equals("yaml"), heading);
        return new Yaml().load(fence.group(2));
    }

    private static void collectCommands(Object yaml, List<String> commands) {
        if (yaml instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectCommands(value, commands));
        } else if (yaml instanceof List<?> list) {
            list.forEach(value -> collectCommands(value, commands));
        } else if (yaml instanceof String text && text.contains(COMMAND)) {
            commands.add(text.substring(text.indexOf(COMMAND)).strip());
        }
    }

    /** Words as the shell splits them, for the plain and double-quoted words these commands use. */
    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(command);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        return words;
    }
}
