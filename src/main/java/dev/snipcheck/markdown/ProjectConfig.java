package dev.snipcheck.markdown;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A project's {@code snipcheck.yaml}: the options of front matter for every page it covers, the pages it covers
 * ({@code pages:} globs, all pages when absent), and {@code prelude:} pages whose blocks run first in each page's
 * session, as hidden blocks at the top of the page would. Paths in it are relative to its directory.
 */
public final class ProjectConfig {

    /** What the working directory's config file is called. */
    public static final String FILE_NAME = "snipcheck.yaml";
    public static final ProjectConfig NONE = new ProjectConfig(null, "", DeclaredOptions.NONE, List.of(), List.of(),
            List.of(), List.of());
    private static final List<String> KEYS = concat(OptionsYaml.KEYS, List.of("pages", "prelude"));
    private static final String HINT = "snipcheck.yaml holds the options of front matter at its top level, "
            + "e.g. `mode: sync`";

    private final Path directory;
    private final String displayPath;
    private final DeclaredOptions options;
    private final List<PathMatcher> pages;
    private final List<Path> prelude;
    private final List<Problem> problems;
    private final List<String> lines;

    private ProjectConfig(Path directory, String displayPath, DeclaredOptions options, List<PathMatcher> pages,
                          List<Path> prelude, List<Problem> problems, List<String> lines) {
        this.lines = lines;
        this.directory = directory;
        this.displayPath = displayPath;
        this.options = options;
        this.pages = pages;
        this.prelude = prelude;
        this.problems = problems;
    }

    /**
     * Reads a config file.
     *
     * @param displayPath how reports name it, e.g. {@code snipcheck.yaml}
     */
    public static ProjectConfig read(Path file, String displayPath) throws IOException {
        String text = PageText.decode(Files.readAllBytes(file)).text().replace("\r\n", "\n");
        Path directory = file.toAbsolutePath().normalize().getParent();
        List<Problem> problems = new ArrayList<>();
        OptionsYaml options = new OptionsYaml(ProjectConfig::position, problems);
        List<PathMatcher> pages = new ArrayList<>();
        List<Path> prelude = new ArrayList<>();
        Optional<Node> root = OptionsYaml.compose(text, ProjectConfig::position, problems, "snipcheck.yaml", HINT);
        if (root.isPresent() && root.get() instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = OptionsYaml.scalar(tuple.getKeyNode()).orElse("");
                Node value = tuple.getValueNode();
                if (key.equals("pages")) {
                    options.names(value, "invalid glob in `pages`", "write a list of globs, e.g. `pages: [docs/**.md]`")
                            .forEach(glob -> pages.add(FileSystems.getDefault().getPathMatcher("glob:" + glob)));
                } else if (key.equals("prelude")) {
                    for (String name : options.names(value, "invalid prelude file",
                            "write a list of Markdown files, e.g. `prelude: [docs/setup.md]`")) {
                        prelude.add(directory.resolve(name).normalize());
                    }
                } else if (!options.accept(key, value)) {
                    options.problem(tuple.getKeyNode(), "unknown option `" + key + "` in snipcheck.yaml",
                            NearMiss.suggest(key, KEYS).map(known -> "did you mean `" + known + "`?")
                                    .orElse("the options are those of front matter, `pages` and `prelude`"));
                }
            }
        } else if (root.isPresent() && !(root.get() instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL))) {
            options.problem(root.get(), "snipcheck.yaml must map options to values", HINT);
        }
        for (Path preludeFile : prelude) {
            if (!Files.isRegularFile(preludeFile)) {
                problems.add(new Problem(new Position(1, 1), "no such prelude file: " + directory.relativize(preludeFile),
                        "prelude files are relative to the directory of snipcheck.yaml"));
            }
        }
        return new ProjectConfig(directory, displayPath, options.declared(), List.copyOf(pages), List.copyOf(prelude),
                List.copyOf(problems), List.of(text.split("\n", -1)));
    }

    /** Whether the config's options and prelude apply to a page: every page when it names no {@code pages:}. */
    public boolean covers(Path page) {
        if (directory == null) {
            return false;
        }
        Path absolute = page.toAbsolutePath().normalize();
        if (pages.isEmpty()) {
            return true;
        }
        return absolute.startsWith(directory) && pages.stream().anyMatch(glob -> glob.matches(directory.relativize(absolute)));
    }

    /** Malformed options, each at its line and column in the file; a run with any does not start. */
    public List<Problem> problems() {
        return problems;
    }

    public String displayPath() {
        return displayPath;
    }

    /** The problems as a compiler writes them: {@code snipcheck.yaml:3:7: error: ...}, the line, a caret, a hint. */
    public String describeProblems() {
        StringBuilder text = new StringBuilder();
        for (Problem problem : problems) {
            Position at = problem.position();
            String line = at.line() <= lines.size() ? lines.get(at.line() - 1) : "";
            text.append(displayPath).append(':').append(at.line()).append(':').append(at.column()).append(": error: ")
                    .append(problem.message()).append('\n')
                    .append("  | ").append(line).append('\n')
                    .append("  | ").append(" ".repeat(Math.max(0, at.column() - 1))).append("^\n")
                    .append("  = hint: ").append(problem.hint()).append('\n');
        }
        return text.toString().stripTrailing();
    }

    DeclaredOptions options() {
        return options;
    }

    /** The prelude files, each named as the config names it, below the config's own directory as reports show it. */
    List<Block.PreludeFile> prelude() {
        Path shownDirectory = Path.of(displayPath).getParent();
        return prelude.stream().map(file -> {
            String relative = directory.relativize(file).toString();
            String shown = shownDirectory == null ? relative : shownDirectory.resolve(relative).toString();
            return new Block.PreludeFile(file, shown.replace('\\', '/'));
        }).toList();
    }

    private static Position position(Mark mark) {
        return mark == null ? new Position(1, 1) : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
