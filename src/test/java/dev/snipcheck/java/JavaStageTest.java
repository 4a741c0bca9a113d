package dev.snipcheck.java;

import dev.snipcheck.markdown.Attributes;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Mode;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.PageOptions;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.markdown.SourceMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaStageTest {

    @TempDir
    Path classes;

    /** A block whose code starts on Markdown line fence+1, indented by {@code indent} columns. */
    private static Block block(int ordinal, int fence, int indent, String code, Attributes attributes) {
        String[] lines = code.split("\n", -1);
        int[] mdLines = new int[lines.length];
        int[] cols = new int[lines.length];
        for (int i = 0; i < lines.length; i++) {
            mdLines[i] = fence + 1 + i;
            cols[i] = indent + 1;
        }
        return new Block(ordinal, "java", "java", attributes, code, fence, false, new SourceMap(mdLines, cols),
                Optional.empty(), List.of());
    }

    private static Attributes compileFail(String text) {
        return new Attributes(false, false, true, Optional.ofNullable(text), false, Optional.empty(), List.of(),
                Optional.empty(), false, Optional.empty(), false);
    }

    private CompiledPages compile(Block... blocks) {
        Page page = new Page(Path.of("doc.md"), "doc.md", PageOptions.NONE, List.of(blocks), List.of());
        return new JavaStage(System.getProperty("java.class.path"))
                .compile(List.of(new PageInput(page, Mode.ASYNC, List.of(blocks))), classes, AnalysisListener.NONE);
    }

    private String run(CompiledPages compiled, Block... blocks) throws Exception {
        StringBuilder out = new StringBuilder();
        List<String> printed = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, getClass().getClassLoader())) {
            java.io.PrintStream original = System.out;
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            System.setOut(new java.io.PrintStream(buffer, true));
            try {
                for (Block block : blocks) {
                    CompiledBlock c = compiled.block(block);
                    Class<?> cls = loader.loadClass(c.className());
                    if (c.main()) {
                        cls.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
                    } else {
                        Method m = cls.getMethod(c.method());
                        m.invoke(null);
                    }
                }
            } finally {
                System.setOut(original);
            }
            printed.add(buffer.toString());
        }
        out.append(String.join("", printed));
        return out.toString();
    }

    @Test
    void laterBlocksSeeEarlierVariablesMethodsTypesAndImports() throws Exception {
        Block b1 = block(0, 10, 0, "import java.math.BigDecimal;\nvar total = new BigDecimal(\"1.5\");\nint count = 2, other;\n"
                + "record Point(int x, int y) {}\nString twice(String s) { return s + s; }", Attributes.NONE);
        Block b2 = block(1, 20, 3, "var names = List.of(\"a\", \"b\");\nvar p = new Point(count, 3);\n"
                + "Runnable r = () -> System.out.println(twice(names.get(0)) + p.y() + total.add(BigDecimal.ONE));\nr.run();", Attributes.NONE);
        Block b3 = block(2, 30, 0, "count = count + 1;\nvar more = names.stream().map(n -> n + count).toList();\nSystem.out.println(more);", Attributes.NONE);
        CompiledPages compiled = compile(b1, b2, b3);
        for (Block b : List.of(b1, b2, b3)) {
            assertEquals(CompiledBlock.Status.COMPILED, compiled.block(b).status(), () -> compiled.block(b).toString());
        }
        assertEquals("aa32.5\n[a3, b3]\n", run(compiled, b1, b2, b3));
    }

    @Test
    void aVarWhoseTypeItsLiteralCastOrNewGivesHasTheTypeJavacWouldInfer() throws Exception {
        Block declares = block(0, 10, 0, "var n = 5;\nvar big = 5L;\nvar s = \"abc\";\nvar c = (CharSequence) \"xy\";\n"
                + "var list = new ArrayList<String>();\nvar sb = new StringBuilder(\"q\");\nvar ok = true;", Attributes.NONE);
        Block uses = block(1, 20, 0, "list.add(s);\nlong l = big + n;\nsb.append(c.length());\n"
                + "System.out.println(list + \" \" + sb + \" \" + l + \" \" + ok);", Attributes.NONE);
        Block castType = block(2, 30, 0, "String upper = c.toUpperCase();", Attributes.NONE);
        Block longType = block(3, 40, 0, "int narrowed = big;", Attributes.NONE);
        CompiledPages compiled = compile(declares, uses, castType, longType);
        for (Block b : List.of(declares, uses)) {
            assertEquals(CompiledBlock.Status.COMPILED, compiled.block(b).status(), () -> compiled.block(b).toString());
        }
        assertEquals(CompiledBlock.Status.FAILED, compiled.block(castType).status());
        assertTrue(compiled.block(castType).errors().get(0).message().contains("cannot find symbol"),
                () -> compiled.block(castType).errors().toString());
        assertEquals(CompiledBlock.Status.FAILED, compiled.block(longType).status());
        assertTrue(compiled.block(longType).errors().get(0).message().contains("lossy conversion from long to int"),
                () -> compiled.block(longType).errors().toString());
        assertEquals("[abc] q2 10 true\n", run(compiled, declares, uses));
    }

    @Test
    void aVarNoLaterBlockNamesBehavesAsAFieldWouldWhetherCapturedReassignedOrDeclaredAgain() throws Exception {
        Block first = block(0, 10, 0, "var words = java.util.stream.Stream.of(\"a\", \"b\").toList();\n"
                + "Runnable r = () -> System.out.println(words);\nr.run();\n"
                + "var count = words.size();\ncount++;\nRunnable c = () -> System.out.println(count);\nc.run();\n"
                + "var later = words.get(0);", Attributes.NONE);
        Block second = block(1, 20, 0, "var words = later + \"!\";\nSystem.out.println(words + count);", Attributes.NONE);
        CompiledPages compiled = compile(first, second);
        for (Block b : List.of(first, second)) {
            assertEquals(CompiledBlock.Status.COMPILED, compiled.block(b).status(), () -> compiled.block(b).toString());
        }
        assertEquals("[a, b]\n3\na!3\n", run(compiled, first, second));
    }

    @Test
    void compileErrorIsReportedAtItsMarkdownLineAndColumnAndDropsOnlyTheBlocksThatNeedIt() {
        Block good = block(0, 10, 0, "int x = 1;", Attributes.NONE);
        Block bad = block(1, 20, 3, "int y = x;\nString s = y;", Attributes.NONE);
        Block later = block(2, 30, 0, "System.out.println(x);", Attributes.NONE);
        Block needsY = block(3, 40, 0, "System.out.println(y);", Attributes.NONE);
        CompiledPages compiled = compile(good, bad, later, needsY);
        assertEquals(CompiledBlock.Status.COMPILED, compiled.block(good).status());
        CompiledBlock failed = compiled.block(bad);
        assertEquals(CompiledBlock.Status.FAILED, failed.status());
        assertEquals(new Position(22, 15), failed.errors().get(0).position(), failed.errors().toString());
        assertTrue(failed.errors().get(0).message().contains("incompatible types"), failed.errors().toString());
        assertEquals(CompiledBlock.Status.COMPILED, compiled.block(later).status());
        CompiledBlock dropped = compiled.block(needsY);
        assertEquals(CompiledBlock.Status.DROPPED, dropped.status());
        assertEquals("needs `y`, declared by the failed block at line 20", dropped.errors().get(0).message());
        assertEquals(41, dropped.errors().get(0).position().line());
    }

    @Test
    void modifiersOfTopLevelVariablesAreAcceptedAndIgnoredAsJShellDoes() throws Exception {
        Block declares = block(0, 10, 0, "private static int x = 1;\npublic static final String s = \"a\";", Attributes.NONE);
        Block uses = block(1, 20, 0, "System.out.println(x + s);", Attributes.NONE);
        CompiledPages compiled = compile(declares, uses);
        for (Block b : List.of(declares, uses)) {
            assertEquals(CompiledBlock.Status.COMPILED, compiled.block(b).status(), () -> compiled.block(b).toString());
        }
        assertEquals("1a\n", run(compiled, declares, uses));
    }

    @Test
    void aLastLineThatIsAnExpressionWithoutSemicolonIsThatExpressionAsJShellTakesIt() throws Exception {
        Block declares = block(0, 10, 0, "List<String> names = new ArrayList<>();\nnames.add(\"ada\")", Attributes.NONE);
        Block prints = block(1, 20, 0, "System.out.println(names) // shown", Attributes.NONE);
        CompiledPages compiled = compile(declares, prints);
        for (Block b : List.of(declares, prints)) {
            assertEquals(CompiledBlock.Status.COMPILED, compiled.block(b).status(), () -> compiled.block(b).toString());
        }
        assertEquals("[ada]\n", run(compiled, declares, prints));
    }

    @Test
    void compileErrorsNameTheBlocksLineNeverTheGeneratedClassOrMethod() {
        Block declares = block(0, 10, 0, "class Helper {}\nint x = 1;", Attributes.NONE);
        Block twice = block(1, 20, 0, "int y = 1;\nString y = \"two\";", Attributes.NONE);
        CompiledPages compiled = compile(declares, twice);
        CompiledBlock failed = compiled.block(twice);
        assertEquals(CompiledBlock.Status.FAILED, failed.status());
        String message = failed.errors().get(0).message();
        assertEquals("variable y is already defined in the block at line 20", message);
    }

    @Test
    void aMessageOfSeveralLinesReadsAsOneSentenceWithItsDetailsApart() {
        Block wrongArguments = block(0, 10, 0, "char c = \"abc\".charAt();", Attributes.NONE);
        CompiledPages compiled = compile(wrongArguments);
        assertEquals("method charAt in class java.lang.String cannot be applied to given types; required: int; "
                        + "found: no arguments; reason: actual and formal argument lists differ in length",
                compiled.block(wrongArguments).errors().get(0).message());
    }

    @Test
    void anImportOfThePagesOptionsThatDoesNotResolveIsNamedWithWhereItCameFrom() {
        Block uses = block(0, 10, 0, "int x = 1;", Attributes.NONE);
        PageOptions options = new PageOptions(Optional.empty(), Optional.empty(),
                List.of("io.r2dbc.postgresql.type.PostgresqlObjectId"), Optional.empty());
        Page page = new Page(Path.of("doc.md"), "doc.md", options, List.of(uses), List.of());
        CompiledPages compiled = new JavaStage(System.getProperty("java.class.path"))
                .compile(List.of(new PageInput(page, Mode.ASYNC, List.of(uses))), classes, AnalysisListener.NONE);
        assertEquals("package io.r2dbc.postgresql.type does not exist, in the import "
                        + "`io.r2dbc.postgresql.type.PostgresqlObjectId` of the page's `imports:` (its front matter or "
                        + "snipcheck.yaml)",
                compiled.block(uses).errors().get(0).message());
    }

    @Test
    void compileFailBlocksMustFailWithTheirText() {
        Block session = block(0, 10, 0, "int x = 1;", Attributes.NONE);
        Block failsAsDeclared = block(1, 20, 0, "String s = x;", compileFail("incompatible types"));
        Block wrongText = block(2, 30, 0, "String s = x;", compileFail("cannot find symbol"));
        Block compiles = block(3, 40, 0, "int y = x;", compileFail(null));
        CompiledPages compiled = compile(session, failsAsDeclared, wrongText, compiles);
        assertEquals(CompiledBlock.Status.EXPECTED_FAILURE, compiled.block(failsAsDeclared).status());
        assertEquals(CompiledBlock.Status.UNEXPECTED_SUCCESS, compiled.block(wrongText).status());
        assertEquals(CompiledBlock.Status.UNEXPECTED_SUCCESS, compiled.block(compiles).status());
    }

    @Test
    void compilationUnitWithMainRunsMain() throws Exception {
        Block unit = block(0, 5, 0, "public class Hello {\n  public static void main(String[] args) {\n    System.out.println(\"hi\");\n  }\n}", Attributes.NONE);
        Block after = block(1, 20, 0, "Hello.main(null);", Attributes.NONE);
        CompiledPages compiled = compile(unit, after);
        assertTrue(compiled.block(unit).main());
        assertEquals("hi\nhi\n", run(compiled, unit, after));
    }

    @Test
    void manyPagesInOneRunStillTellMethodsFromStatements() {
        // each method declaration fails to parse as a statement: over 100 such errors once hid the rest
        List<PageInput> pages = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            Block block = block(0, 1, 0, "int twice(int n) {\n    return 2 * n;\n}\nSystem.out.println(twice(" + i + "));",
                    Attributes.NONE);
            blocks.add(block);
            Page page = new Page(Path.of("p" + i + ".md"), "p" + i + ".md", PageOptions.NONE, List.of(block), List.of());
            pages.add(new PageInput(page, Mode.ASYNC, List.of(block)));
        }
        CompiledPages compiled = new JavaStage(System.getProperty("java.class.path")).compile(pages, classes,
                AnalysisListener.NONE);
        for (Block block : blocks) {
            assertEquals(CompiledBlock.Status.COMPILED, compiled.block(block).status(), () -> compiled.block(block).toString());
        }
    }
}
