package dev.snipcheck.java;

import dev.snipcheck.markdown.Attributes;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Mode;
import dev.snipcheck.markdown.Position;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the Java sources of one page. A page's session is a chain of classes: each block that adds
 * to the session extends the class of the previous one, so the fields (its variables), static
 * methods and member types of earlier blocks are inherited, and a later declaration of the same name
 * hides the earlier one, as in JShell. The chain's root holds the bindings ({@code pool}, ...).
 */
final class PageGenerator {

    /** What the run method of every block starts with; its line follows (see {@link #runMethod}). */
    static final String RUN_METHOD = "snipcheck$run_L";
    static final String PAGE_ROOT = "SnipcheckPage";
    /** The variables every fragment sees without declaring them, held by the chain's root, with their types. */
    private static final Map<String, String> BINDINGS = bindings();

    private final String packageName;
    private final Mode pageMode;
    private final List<String> pageImports;
    private final Map<Piece.Declarator, String> types;
    /** The type of each variable the session's blocks so far hold as a field, by name: the latest declaration's. */
    private final Map<String, String> sessionFields = new HashMap<>();

    /**
     * @param types inferred types of {@code var} declarations found so far; a {@code var} whose type
     *              is not known stays a local of its block's run method, where javac infers it
     */
    PageGenerator(String packageName, Mode pageMode, List<String> pageImports, Map<Piece.Declarator, String> types) {
        this.packageName = packageName;
        this.pageMode = pageMode;
        this.pageImports = pageImports;
        this.types = types;
    }

    /**
     * The method a fragment's statements run in, named after the block's line: were it the same in every class of the
     * chain, javac would check each one against the one it hides in every class above it, in time that grows with the
     * cube of a page's blocks (docs/performance.md).
     */
    static String runMethod(Block block) {
        return RUN_METHOD + block.fenceLine();
    }

    /** A fragment's run method as javac's messages name it: {@code method snipcheck$run_L12()}. */
    static Pattern runMethodInMessages() {
        return Pattern.compile("method " + Pattern.quote(RUN_METHOD) + "\\d+\\(\\)");
    }

    /** One generated compilation unit; {@code block} is null for the roots that hold bindings. */
    record Unit(JavaBlock block, String className, String path, GeneratedSource source) {
        StringSource toSource() {
            return new StringSource(path, source.text());
        }
    }

    /** Sources for the blocks, in document order; a block's unit comes after those it depends on. */
    List<Unit> generate(List<JavaBlock> blocks) {
        sessionFields.clear();
        List<Unit> units = new ArrayList<>();
        units.add(root(PAGE_ROOT, new Position(1, 1)));
        String session = PAGE_ROOT;
        List<ImportLine> sessionImports = new ArrayList<>();
        for (JavaBlock block : blocks) {
            Attributes attributes = block.block().attributes();
            String parent = session;
            if (attributes.isolated()) {
                parent = "SnipcheckScope_" + suffix(block);
                units.add(root(parent, block.block().fence()));
            }
            List<ImportLine> visible = attributes.isolated() ? List.of() : sessionImports;
            Unit unit = block.unit() ? unit(block) : fragment(block, parent, visible);
            units.add(unit);
            if (attributes.extendsSession()) {
                sessionImports.addAll(importsOf(block));
                if (block.unit()) {
                    block.packageName().ifPresent(p -> sessionImports.add(ImportLine.generated("import " + p + ".*;")));
                } else {
                    session = simpleName(unit.className());
                }
            }
        }
        return units;
    }

    /** An import line: copied from a block (with its position) or written by snipcheck. */
    private record ImportLine(String text, JavaBlock from, int start) {
        static ImportLine generated(String text) {
            return new ImportLine(text, null, -1);
        }

        void writeTo(GeneratedSource out) {
            if (from == null) {
                out.generated(text);
            } else {
                int line = lineOf(from.block().code(), start);
                int column = start - lineStart(from.block().code(), start);
                out.original(text.replace('\n', ' '), from.block().map(), line, column);
            }
            out.newline();
        }
    }

