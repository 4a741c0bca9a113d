package dev.snipcheck.markdown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a Markdown file into a {@link Page}: its front matter options and every fenced block, hidden ones included. */
public final class MarkdownReader {

    public Page read(Path file, String displayPath) throws IOException {
        return read(file, displayPath, ProjectConfig.NONE);
    }

    /** Reads a page with the options of the project's config laid under its front matter, when the config covers it. */
    public Page read(Path file, String displayPath, ProjectConfig config) throws IOException {
        PageText text = PageText.decode(Files.readAllBytes(file));
        FrontMatter front = FrontMatter.read(normalize(text.text()));
        boolean covered = config.covers(file);
        DeclaredOptions declared = covered ? front.declared().over(config.options()) : front.declared();
        List<Block> blocks = new ArrayList<>();
        if (covered) {
            for (Block.PreludeFile prelude : config.prelude()) {
                for (Block block : FenceCollector.collect(body(prelude.file()))) {
                    if (block.isChecked()) {
                        blocks.add(replaced(block.asPrelude(blocks.size(), prelude), declared));
                    }
                }
            }
        }
        for (Block block : FenceCollector.collect(front.body())) {
            blocks.add(replaced(block.withOrdinal(blocks.size()), declared));
        }
        List<Problem> problems = new ArrayList<>(front.problems());
        text.problem().ifPresent(problem -> problems.add(0, problem));
        return new Page(file, displayPath, declared.pageOptions(), List.copyOf(blocks), List.copyOf(problems));
    }

    public Page parse(String text, Path file, String displayPath) {
        FrontMatter front = FrontMatter.read(normalize(text));
        List<Block> blocks = new ArrayList<>();
        for (Block block : FenceCollector.collect(front.body())) {
            blocks.add(replaced(block, front.declared()));
        }
        return new Page(file, displayPath, front.declared().pageOptions(), List.copyOf(blocks), front.problems());
    }

    /**
     * The Markdown of a file as snipcheck reads it, with its front matter turned into blank lines so that line numbers
     * stay the file's: what a report renders for people.
     */
    public String body(Path file) throws IOException {
        return FrontMatter.read(normalize(PageText.decode(Files.readAllBytes(file)).text())).body();
    }

    /** A checked block with the page's placeholders replaced, and those of the named map its fence asks for. */
    private static Block replaced(Block block, DeclaredOptions options) {
        if (!block.isChecked()) {
            return block;
        }
        Map<String, String> replace = new LinkedHashMap<>(options.replace());
        if (block.attributes().replace().isPresent()) {
            String name = block.attributes().replace().get();
            Map<String, String> named = options.namedReplace().get(name);
            if (named == null) {
                List<Problem> problems = new ArrayList<>(block.problems());
                problems.add(new Problem(block.fence(), "no replace map named `" + name + "`",
                        options.namedReplace().isEmpty()
                                ? "name one in front matter or snipcheck.yaml, e.g. `replace: {" + name + ": {\"...\": \"null\"}}`"
                                : "the named maps are " + String.join(", ", options.namedReplace().keySet())));
                return block.withProblems(problems);
            }
            replace.putAll(named);
        }
        return Placeholders.apply(block, replace);
    }

    /** Line ends become {@code \n} and a byte order mark goes, so that offsets count only what editors show. */
    private static String normalize(String text) {
        String withoutMark = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutMark.replace("\r\n", "\n").replace('\r', '\n');
    }
}
