package dev.snipcheck.java;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import dev.snipcheck.markdown.Block;

import javax.lang.model.element.Modifier;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, with javac's parser only (no attribution, so it is cheap), whether each Java block is a
 * compilation unit or a fragment, and what every top-level piece of a fragment is. All blocks of a
 * run are parsed in two javac tasks.
 */
final class BlockParser {

    private static final String STATEMENT_PREFIX = "class W { void m() {\n";
    private static final String MEMBER_PREFIX = "class W {\n";
    private static final String STATEMENT_SUFFIX = "\n}}";
    private static final String MEMBER_SUFFIX = "\n}";

    private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();

    List<JavaBlock> parse(List<Block> blocks) {
        List<StringSource> sources = new ArrayList<>();
        Map<Block, StringSource> units = new IdentityHashMap<>();
        Map<Block, List<Chunker.Chunk>> chunksOf = new IdentityHashMap<>();
        Map<Chunker.Chunk, StringSource> statementSources = new IdentityHashMap<>();
        for (Block block : blocks) {
            StringSource unit = new StringSource("u" + sources.size() + "/U.java", block.code());
            sources.add(unit);
            units.put(block, unit);
            List<Chunker.Chunk> chunks = Chunker.split(block.code());
            chunksOf.put(block, chunks);
            for (Chunker.Chunk chunk : chunks) {
                if (!isImport(chunk.text(block.code()))) {
                    StringSource wrapped = new StringSource("s" + sources.size() + "/S.java",
                            STATEMENT_PREFIX + chunk.text(block.code()) + STATEMENT_SUFFIX);
                    sources.add(wrapped);
                    statementSources.put(chunk, wrapped);
                }
            }
        }
        Parsed first = parseAll(sources);

        List<StringSource> memberSources = new ArrayList<>();
        Map<Chunker.Chunk, StringSource> memberSourceOf = new IdentityHashMap<>();
        for (Block block : blocks) {
            if (isUnit(first, units.get(block))) {
                continue;
            }
            for (Chunker.Chunk chunk : chunksOf.get(block)) {
                StringSource statement = statementSources.get(chunk);
                if (statement != null && first.failed.contains(statement.toUri())) {
                    StringSource wrapped = new StringSource("m" + memberSources.size() + "/M.java",
                            MEMBER_PREFIX + chunk.text(block.code()) + MEMBER_SUFFIX);
                    memberSources.add(wrapped);
                    memberSourceOf.put(chunk, wrapped);
                }
            }
        }
        Parsed second = parseAll(memberSources);

        // JShell takes a last line that is an expression without `;`: the block's last chunk, parsed again with one
        List<StringSource> expressionSources = new ArrayList<>();
        Map<Chunker.Chunk, StringSource> expressionSourceOf = new IdentityHashMap<>();
        for (Block block : blocks) {
            List<Chunker.Chunk> chunks = chunksOf.get(block);
            if (isUnit(first, units.get(block)) || chunks.isEmpty()) {
                continue;
            }
            Chunker.Chunk last = chunks.get(chunks.size() - 1);
            StringSource member = memberSourceOf.get(last);
            String text = last.text(block.code());
            if (member != null && second.failed.contains(member.toUri()) && !text.endsWith(";") && !text.endsWith("}")) {
                StringSource wrapped = new StringSource("e" + expressionSources.size() + "/E.java",
                        STATEMENT_PREFIX + text + ";" + STATEMENT_SUFFIX);
                expressionSources.add(wrapped);
                expressionSourceOf.put(last, wrapped);
            }
        }
        Parsed third = parseAll(expressionSources);

        List<JavaBlock> result = new ArrayList<>();
        for (Block block : blocks) {
            StringSource unit = units.get(block);
            if (isUnit(first, unit)) {
                result.add(unitBlock(block, first.trees.get(unit.toUri()), first.positions));
                continue;
            }
            List<Piece> pieces = new ArrayList<>();
            for (Chunker.Chunk chunk : chunksOf.get(block)) {
                StringSource expression = expressionSourceOf.get(chunk);
                pieces.add(expression != null && isExpressionStatement(third, expression)
                        ? new Piece.Expression(chunk.start(), chunk.end())
                        : piece(block.code(), chunk, first, statementSources.get(chunk), second, memberSourceOf.get(chunk)));
            }
            result.add(new JavaBlock(block, false, Optional.empty(), null, Optional.empty(), List.of(), pieces));
        }
        return result;
    }

