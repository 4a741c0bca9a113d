package dev.snipcheck.markdown;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectConfigTest {

    @TempDir
    Path dir;

    @Test
    void frontMatterOverridesTheConfigAndJoinsItsListsAndMaps() throws IOException {
        ProjectConfig config = config("""
                mode: sync
                timeout: 10s
                imports: [com.example.Foo]
                allow: {unjoined-subscribe: "the project's examples fire and forget"}
                env: [A]
                redirect: false
                replace: {"<host>": localhost, "...": "null"}
                """);
        Page page = page("page.md", """
                ---
                snipcheck:
                  mode: async
                  imports: [com.example.Bar]
                  env: [B]
                  replace: {"...": "0"}
                ---
                ```java
                f("<host>", ...);
                ```
                """, config);

        assertEquals(List.of(), config.problems());
        assertEquals(new PageOptions(Optional.of(Mode.ASYNC), Optional.empty(),
                List.of("com.example.Foo", "com.example.Bar"), Optional.of(Duration.ofSeconds(10)),
                Map.of("unjoined-subscribe", "the project's examples fire and forget"), Optional.empty(),
                List.of("A", "B"), false, true), page.options());
        assertEquals("f(\"localhost\", 0);", page.blocks().get(0).code());
    }

    @Test
    void pagesGlobsSayWhichPagesTheConfigCovers() throws IOException {
        ProjectConfig config = config("pages: [\"docs/**.md\"]\nmode: sync\n");
        Files.createDirectories(dir.resolve("docs/guide"));

        assertTrue(config.covers(dir.resolve("docs/guide/pool.md")));
        assertFalse(config.covers(dir.resolve("README.md")));
        assertEquals(Optional.empty(), page("README.md", "# Readme\n", config).options().mode());
        assertEquals(Optional.of(Mode.SYNC), page("docs/guide/pool.md", "# Pool\n", config).options().mode());
        assertTrue(config("mode: sync\n").covers(dir.resolve("anywhere/else.md")));
    }

    @Test
    void preludeBlocksRunFirstAsHiddenBlocksOfTheirOwnFile() throws IOException {
        Files.writeString(dir.resolve("setup.md"), """
                # Setup shared by every page

                ```java
                var url = "jdbc:postgresql://<host>/db";
                ```
                """);
        ProjectConfig config = config("prelude: [setup.md]\nreplace: {\"<host>\": localhost}\n");
        Page page = page("page.md", "```java\nSystem.out.println(url);\n```\n", config);

        assertEquals(List.of(), config.problems());
        Block prelude = page.blocks().get(0);
        assertEquals(0, prelude.ordinal());
        assertTrue(prelude.hidden());
        assertEquals(3, prelude.fenceLine());
        assertEquals("setup.md", prelude.displayPath("page.md"));
        assertEquals(dir.resolve("setup.md"), prelude.file(dir.resolve("page.md")));
        assertEquals("var url = \"jdbc:postgresql://localhost/db\";", prelude.code());
        Block own = page.blocks().get(1);
        assertEquals(1, own.ordinal());
        assertEquals("page.md", own.displayPath("page.md"));
        assertEquals(1, own.fenceLine());
    }

    @Test
    void malformedConfigIsReportedAtItsLineAndColumn() throws IOException {
        ProjectConfig config = config("""
                mode: sync
                timeout: soon
                prelud: [setup.md]
                """);

        assertEquals("""
                snipcheck.yaml:2:10: error: invalid timeout `soon`
                  | timeout: soon
                  |          ^
                  = hint: %s
                snipcheck.yaml:3:1: error: unknown option `prelud` in snipcheck.yaml
                  | prelud: [setup.md]
                  | ^
                  = hint: did you mean `prelude`?""".formatted(Durations.HINT), config.describeProblems());
    }

    @Test
    void yamlThatIsNotYamlAndAMissingPrelude() throws IOException {
        assertEquals(List.of(new Problem(new Position(2, 1), "malformed snipcheck.yaml: expected '<document start>', "
                        + "but found '<block sequence start>'", "snipcheck.yaml holds the options of front matter at its top level, e.g. "
                        + "`mode: sync`")),
                config("  mode: sync\n- x\n").problems());
        assertEquals(List.of(new Problem(new Position(1, 1), "no such prelude file: gone.md",
                "prelude files are relative to the directory of snipcheck.yaml")),
                config("prelude: gone.md\n").problems());
    }

    private ProjectConfig config(String yaml) throws IOException {
        Path file = dir.resolve("snipcheck.yaml");
        Files.writeString(file, yaml);
        return ProjectConfig.read(file, "snipcheck.yaml");
    }

    private Page page(String name, String markdown, ProjectConfig config) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown);
        return new MarkdownReader().read(file, name, config);
    }
}
