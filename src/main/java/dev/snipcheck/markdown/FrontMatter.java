package dev.snipcheck.markdown;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The YAML front matter of a page: its {@code snipcheck:} options, what is malformed in them, and the Markdown after it. */
final class FrontMatter {

    private static final Pattern BLOCK = Pattern.compile("\\A---[ \\t]*\\n(.*?\\n)?---[ \\t]*(\\n|\\z)", Pattern.DOTALL);
    /** The YAML starts on the line after the opening {@code ---}; marks are 0-based. */
    private static final int FIRST_YAML_LINE = 2;

    private final List<Problem> problems = new ArrayList<>();
    private final OptionsYaml options = new OptionsYaml(FrontMatter::position, problems);
    private final String body;

    private FrontMatter(String body) {
        this.body = body;
    }

    /** Splits off the front matter of a text whose line ends are {@code \n}. */
    static FrontMatter read(String text) {
        Matcher matcher = BLOCK.matcher(text);
        if (!matcher.find()) {
            return new FrontMatter(text);
        }
        String yaml = matcher.group(1) == null ? "" : matcher.group(1);
        // blank lines keep the Markdown's line numbers and stop the fences from reading as a thematic break
        String blank = "\n".repeat((int) matcher.group().chars().filter(c -> c == '\n').count());
        FrontMatter front = new FrontMatter(blank + text.substring(matcher.end()));
        front.parse(yaml);
        return front;
    }

    /** What the page declares, before the project's {@code snipcheck.yaml} is laid under it. */
    DeclaredOptions declared() {
        return options.declared();
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** The text with the front matter turned into blank lines. */
    String body() {
        return body;
    }

    private void parse(String yaml) {
        Optional<Node> root = OptionsYaml.compose(yaml, FrontMatter::position, problems, "front matter",
                "the front matter must be YAML between two `---` lines");
        if (root.isEmpty() || !(root.get() instanceof MappingNode mapping)) {
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("snipcheck")) {
                options(tuple.getValueNode());
            }
        }
    }

    private void options(Node node) {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
            return;
        }
        if (!(node instanceof MappingNode mapping)) {
            options.problem(node, "`snipcheck` must hold options", "indent them below it, e.g. `  mode: async`");
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = OptionsYaml.scalar(tuple.getKeyNode()).orElse("");
            if (!options.accept(key, tuple.getValueNode())) {
                options.problem(tuple.getKeyNode(), "unknown option `" + key + "` in `snipcheck`",
                        NearMiss.suggest(key, OptionsYaml.KEYS).map(known -> "did you mean `" + known + "`?")
                                .orElse("the options are " + OptionsYaml.keyList()));
            }
        }
    }

    private static Position position(Mark mark) {
        return mark == null ? new Position(1, 1) : new Position(mark.getLine() + FIRST_YAML_LINE, mark.getColumn() + 1);
    }
}
