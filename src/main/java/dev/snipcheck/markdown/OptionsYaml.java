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
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the snipcheck options of a YAML mapping, the same in a page's front matter and in {@code snipcheck.yaml}, and
 * what is malformed in them, each problem at its line and column in the file.
 */
final class OptionsYaml {

    static final List<String> KEYS = List.of("mode", "skip", "imports", "timeout", "allow", "superuser", "env",
            "redirect", "replace", "cache");
    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private final Function<Mark, Position> position;
    private final List<Problem> problems;
    private Optional<Mode> mode = Optional.empty();
    private Optional<String> skip = Optional.empty();
    private Optional<String> superuser = Optional.empty();
    private List<String> imports = List.of();
    private Optional<Duration> timeout = Optional.empty();
    private final Map<String, String> allow = new LinkedHashMap<>();
    private List<String> env = List.of();
    private Optional<Boolean> redirect = Optional.empty();
    private Optional<Boolean> cache = Optional.empty();
    private final Map<String, String> replace = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> namedReplace = new LinkedHashMap<>();

    /** The options for a hint: `mode`, `skip`, ... and `replace`. */
    static String keyList() {
        List<String> quoted = KEYS.stream().map(key -> "`" + key + "`").toList();
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }

    /**
     * @param position the file position of a YAML mark
     * @param problems where problems go
     */
    OptionsYaml(Function<Mark, Position> position, List<Problem> problems) {
        this.position = position;
        this.problems = problems;
    }

    DeclaredOptions declared() {
        return new DeclaredOptions(mode, skip, imports, timeout, Map.copyOf(allow), superuser, env, redirect,
                Map.copyOf(replace), Map.copyOf(namedReplace), cache);
    }

    /** Reads one option; false when {@code key} is none of {@link #KEYS}. */
    boolean accept(String key, Node value) {
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
            case "replace" -> replace(value);
            default -> {
                return false;
            }
        }
        return true;
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
    List<String> names(Node node, String invalid, String hint) {
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

    private Optional<Boolean> bool(Node node, String key) {
        if (node.getTag().equals(Tag.BOOL)) {
            return Optional.of(Boolean.parseBoolean(scalar(node).orElse("true").toLowerCase(Locale.ROOT)));
        }
        problem(node, "invalid " + key + " `" + scalar(node).orElse("") + "`", "write `true` or `false`");
        return Optional.empty();
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

    /**
     * {@code replace: {"<host>": localhost, elided: {"...": "/* elided *\/"}}}: a placeholder maps to its code for
     * every block; a name that maps to a map of its own is for the blocks whose fence says {@code replace=NAME}.
     */
    private void replace(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, "`replace` must map placeholders to code", "write e.g. `replace: {\"<host>\": localhost}`");
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getValueNode() instanceof MappingNode named) {
                Optional<String> name = scalar(tuple.getKeyNode()).filter(text -> NAME.matcher(text).matches());
                if (name.isEmpty()) {
                    problem(tuple.getKeyNode(), "invalid name of a replace map",
                            "name it with letters, digits, `-` and `_`, e.g. `elided`");
                    continue;
                }
                Map<String, String> entries = new LinkedHashMap<>();
                named.getValue().forEach(entry -> placeholder(entry, entries));
                namedReplace.put(name.get(), Map.copyOf(entries));
            } else {
                placeholder(tuple, replace);
            }
        }
    }

    /** One placeholder: text on one line, to code on one line, so that the lines of a block stay the page's. */
    private void placeholder(NodeTuple tuple, Map<String, String> into) {
        Optional<String> placeholder = scalar(tuple.getKeyNode()).filter(text -> !text.isEmpty());
        Optional<String> code = tuple.getValueNode() instanceof ScalarNode scalar ? Optional.of(scalar.getValue())
                : Optional.empty();
        if (placeholder.isEmpty() || placeholder.get().contains("\n")) {
            problem(tuple.getKeyNode(), "invalid placeholder in `replace`", "write the text as the page shows it, "
                    + "on one line, e.g. `\"<host>\"`");
        } else if (code.isEmpty() || code.get().contains("\n")) {
            problem(tuple.getValueNode(), "the code for `" + placeholder.get() + "` must be one line of text",
                    "write e.g. `\"" + placeholder.get() + "\": \"null\"`");
        } else {
            into.put(placeholder.get(), code.get());
        }
    }

    /**
     * The YAML of {@code text} as nodes, or empty with a problem at the mark where it stops being YAML.
     *
     * @param what names the file's kind in the message, e.g. "front matter"
     */
    static Optional<Node> compose(String text, Function<Mark, Position> position, List<Problem> problems, String what,
                                  String hint) {
        try {
            return Optional.ofNullable(new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text)));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(new Problem(position.apply(mark), "malformed " + what + ": " + e.getProblem(), hint));
        } catch (YAMLException e) {
            problems.add(new Problem(new Position(1, 1), "malformed " + what + ": " + e.getMessage(), hint));
        }
        return Optional.empty();
    }

    static Optional<String> scalar(Node node) {
        return node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)
                ? Optional.of(scalar.getValue())
                : Optional.empty();
    }

    void problem(Node node, String message, String hint) {
        problems.add(new Problem(position.apply(node.getStartMark()), message, hint));
    }
}
