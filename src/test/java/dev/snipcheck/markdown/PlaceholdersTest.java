package dev.snipcheck.markdown;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlaceholdersTest {

    @Test
    void replaceSwapsPlaceholdersForCodeInEveryCheckedBlock() {
        Page page = MarkdownReaderTest.page("""
                ---
                snipcheck:
                  replace: {"<host>": localhost, "...": "null"}
                ---
                ```java
                var url = "jdbc:postgresql://<host>/test"; Object o = ...;
                ```

                ```text
                <host> stays in prose blocks
                ```
                """);

        assertEquals(List.of(), page.problems());
        assertEquals("var url = \"jdbc:postgresql://localhost/test\"; Object o = null;", page.blocks().get(0).code());
        assertEquals("<host> stays in prose blocks", page.blocks().get(1).code());
    }

    @Test
    void columnsAfterAReplacementStillPointAtTheMarkdown() {
        Page page = MarkdownReaderTest.page("""
                ---
                snipcheck:
                  replace: {"…": "null", "<host>": "localhost"}
                ---
                - item

                  ```java
                  f(…, "<host>", y);
                  ```
                """);
        Block block = page.blocks().get(0);
        String code = block.code();
        assertEquals("f(null, \"localhost\", y);", code);

        // `y` is at code column 21, Markdown column 3 + 15: `…` was 1 character for 4, `<host>` 6 for 9
        assertEquals(new Position(8, 3 + "f(…, \"<host>\", ".length()), block.map().position(0, code.indexOf('y')));
        // inside a replacement, the placeholder's own start
        assertEquals(new Position(8, 3 + "f(".length()), block.map().position(0, code.indexOf("ull")));
        assertEquals(new Position(8, 3 + "f(…, \"".length()), block.map().position(0, code.indexOf("host")));
        assertEquals(new Position(8, 3), block.map().position(0, 0));
    }

    @Test
    void aFenceNamesAMapOfItsOwn() {
        Page page = MarkdownReaderTest.page("""
                ---
                snipcheck:
                  replace:
                    "<host>": localhost
                    elided: {"...": "/* elided */"}
                ---
                ```java replace=elided
                connect("<host>"); ...
                ```

                ```java
                more(...);
                ```

                ```java replace=missing
                x();
                ```
                """);

        assertEquals("connect(\"localhost\"); /* elided */", page.blocks().get(0).code());
        assertEquals("more(...);", page.blocks().get(1).code());
        assertEquals(List.of(new Problem(new Position(15, 1), "no replace map named `missing`",
                "the named maps are elided")), page.blocks().get(2).problems());
    }

    @Test
    void malformedReplaceIsAProblemAtItsPosition() {
        Page page = MarkdownReaderTest.page("""
                ---
                snipcheck:
                  replace: {"<host>": [a, b]}
                ---
                """);

        assertEquals(List.of(new Problem(new Position(3, 23), "the code for `<host>` must be one line of text",
                "write e.g. `\"<host>\": \"null\"`")), page.problems());
    }
}