    private static List<ImportLine> importsOf(JavaBlock block) {
        List<ImportLine> imports = new ArrayList<>();
        String code = block.block().code();
        for (int[] range : block.imports()) {
            imports.add(new ImportLine(code.substring(range[0], range[1]), block, range[0]));
        }
        for (Piece piece : block.pieces()) {
            if (piece instanceof Piece.Import imp) {
                imports.add(new ImportLine(code.substring(imp.start(), imp.end()), block, imp.start()));
            }
        }
        return imports;
    }

    private Unit root(String simpleName, Position fence) {
        GeneratedSource out = new GeneratedSource(fence);
        out.generated("package " + packageName + ";\n");
        out.generated("public class " + simpleName + " {\n");
        BINDINGS.forEach((name, type) -> out.generated("  public static " + type + " " + name + ";\n"));
        out.generated("}\n");
        return new Unit(null, packageName + "." + simpleName, path(packageName, simpleName), out);
    }

    private Unit unit(JavaBlock block) {
        GeneratedSource out = new GeneratedSource(block.block().fence());
        String pkg = block.packageName().orElseGet(() -> block.block().attributes().extendsSession()
                ? packageName : packageName + "." + suffix(block).toLowerCase(Locale.ROOT));
        if (block.packageName().isEmpty()) {
            out.generated("package " + pkg + ";\n");
        }
        new CodeCopy(block.block().code(), block.block().map()).writeTo(out);
        String runnable = block.mainClass().orElse(block.fileName());
        return new Unit(block, pkg + "." + runnable, path(pkg, block.fileName()), out);
    }

    private Unit fragment(JavaBlock block, String parent, List<ImportLine> sessionImports) {
        String code = block.block().code();
        GeneratedSource out = new GeneratedSource(block.block().fence());
        String simpleName = "Block_" + suffix(block);
        out.generated("package " + packageName + ";\n");
        Mode mode = block.block().attributes().mode().orElse(pageMode);
        for (String imp : DefaultImports.of(mode)) {
            out.generated("import " + imp + ";\n");
        }
        for (String imp : pageImports) {
            out.note("the import `" + imp + "` of the page's `imports:` (its front matter or snipcheck.yaml)")
                    .generated("import " + imp + ";\n");
        }
        sessionImports.forEach(line -> line.writeTo(out));
        importsOf(block).forEach(line -> line.writeTo(out));
        out.generated("public class " + simpleName + " extends " + parent + " {\n");

        boolean hoistVars = block.block().attributes().extendsSession();
        Map<Piece.Declarator, String> hoisted = new IdentityHashMap<>();
        // the types of the block's own variables (fields or locals) by name: a name declared again with the same
        // type is one variable, as two snippets of JShell declaring it in turn leave one
        Map<String, String> ownVariables = new HashMap<>();
        List<int[]> members = new ArrayList<>();
        CodeCopy memberCopy = new CodeCopy(code, block.block().map());
        CodeCopy statementCopy = new CodeCopy(code, block.block().map());
        for (Piece piece : block.pieces()) {
            if (piece instanceof Piece.Member member) {
                members.add(new int[]{member.start(), member.end()});
                if (!member.isStatic()) {
                    memberCopy.insert(member.start(), "static ");
                }
                statementCopy.blank(member.start(), member.end());
            } else if (piece instanceof Piece.Import imp) {
                statementCopy.blank(imp.start(), imp.end());
            } else if (piece instanceof Piece.Expression expression) {
                statementCopy.insert(expression.end(), ";");
            } else if (piece instanceof Piece.Var var && hoistVars && typesKnown(var)) {
                for (Piece.Declarator declarator : var.declarators()) {
                    String type = var.inferred() ? types.get(declarator) : code.substring(var.typeStart(), var.typeEnd());
                    hoisted.put(declarator, type);
                    if (type.equals(ownVariables.get(declarator.name()))) {
                        continue;
                    }
                    ownVariables.put(declarator.name(), type);
                    // the block's code before this declaration still reads an earlier block's variable of the name,
                    // as in JShell, where it is replaced only when its new declaration runs
                    String earlier = isEarlier(declarator.name(), type) ? parent : null;
                    writeField(out, block, var, declarator, type, earlier);
                }
                assignInstead(statementCopy, var, hoisted);
            } else if (piece instanceof Piece.Var var && !var.inferred()) {
                // a local of the run method (a block that adds nothing to the session): declared again, it is assigned
                String type = code.substring(var.typeStart(), var.typeEnd());
                boolean again = var.declarators().stream()
                        .allMatch(d -> type.equals(ownVariables.get(d.name())) && !d.bareArray());
                if (again) {
                    assignInstead(statementCopy, var, Map.of());
                } else {
                    var.declarators().forEach(d -> ownVariables.put(d.name(), type));
                }
            }
        }
        if (hoistVars) {
            sessionFields.putAll(ownVariables);
        }
        memberCopy.keepOnly(members);
        memberCopy.writeTo(out);
        out.generated("public static void " + runMethod(block.block()) + "() throws Throwable {\n");
        statementCopy.writeTo(out);
        out.generated("}\n}\n");
        return new Unit(block, packageName + "." + simpleName, path(packageName, simpleName), out);
    }

