package dev.snipcheck.markdown;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownReaderTest {

    static Page page(String markdown) {
        return new MarkdownReader().parse(markdown, Path.of("doc.md"), "doc.md");
    }

    static void assertMap(int[] lines, int[] columns, SourceMap map) {
        assertArrayEquals(lines, map.lines(), "lines");
        assertArrayEquals(columns, map.columns(), "columns");
    }

    @Test
    void topLevelBlock() {
        Page page = page("""
                # Title

                ```java
                int x = 1;
                System.out.println(x);
                ```
                """);

        Block block = page.blocks().get(0);
        assertEquals(1, page.blocks().size());
        assertEquals(0, block.ordinal());
        assertEquals("java", block.language());
        assertEquals("java", block.infoString());
        assertEquals("int x = 1;\nSystem.out.println(x);", block.code());
        assertEquals(3, block.fenceLine());
        assertFalse(block.hidden());
        assertMap(new int[] {4, 5}, new int[] {1, 1}, block.map());
        assertEquals(Attributes.NONE, block.attributes());
        assertEquals(List.of(), block.problems());
        assertEquals(PageOptions.NONE, page.options());
        assertEquals(List.of(), page.problems());
    }

    @Test
    void blocksInListItemsKeepTheirColumns() {
        Page page = page("""
                1. Step one:

                   ```java
                   int x = 1;

                     x++;
                   ```
                   - nested:

                     ```sql
                     select 1;
                     ```
                """);

        Block java = page.blocks().get(0);
        assertEquals("int x = 1;\n\n  x++;", java.code());
        assertEquals(3, java.fenceLine());
        assertMap(new int[] {4, 5, 6}, new int[] {4, 1, 4}, java.map());

        Block sql = page.blocks().get(1);
        assertEquals("select 1;", sql.code());
        assertEquals(10, sql.fenceLine());
        assertMap(new int[] {11}, new int[] {6}, sql.map());
    }

    @Test
    void blocksInBlockQuotesLoseTheirPrefix() {
        Page page = page("""
                > Quote:
                >
                > ~~~~java no_run
                > var a = 1;
                >   a++;
                > ~~~~

                - item

                  > ```java
                  > x();
                  > ```
                """);

        Block quoted = page.blocks().get(0);
        assertEquals("var a = 1;\n  a++;", quoted.code());
        assertEquals(3, quoted.fenceLine());
        assertTrue(quoted.attributes().noRun());
        assertMap(new int[] {4, 5}, new int[] {3, 3}, quoted.map());

        Block inItem = page.blocks().get(1);
        assertEquals("x();", inItem.code());
        assertEquals(10, inItem.fenceLine());
        assertMap(new int[] {11}, new int[] {5}, inItem.map());
    }

    @Test
    void longerFenceHoldsShorterOnes() {
        Page page = page("""
                ````markdown
                ```java
                not a block
                ```
                ````
                """);

        assertEquals(1, page.blocks().size());
        assertEquals("markdown", page.blocks().get(0).language());
        assertEquals("```java\nnot a block\n```", page.blocks().get(0).code());
    }

    @Test
    void indentedCodeIsNoBlock() {
        Page page = page("""
                Text.

                    ```java
                    indented();
                    ```

                More text.

                    int y = 2;
                """);

        assertEquals(List.of(), page.blocks());
    }

    @Test
    void everyLanguageIsABlockButOnlyCheckedLanguagesGetAttributes() {
        Page page = page("""
                ```
                plain
                ```

                ```Ruby title="a.rb" norun
                puts 1
                ```

                ```SQL
                select 1;
                ```

                ```java
                ```
                """);

        List<Block> blocks = page.blocks();
        assertEquals(List.of("", "ruby", "sql", "java"), blocks.stream().map(Block::language).toList());
        assertEquals(List.of(0, 1, 2, 3), blocks.stream().map(Block::ordinal).toList());
        assertEquals("Ruby title=\"a.rb\" norun", blocks.get(1).infoString());
        assertEquals(Attributes.NONE, blocks.get(1).attributes());
        assertEquals(List.of(), blocks.get(1).problems());
        assertFalse(blocks.get(1).isChecked());
        assertTrue(blocks.get(2).isSql());
        assertEquals("", blocks.get(3).code());
        assertEquals(0, blocks.get(3).map().lineCount());
    }

    @Test
    void pythonBlocksGetAttributesAndNearMisses() {
        Page page = page("""
                ```python title="a.py" no_run
                print(1)
                ```

                ```python norun
                print(1)
                ```
                """);

        assertTrue(page.blocks().get(0).attributes().noRun());
        assertEquals(List.of(), page.blocks().get(0).problems());
        assertEquals(1, page.blocks().get(1).problems().size());
    }

    @Test
    void outputBlockBelongsToTheBlockBefore() {
        Page page = page("""
                ```java
                System.out.println("hi");
                ```


                ```output
                hi
                  there
                ```

                ```sql
                select 1 as one;
                ```
                ```output
                 one
                -----
                   1
                ```
                """);

        assertEquals(2, page.blocks().size());
        ExpectedOutput java = page.blocks().get(0).expectedOutput().orElseThrow();
        assertEquals("hi\n  there", java.text());
        assertEquals(6, java.fenceLine());
        assertMap(new int[] {7, 8}, new int[] {1, 1}, java.map());

        Block sql = page.blocks().get(1);
        assertEquals(1, sql.ordinal());
        assertEquals(" one\n-----\n   1", sql.expectedOutput().orElseThrow().text());
        assertEquals(14, sql.expectedOutput().orElseThrow().fenceLine());
    }

    @Test
    void outputInAListItemKeepsItsColumns() {
        Page page = page("""
                - run it:

                  ```java
                  System.out.println(1);
                  ```

                  ```output
                  1
                  ```
                - ```output
                  not attached: another item
                  ```
                """);

        assertEquals(2, page.blocks().size());
        ExpectedOutput output = page.blocks().get(0).expectedOutput().orElseThrow();
        assertEquals(7, output.fenceLine());
        assertMap(new int[] {8}, new int[] {3}, output.map());
        assertEquals("output", page.blocks().get(1).language());
        assertEquals(10, page.blocks().get(1).fenceLine());
    }

    @Test
    void outputStaysABlockWhenNotRightAfterACheckedBlock() {
        Page page = page("""
                ```java
                System.out.println(1);
                ```

                It prints:

                ```output
                1
                ```

                ```bash
                echo 2
                ```

                ```output
                2
                ```

                ```java
                System.out.println(3);
                ```
                ```output
                3
                ```
                ```output
                a second output is a block of its own
                ```
                """);

        List<Block> blocks = page.blocks();
        assertEquals(List.of("java", "output", "bash", "output", "java", "output"),
                blocks.stream().map(Block::language).toList());
        assertTrue(blocks.get(0).expectedOutput().isEmpty());
        assertEquals(7, blocks.get(1).fenceLine());
        assertFalse(blocks.get(1).isChecked());
        assertEquals("3", blocks.get(4).expectedOutput().orElseThrow().text());
        assertEquals(25, blocks.get(5).fenceLine());
        assertEquals(5, blocks.get(5).ordinal());
    }

    @Test
    void hiddenBlocksComeInDocumentOrderWithTheirRealLines() {
        Page page = page("""
                Intro.

                <!-- snipcheck
                ```java
                var hiddenSetup = 1;
                ```
                -->

                ```java
                System.out.println(hiddenSetup);
                ```

                <!-- a note
                ```java
                ignored();
                ```
                -->

                <!--snipcheck
                ```sql
                select 2;
                ```
                ```output
                 ?column?
                ```
                -->
                """);

        List<Block> blocks = page.blocks();
        assertEquals(3, blocks.size());
        Block setup = blocks.get(0);
        assertTrue(setup.hidden());
        assertEquals("var hiddenSetup = 1;", setup.code());
        assertEquals(4, setup.fenceLine());
        assertMap(new int[] {5}, new int[] {1}, setup.map());

        assertFalse(blocks.get(1).hidden());
        assertEquals(9, blocks.get(1).fenceLine());

        Block sql = blocks.get(2);
        assertTrue(sql.hidden());
        assertEquals(20, sql.fenceLine());
        assertEquals(2, sql.ordinal());
        assertEquals(23, sql.expectedOutput().orElseThrow().fenceLine());
        assertMap(new int[] {24}, new int[] {1}, sql.expectedOutput().orElseThrow().map());
    }

    @Test
    void hiddenBlocksInContainersMapToTheOuterFile() {
        Page page = page("""
                - Step:

                  <!-- snipcheck
                  ```java norun
                    assert x;
                  ```
                  -->

                > <!-- snipcheck
                > ```sql
                > select 1;
                > ```
                > -->
                """);

        Block java = page.blocks().get(0);
        assertTrue(java.hidden());
        assertEquals(4, java.fenceLine());
        assertEquals("  assert x;", java.code());
        assertMap(new int[] {5}, new int[] {3}, java.map());
        assertEquals(List.of(new Problem(new Position(4, 11), "unknown attribute `norun`", "did you mean `no_run`?")),
                java.problems());

        Block sql = page.blocks().get(1);
        assertTrue(sql.hidden());
        assertEquals(10, sql.fenceLine());
        assertMap(new int[] {11}, new int[] {3}, sql.map());
    }

    @Test
    void hiddenCommentMayHoldBlankLinesAndSeveralBlocks() {
        Page page = page("""
                <!-- snipcheck

                ```java
                setUp();
                ```

                Some words for maintainers.

                ```java isolated
                tearDown();
                ```
                -->
                ```java
                visible();
                ```
                """);

        assertEquals(List.of(3, 9, 13), page.blocks().stream().map(Block::fenceLine).toList());
        assertEquals(List.of(true, true, false), page.blocks().stream().map(Block::hidden).toList());
        assertTrue(page.blocks().get(1).attributes().isolated());
        assertMap(new int[] {10}, new int[] {1}, page.blocks().get(1).map());
    }

    @Test
    void onlyCommentsStartingWithTheWordSnipcheckAreHidden() {
        Page page = page("""
                <!-- snipchecker
                ```java
                a();
                ```
                -->

                <!-- note: snipcheck
                ```java
                b();
                ```
                -->
                """);

        assertEquals(List.of(), page.blocks());
    }

    @Test
    void windowsLineEndsAndByteOrderMarkDoNotShiftPositions() {
        Page page = page("\uFEFF# T\r\n\r\n- ```java\r\n  a();\r\n  ```\r\n");

        Block block = page.blocks().get(0);
        assertEquals("a();", block.code());
        assertEquals(3, block.fenceLine());
        assertMap(new int[] {4}, new int[] {3}, block.map());
    }

    @Test
    void readsAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("page.md");
        Files.writeString(file, "```sql\nselect 1;\n```\n");

        Page page = new MarkdownReader().read(file, "page.md");

        assertEquals(file, page.file());
        assertEquals("page.md", page.displayPath());
        assertEquals("select 1;", page.blocks().get(0).code());
    }
}