    private static boolean isExpressionStatement(Parsed parsed, StringSource source) {
        if (parsed.failed.contains(source.toUri())) {
            return false;
        }
        MethodTree method = (MethodTree) ((ClassTree) parsed.trees.get(source.toUri()).getTypeDecls().get(0))
                .getMembers().get(0);
        List<? extends StatementTree> statements = method.getBody().getStatements();
        return statements.size() == 1 && statements.get(0) instanceof ExpressionStatementTree;
    }

    private static boolean isImport(String chunk) {
        return chunk.startsWith("import ") || chunk.startsWith("import\t") || chunk.startsWith("import\n");
    }

    private static boolean isUnit(Parsed parsed, StringSource unit) {
        if (parsed.failed.contains(unit.toUri())) {
            return false;
        }
        CompilationUnitTree tree = parsed.trees.get(unit.toUri());
        List<? extends Tree> types = tree.getTypeDecls();
        return types.stream().anyMatch(t -> t instanceof ClassTree)
                && types.stream().allMatch(t -> t instanceof ClassTree || t.getKind() == Tree.Kind.EMPTY_STATEMENT);
    }

    private static JavaBlock unitBlock(Block block, CompilationUnitTree tree, SourcePositions positions) {
        Optional<String> packageName = Optional.ofNullable(tree.getPackageName()).map(Object::toString);
        String fileName = null;
        Optional<String> mainClass = Optional.empty();
        for (Tree type : tree.getTypeDecls()) {
            if (type instanceof ClassTree cls) {
                String name = cls.getSimpleName().toString();
                if (fileName == null || cls.getModifiers().getFlags().contains(Modifier.PUBLIC)) {
                    fileName = name;
                }
                if (mainClass.isEmpty() && hasMain(cls)) {
                    mainClass = Optional.of(name);
                }
            }
        }
        List<int[]> imports = new ArrayList<>();
        for (ImportTree imp : tree.getImports()) {
            imports.add(new int[]{(int) positions.getStartPosition(tree, imp), (int) positions.getEndPosition(tree, imp)});
        }
        return new JavaBlock(block, true, packageName, fileName, mainClass, imports, List.of());
    }

