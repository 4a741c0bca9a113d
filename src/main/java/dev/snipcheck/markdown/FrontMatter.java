package dev.snipcheck.markdown;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The YAML front matter of a page: its {@code snipcheck:} options, what is malformed in them, and the Markdown after it. */
final class FrontMatter {

    private static final Pattern BLOCK = Pattern.compile("\\A---[ \\t]*\\n(.*?\\n)?---[ \\t]*(\\n|\\z)", Pattern.DOTALL);
    private static final List<String> KEYS = List.of("mode", "skip", "imports", "timeout", "allow", "superuser", "env",
            "redirect", "cache");
    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** The YAML starts on the line after the opening {@code ---}; marks are 0-based. */
    private static final int FIRST_YAML_LINE = 2;

    private final List<Problem> problems = new ArrayList<>();
    private Optional<Mode> mode = Optional.empty();
    private Optional<String> skip = Optional.empty();
    private Optional<String> superuser = Optional.empty();
    private List<String> imports = List.of();
    private Optional<Duration> timeout = Optional.empty();
    private final Map<String, String> allow = new LinkedHashMap<>();
    private List<String> env = List.of();
    private boolean redirect = true;
    private boolean cache = true;
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

    PageOptions options() {
        return new PageOptions(mode, skip, imports, timeout, Map.copyOf(allow), superuser, env, redirect, cache);
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** The text with the front matter turned into blank lines. */
    String body() {
        return body;
    }

    private void parse(String yaml) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(new Problem(position(mark), "malformed front matter: " + e.getProblem(),
                    "the front matter must be YAML between two `---` lines"));
            return;
        } catch (YAMLException e) {
            problems.add(new Problem(new Position(1, 1), "malformed front matter: " + e.getMessage(),
                    "the front matter must be YAML between two `---` lines"));
            return;
        }
        if (!(root instanceof MappingNode mapping)) {
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
            problem(node, "`snipcheck` must hold options", "indent them below it, e.g. `  mode: async`");
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
            Node value = tuple.getValueNode();
            switch (key) {
                case "mode" -> mode(value);
                case "skip" -> skip(value);
                case "imports" -> imports(value);
                case "timeout" -> timeout(value);
                case "allow" -> allow(value);
                case "superuser" -> superuser(value);
                case "env" -> env(value);
                case "redirect" -> redirect = bool(value, "redirect");
                case "cache" -> cache = bool(value, "cache");
                default -> problem(tuple.getKeyNode(), "unknown option `" + key + "` in `snipcheck`",
                        NearMiss.suggest(key, KEYS).map(known -> "did you mean `" + known + "`?")
                                .orElse("the options are `mode`, `skip`, `imports`, `timeout`, `allow`, `superuser`, "
                                        + "`env`, `redirect` and `cache`"));
            }
        }
    }

    private void mode(Node node) {
        String value = scalar(node).orElse("");
        switch (value.toLowerCase(Locale.ROOT)) {
            case "async" -> mode = Optional.of(Mode.ASYNC);
            case "sync" -> mode = Optional.of(Mode.SYNC);
            default -> problem(node, "invalid mode `" + value + "`", "write `async` or `sync`");
        }
    }

    private void skip(Node node) {
        // `skip: true` would hide the page without telling readers of the report why
        skip = scalar(node).filter(reason -> !reason.isBlank() && !node.getTag().equals(Tag.BOOL));
        if (skip.isEmpty()) {
            problem(node, "`skip` needs a reason", "write e.g. `skip: \"needs a Kafka broker\"`");
        }
    }

    /** Like {@code skip}: a page that runs with every right on the server says why. */
    private void superuser(Node node) {
        superuser = scalar(node).filter(reason -> !reason.isBlank() && !node.getTag().equals(Tag.BOOL));
        if (superuser.isEmpty()) {
            problem(node, "`superuser` needs a reason", "write e.g. `superuser: \"needs CREATE EXTENSION\"`");
        }
    }

    private void imports(Node node) {
        imports = names(node, "invalid import", "write a list of imports, e.g. `imports: [com.example.Foo]`");
    }

    /** {@code env: [NAME]}: the environment variables of snipcheck's own that the page's blocks see. */
    private void env(Node node) {
        env = names(node, "invalid environment variable name",
                "write a list of names, e.g. `env: [MY_SETTING]`");
    }

    /** A list of names, or one name; each item that is not one is a problem. */
    private List<String> names(Node node, String invalid, String hint) {
        List<Node> items = node instanceof SequenceNode sequence ? sequence.getValue() : List.of(node);
        List<String> names = new ArrayList<>();
        for (Node item : items) {
            Optional<String> name = scalar(item).map(String::trim).filter(text -> !text.isEmpty());
            if (name.isPresent()) {
                names.add(name.get());
            } else {
                problem(item, invalid, hint);
            }
        }
        return List.copyOf(names);
    }

    private void timeout(Node node) {
        String value = scalar(node).orElse("");
        timeout = Durations.parse(value);
        if (timeout.isEmpty()) {
            problem(node, "invalid timeout `" + value + "`", Durations.HINT);
        }
    }

    /** A {@code true}/{@code false} option; anything else is a problem and leaves the default, true. */
    private boolean bool(Node node, String key) {
        if (node.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(scalar(node).orElse("true").toLowerCase(Locale.ROOT));
        }
        problem(node, "invalid " + key + " `" + scalar(node).orElse("") + "`", "write `true` or `false`");
        return true;
    }

    /** {@code allow: {rule-id: "reason"}}: a rule switched off for the page must say why, as {@code skip} must. */
    private void allow(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, "`allow` must map rule ids to reasons",
                    "write e.g. `allow: { unjoined-subscribe: \"demonstrates fire-and-forget\" }`");
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            Optional<String> rule = scalar(tuple.getKeyNode()).map(id -> id.trim().replace('_', '-'));
            Optional<String> reason = scalar(tuple.getValueNode())
                    .filter(text -> !text.isBlank() && !tuple.getValueNode().getTag().equals(Tag.BOOL));
            if (rule.isEmpty() || !RULE_ID.matcher(rule.get()).matches()) {
                problem(tuple.getKeyNode(), "invalid rule id in `allow`", "write a rule id, e.g. `unjoined-subscribe`");
            } else if (reason.isEmpty()) {
                problem(tuple.getValueNode(), "allowing `" + rule.get() + "` needs a reason",
                        "write e.g. `" + rule.get() + ": \"demonstrates fire-and-forget\"`");
            } else {
                allow.put(rule.get(), reason.get().trim());
            }
        }
    }

    private static Optional<String> scalar(Node node) {
        return node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)
                ? Optional.of(scalar.getValue())
                : Optional.empty();
    }

    private void problem(Node node, String message, String hint) {
        problems.add(new Problem(position(node.getStartMark()), message, hint));
    }

    private static Position position(Mark mark) {
        return mark == null ? new Position(1, 1) : new Position(mark.getLine() + FIRST_YAML_LINE, mark.getColumn() + 1);
    }
}