    /**
     * Whether an earlier block's variable, or a binding, has this name and type: {@code ConnectionFactory
     * connectionFactory} is the binding's type as a page writes it.
     */
    private boolean isEarlier(String name, String type) {
        if (sessionFields.containsKey(name)) {
            return sessionFields.get(name).equals(type);
        }
        String binding = BINDINGS.get(name);
        return binding != null && (binding.equals(type) || binding.endsWith("." + type));
    }

    private static Map<String, String> bindings() {
        Map<String, String> bindings = new LinkedHashMap<>();
        bindings.put("pool", "io.r2dbc.pool.ConnectionPool");
        bindings.put("connectionFactory", "io.r2dbc.spi.ConnectionFactory");
        bindings.put("dataSource", "javax.sql.DataSource");
        bindings.put("jdbcUrl", "String");
        bindings.put("r2dbcUrl", "String");
        return Collections.unmodifiableMap(bindings);
    }

    /**
     * What names a block's generated classes: {@code L} and its fence line, which messages turn back into that line;
     * a block of a prelude file, whose lines may be a page block's too, adds its ordinal among the page's blocks.
     */
    private static String suffix(JavaBlock block) {
        Block of = block.block();
        return "L" + of.fenceLine() + (of.prelude().isPresent() ? "_prelude" + of.ordinal() : "");
    }

    private boolean typesKnown(Piece.Var var) {
        return !var.inferred() || var.declarators().stream().allMatch(types::containsKey);
    }

    /** @param earlier the class whose field of the same name and type this one starts as, or null */
    private static void writeField(GeneratedSource out, JavaBlock block, Piece.Var var, Piece.Declarator declarator,
                                   String type, String earlier) {
        String code = block.block().code();
        out.generated("public static ");
        if (var.inferred()) {
            out.generated(type);
        } else {
            int line = lineOf(code, var.typeStart());
            out.original(type.replace('\n', ' '), block.block().map(), line, var.typeStart() - lineStart(code, var.typeStart()));
        }
        out.generated(" ");
        int line = lineOf(code, declarator.nameStart());
        out.original(declarator.name(), block.block().map(), line, declarator.nameStart() - lineStart(code, declarator.nameStart()));
        out.generated(earlier == null ? ";\n" : " = " + earlier + "." + declarator.name() + ";\n");
    }

    /** {@code final int a = 1, b;} becomes {@code a = 1;} in place, every other character where it was. */
    private static void assignInstead(CodeCopy copy, Piece.Var var, Map<Piece.Declarator, String> types) {
        List<Piece.Declarator> declarators = var.declarators();
        copy.blank(var.start(), declarators.get(0).nameStart());
        for (Piece.Declarator declarator : declarators) {
            if (declarator.comma() >= 0) {
                copy.replace(declarator.comma(), ';');
            }
            if (declarator.initStart() < 0) {
                copy.blank(declarator.nameStart(), declarator.nameEnd());
            } else if (declarator.bareArray()) {
                copy.insert(declarator.initStart(), "new " + types.get(declarator) + " ");
            }
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String path(String pkg, String simpleName) {
        return pkg.replace('.', '/') + "/" + simpleName + ".java";
    }

    static int lineOf(String code, int offset) {
        int line = 0;
        for (int i = 0; i < offset && i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static int lineStart(String code, int offset) {
        return code.lastIndexOf('\n', offset - 1) + 1;
    }
}