    private static boolean hasMain(ClassTree cls) {
        for (Tree member : cls.getMembers()) {
            if (member instanceof MethodTree method && method.getName().contentEquals("main")) {
                Set<Modifier> flags = method.getModifiers().getFlags();
                if (flags.contains(Modifier.PUBLIC) && flags.contains(Modifier.STATIC)
                        && method.getParameters().size() == 1
                        && method.getReturnType() != null && method.getReturnType().toString().equals("void")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Piece piece(String code, Chunker.Chunk chunk, Parsed first, StringSource statement,
                               Parsed second, StringSource member) {
        if (statement == null) {
            return new Piece.Import(chunk.start(), chunk.end());
        }
        if (!first.failed.contains(statement.toUri())) {
            CompilationUnitTree tree = first.trees.get(statement.toUri());
            MethodTree method = (MethodTree) ((ClassTree) tree.getTypeDecls().get(0)).getMembers().get(0);
            List<? extends StatementTree> statements = method.getBody().getStatements();
            if (statements.size() == 1 && statements.get(0) instanceof ClassTree cls) {
                return new Piece.Member(chunk.start(), chunk.end(), isStatic(cls.getModifiers()),
                        cls.getSimpleName().toString());
            }
            if (!statements.isEmpty() && statements.stream().allMatch(s -> s instanceof VariableTree)) {
                return variable(code, chunk, tree, first.positions, statements, STATEMENT_PREFIX);
            }
            return new Piece.Statement(chunk.start(), chunk.end());
        }
        if (member != null && !second.failed.contains(member.toUri())) {
            List<? extends Tree> members = ((ClassTree) second.trees.get(member.toUri()).getTypeDecls().get(0)).getMembers();
            if (members.size() == 1 && members.get(0) instanceof MethodTree method) {
                return new Piece.Member(chunk.start(), chunk.end(), isStatic(method.getModifiers()),
                        method.getName().toString());
            }
            if (members.size() == 1 && members.get(0) instanceof ClassTree cls) {
                return new Piece.Member(chunk.start(), chunk.end(), isStatic(cls.getModifiers()),
                        cls.getSimpleName().toString());
            }
            if (!members.isEmpty() && members.stream().allMatch(m -> m instanceof VariableTree)) {
                // `private static int x = 1;`: a field's modifiers on a session variable, which JShell accepts and
                // ignores; the variable's type and names are what the session keeps
                return variable(code, chunk, second.trees.get(member.toUri()), second.positions, members, MEMBER_PREFIX);
            }
        }
        // Not valid Java either way: compiling it in place reports the syntax error where it is.
        return new Piece.Statement(chunk.start(), chunk.end());
    }

    private static boolean isStatic(ModifiersTree modifiers) {
        return modifiers.getFlags().contains(Modifier.STATIC);
    }

    /** @param prefix what the chunk was wrapped in to be parsed, before it */
    private static Piece variable(String code, Chunker.Chunk chunk, CompilationUnitTree tree, SourcePositions positions,
                                  List<? extends Tree> statements, String prefix) {
        int base = chunk.start() - prefix.length();
        VariableTree first = (VariableTree) statements.get(0);
        Tree type = first.getType();
        int typeStart;
        int typeEnd;
        boolean inferred;
        if (type == null || positions.getStartPosition(tree, type) < 0) {
            // `var x = ...`: the parser leaves the type out
            int varAt = code.indexOf("var", chunk.start());
            typeStart = varAt;
            typeEnd = varAt + 3;
            inferred = true;
        } else {
            typeStart = (int) positions.getStartPosition(tree, type) + base;
            typeEnd = (int) positions.getEndPosition(tree, type) + base;
            inferred = false;
        }
        List<Piece.Declarator> declarators = new ArrayList<>();
        int searchFrom = typeEnd;
        for (Tree statement : statements) {
            VariableTree variable = (VariableTree) statement;
            String name = variable.getName().toString();
            int nameStart = findName(code, name, searchFrom);
            int comma = declarators.isEmpty() ? -1 : code.lastIndexOf(',', nameStart);
            int initStart = -1;
            boolean bareArray = false;
            Optional<String> evident = Optional.empty();
            int end = nameStart + name.length();
            if (variable.getInitializer() != null) {
                initStart = (int) positions.getStartPosition(tree, variable.getInitializer()) + base;
                end = (int) positions.getEndPosition(tree, variable.getInitializer()) + base;
                bareArray = variable.getInitializer() instanceof NewArrayTree array && array.getType() == null;
                if (type == null || positions.getStartPosition(tree, type) < 0) {
                    evident = EvidentType.of(variable.getInitializer(), code, tree, positions, base);
                }
            }
            if (followedByBracket(code, nameStart + name.length())) {
                inferred = true;
                evident = Optional.empty();
            }
            declarators.add(new Piece.Declarator(name, nameStart, nameStart + name.length(), comma, initStart, bareArray,
                    evident));
            searchFrom = end;
        }
        return new Piece.Var(chunk.start(), chunk.end(), typeStart, typeEnd, inferred, declarators);
    }

    /** {@code int a[]}: the type is split around the name and cannot be copied as one piece of text. */
    private static boolean followedByBracket(String code, int from) {
        int i = from;
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return i < code.length() && code.charAt(i) == '[';
    }

    private static int findName(String code, String name, int from) {
        int at = from;
        while ((at = code.indexOf(name, at)) >= 0) {
            boolean startOk = at == 0 || !Character.isJavaIdentifierPart(code.charAt(at - 1));
            int after = at + name.length();
            boolean endOk = after >= code.length() || !Character.isJavaIdentifierPart(code.charAt(after));
            if (startOk && endOk) {
                return at;
            }
            at = after;
        }
        throw new IllegalStateException("declared name " + name + " not found in its declaration");
    }

    private record Parsed(Map<URI, CompilationUnitTree> trees, Set<URI> failed,
                          SourcePositions positions) {
    }

    private Parsed parseAll(List<StringSource> sources) {
        if (sources.isEmpty()) {
            return new Parsed(Map.of(), Set.of(), null);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        // Every source that fails must be known: javac stops reporting after 100 errors unless told otherwise.
        JavacTask task = (JavacTask) compiler.getTask(null, null, diagnostics,
                List.of("-proc:none", "-Xmaxerrs", String.valueOf(Integer.MAX_VALUE)), null, sources);
        Map<URI, CompilationUnitTree> trees = new HashMap<>();
        try {
            for (CompilationUnitTree tree : task.parse()) {
                trees.put(tree.getSourceFile().toUri(), tree);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<URI> failed = new HashSet<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR && diagnostic.getSource() != null) {
                failed.add(diagnostic.getSource().toUri());
            }
        }
        return new Parsed(trees, failed, Trees.instance(task).getSourcePositions());
    }
}
