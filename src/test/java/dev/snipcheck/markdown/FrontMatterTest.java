package dev.snipcheck.markdown;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrontMatterTest {

    @Test
    void snipcheckOptions() {
        Page page = MarkdownReaderTest.page("""
                ---
                title: Pools
                snipcheck:
                  mode: sync
                  skip: "needs a Kafka broker"
                  imports: [com.example.Foo, com.example.Bar]
                  timeout: 60s
                ---
                # Pools

                ```java
                x();
                ```
                """);

        assertEquals(new PageOptions(Optional.of(Mode.SYNC), Optional.of("needs a Kafka broker"),
                List.of("com.example.Foo", "com.example.Bar"), Optional.of(Duration.ofSeconds(60))), page.options());
        assertEquals(List.of(), page.problems());
        assertEquals(11, page.blocks().get(0).fenceLine());
        MarkdownReaderTest.assertMap(new int[] {12}, new int[] {1}, page.blocks().get(0).map());
    }

    @Test
    void oneImportAndOtherUnits() {
        PageOptions options = options("""
                ---
                snipcheck:
                  mode: async
                  imports: com.example.Foo
                  timeout: 500ms
                ---
                """);

        assertEquals(new PageOptions(Optional.of(Mode.ASYNC), Optional.empty(), List.of("com.example.Foo"),
                Optional.of(Duration.ofMillis(500))), options);
        assertEquals(Optional.of(Duration.ofMinutes(2)), options("---\nsnipcheck:\n  timeout: 2m\n---\n").timeout());
    }

    @Test
    void envNamesTheVariablesThePagesBlocksSee() {
        assertEquals(List.of("MY_SETTING", "OTHER"), options("---\nsnipcheck:\n  env: [MY_SETTING, OTHER]\n---\n").env());
        assertEquals(List.of("MY_SETTING"), options("---\nsnipcheck:\n  env: MY_SETTING\n---\n").env());
        assertEquals(List.of(), options("# No front matter\n").env());
    }

    @Test
    void pagesWithoutSnipcheckOptions() {
        assertEquals(PageOptions.NONE, options("# No front matter\n"));
        assertEquals(PageOptions.NONE, options("---\ntitle: Other tools only\nsnipcheck:\n---\n"));
        assertEquals(PageOptions.NONE, options("---\n---\n"));
    }

    @Test
    void frontMatterFencesAreNeitherThematicBreaksNorHeadings() {
        Page page = MarkdownReaderTest.page("""
                ---
                snipcheck:
                  mode: async
                ---
                ```java
                x();
                ```
                """);

        assertEquals(5, page.blocks().get(0).fenceLine());
        assertEquals("x();", page.blocks().get(0).code());
    }

    @Test
    void aLeadingThematicBreakWithoutClosingLineIsNoFrontMatter() {
        Page page = MarkdownReaderTest.page("""
                ---
                ```java
                x();
                ```
                """);

        assertEquals(PageOptions.NONE, page.options());
        assertEquals(List.of(), page.problems());
        assertEquals(2, page.blocks().get(0).fenceLine());
    }

    @Test
    void badValuesAndUnknownOptions() {
        Page page = MarkdownReaderTest.page("""
                ---
                snipcheck:
                  mode: fast
                  timeout: soon
                  improts: [a.B]
                  colour: red
                  skip: true
                ---
                """);

        assertEquals(List.of(
                new Problem(new Position(3, 9), "invalid mode `fast`", "write `async` or `sync`"),
                new Problem(new Position(4, 12), "invalid timeout `soon`",
                        "write a positive duration such as `10s`, `500ms`, `2m` or `1m30s`"),
                new Problem(new Position(5, 3), "unknown option `improts` in `snipcheck`", "did you mean `imports`?"),
                new Problem(new Position(6, 3), "unknown option `colour` in `snipcheck`",
                        "the options are `mode`, `skip`, `imports`, `timeout`, `allow`, `superuser`, `env`, `redirect`, `replace` and `cache`"),
                new Problem(new Position(7, 9), "`skip` needs a reason", "write e.g. `skip: \"needs a Kafka broker\"`")),
                page.problems());
    }

    @Test
    void allowSwitchesRulesOffWithAReason() {
        PageOptions options = options("""
                ---
                snipcheck:
                  allow:
                    unjoined-subscribe: "demonstrates fire-and-forget"
                    result_not_consumed: shows the raw Result
                ---
                """);

        assertEquals(Map.of("unjoined-subscribe", "demonstrates fire-and-forget",
                "result-not-consumed", "shows the raw Result"), options.allow());
    }

    @Test
    void allowNeedsRuleIdsAndReasons() {
        Page page = MarkdownReaderTest.page("""
                ---
                snipcheck:
                  allow:
                    unjoined-subscribe: true
                    Not A Rule: "why"
                ---
                """);

        assertEquals(List.of(
                new Problem(new Position(4, 25), "allowing `unjoined-subscribe` needs a reason",
                        "write e.g. `unjoined-subscribe: \"demonstrates fire-and-forget\"`"),
                new Problem(new Position(5, 5), "invalid rule id in `allow`", "write a rule id, e.g. `unjoined-subscribe`")),
                page.problems());
        assertEquals(Map.of(), page.options().allow());
        assertEquals(List.of(new Problem(new Position(3, 10), "`allow` must map rule ids to reasons",
                        "write e.g. `allow: { unjoined-subscribe: \"demonstrates fire-and-forget\" }`")),
                MarkdownReaderTest.page("---\nsnipcheck:\n  allow: [unjoined-subscribe]\n---\n").problems());
    }

    @Test
    void redirectIsOnUnlessTurnedOff() {
        assertEquals(true, options("---\nsnipcheck:\n  mode: sync\n---\n").redirect());
        assertEquals(false, options("---\nsnipcheck:\n  redirect: false\n---\n").redirect());
        Page page = MarkdownReaderTest.page("---\nsnipcheck:\n  redirect: never\n---\n");
        assertEquals(List.of(new Problem(new Position(3, 13), "invalid redirect `never`", "write `true` or `false`")),
                page.problems());
    }

    @Test
    void cacheIsOnUnlessTurnedOff() {
        assertEquals(true, options("---\nsnipcheck:\n  mode: sync\n---\n").cache());
        assertEquals(false, options("---\nsnipcheck:\n  cache: false\n---\n").cache());
        Page page = MarkdownReaderTest.page("---\nsnipcheck:\n  cache: sometimes\n---\n");
        assertEquals(List.of(new Problem(new Position(3, 10), "invalid cache `sometimes`", "write `true` or `false`")),
                page.problems());
    }

    @Test
    void snipcheckMustHoldOptions() {
        Page page = MarkdownReaderTest.page("---\nsnipcheck: async\n---\n");

        assertEquals(List.of(new Problem(new Position(2, 12), "`snipcheck` must hold options",
                "indent them below it, e.g. `  mode: async`")), page.problems());
    }

    @Test
    void malformedYamlIsAProblemAtItsLine() {
        Page page = MarkdownReaderTest.page("""
                ---
                title: a: b
                ---

                ```java
                x();
                ```
                """);

        assertEquals(List.of(new Problem(new Position(2, 9), "malformed front matter: mapping values are not allowed here",
                "the front matter must be YAML between two `---` lines")), page.problems());
        assertEquals(PageOptions.NONE, page.options());
        assertEquals(5, page.blocks().get(0).fenceLine());
    }

    private static PageOptions options(String markdown) {
        Page page = MarkdownReaderTest.page(markdown);
        assertEquals(List.of(), page.problems());
        return page.options();
    }
}
