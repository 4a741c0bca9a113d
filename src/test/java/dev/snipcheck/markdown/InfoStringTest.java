package dev.snipcheck.markdown;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfoStringTest {

    /** The only block of a page whose fence, on line 1, has this info string. */
    static Block block(String info) {
        return MarkdownReaderTest.page("```" + info + "\nx();\n```\n").blocks().get(0);
    }

    static Attributes attributes(String info) {
        Block block = block(info);
        assertEquals(List.of(), block.problems());
        return block.attributes();
    }

    @Test
    void flags() {
        assertTrue(attributes("java ignore").ignore());
        assertTrue(attributes("java no_run").noRun());
        assertTrue(attributes("java no-run").noRun());
        assertTrue(attributes("java isolated").isolated());
        assertEquals(Optional.of(Mode.ASYNC), attributes("java async").mode());
        assertEquals(Optional.of(Mode.SYNC), attributes("java sync").mode());
        assertEquals(Optional.empty(), attributes("java").mode());
    }

    @Test
    void compileFail() {
        Attributes bare = attributes("java compile-fail");
        assertTrue(bare.compileFail());
        assertEquals(Optional.empty(), bare.compileFailText());

        Attributes text = attributes("java compile_fail=\"cannot find symbol, sadly\"");
        assertTrue(text.compileFail());
        assertEquals(Optional.of("cannot find symbol, sadly"), text.compileFailText());
        assertFalse(text.fails());
    }

    @Test
    void fails() {
        Attributes bare = attributes("java fails");
        assertTrue(bare.fails());
        assertEquals(Optional.empty(), bare.failsWith());
        assertEquals(Optional.of("IllegalStateException"), attributes("java fails=IllegalStateException").failsWith());
        assertEquals(Optional.of("java.io.IOException"), attributes("java fails=java.io.IOException").failsWith());
        assertEquals(Optional.of("relation \"t\" does not exist, sorry"),
                attributes("sql fails=\"relation \\\"t\\\" does not exist, sorry\"").failsWith());
    }

    @Test
    void misuse() {
        assertEquals(List.of("connection-leak"), attributes("java misuse=connection-leak").misuse());
        assertEquals(List.of("connection-leak", "unsubscribed-publisher"),
                attributes("java misuse=connection-leak+unsubscribed_publisher").misuse());
    }

    @Test
    void timeout() {
        assertEquals(Optional.of(Duration.ofSeconds(10)), attributes("java timeout=10s").timeout());
        assertEquals(Optional.of(Duration.ofMillis(500)), attributes("java timeout=500ms").timeout());
        assertEquals(Optional.of(Duration.ofMinutes(2)), attributes("sql timeout=2m").timeout());
        assertEquals(Optional.empty(), attributes("java").timeout());
    }

    @Test
    void commasAndSpacesSeparate() {
        Attributes attributes = attributes("java,no_run, isolated ,timeout=5s  async");
        assertEquals(new Attributes(false, true, false, Optional.empty(), false, Optional.empty(), List.of(),
                Optional.of(Mode.ASYNC), true, Optional.of(Duration.ofSeconds(5)), false), attributes);
    }

    @Test
    void attributesOfOtherToolsAreIgnored() {
        Attributes attributes = attributes(
                "java title=\"Foo Bar.java\" {.line-numbers data-x=\"a } b\"} linenums linenums=\"1\" hl_lines=\"1 2\" run sink no_run");
        assertEquals(new Attributes(false, true, false, Optional.empty(), false, Optional.empty(), List.of(),
                Optional.empty(), false, Optional.empty(), false), attributes);
        assertEquals(Attributes.NONE, attributes("java {.java .numberLines startFrom=\"10\"}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            norun        | norun        | no_run
            compilefail  | compilefail  | compile_fail
            noRun        | noRun        | no_run
            isolate      | isolate      | isolated
            ignored      | ignored      | ignore
            mis-use=x    | mis-use      | misuse
            fail=Foo     | fail         | fails
            timout=5s    | timout       | timeout
            asynch       | asynch       | async
            NO_RUN       | NO_RUN       | no_run
            """)
    void nearMissesAreProblemsWithAHint(String word, String name, String suggestion) {
        Block block = block("java " + word);

        assertEquals(List.of(new Problem(new Position(1, 9), "unknown attribute `" + name + "`",
                "did you mean `" + suggestion + "`?")), block.problems());
    }

    @Test
    void problemColumnCountsTheFenceIndentation() {
        Page page = MarkdownReaderTest.page("""
                - item

                  ```sql no_run, isolate
                  select 1;
                  ```
                """);

        assertEquals(List.of(new Problem(new Position(3, 18), "unknown attribute `isolate`", "did you mean `isolated`?")),
                page.blocks().get(0).problems());
    }

    @Test
    void malformedValuesAreProblems() {
        assertProblem("java timeout=soon", 9, "invalid timeout `soon`",
                "write a positive duration such as `10s`, `500ms`, `2m` or `1m30s`");
        assertProblem("java timeout=0s", 9, "invalid timeout `0s`",
                "write a positive duration such as `10s`, `500ms`, `2m` or `1m30s`");
        assertProblem("java timeout", 9, "attribute `timeout` needs a value",
                "write a positive duration such as `10s`, `500ms`, `2m` or `1m30s`");
        assertProblem("java  misuse=", 10, "attribute `misuse` needs rule ids",
                "write `misuse=rule-id`, or several ids joined by `+`");
        assertProblem("java misuse=a++b", 9, "attribute `misuse` has an empty rule id in `a++b`",
                "write `misuse=rule-id`, or several ids joined by `+`");
        assertProblem("java no_run=true", 9, "attribute `no_run` takes no value", "write `no_run` alone");
        assertProblem("java fails=\"\"", 9, "attribute `fails` has an empty value",
                "write `fails` alone, or `fails=\"text\"`");
        assertProblem("java compile_fail=\"oops", 9, "the quoted value of `compile_fail` is not closed",
                "end the value with `\"`");
        assertProblem("java async sync", 15, "`async` and `sync` contradict each other", "keep one of them");
        assertProblem("java no_run no-run", 16, "attribute `no_run` is given twice", "keep one of them");
    }

    @Test
    void uncheckedLanguagesKeepNoAttributes() {
        Block block = block("kotlin norun timeout=soon");
        assertEquals(Attributes.NONE, block.attributes());
        assertEquals(List.of(), block.problems());
    }

    private static void assertProblem(String info, int column, String message, String hint) {
        assertEquals(List.of(new Problem(new Position(1, column), message, hint)), block(info).problems(), info);
    }
}
