package dev.snipcheck.java;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.snipcheck.timing.Timings;

import javax.lang.model.element.Element;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Learns the types of top-level {@code var} declarations of session blocks, which become fields. A type the
 * initializer's syntax gives is taken as it is; a {@code var} that nothing after its declaration could tell from a
 * local needs none (see {@link SessionLocals}); for the others a round compiles (analysis only) with the unknown ones
 * left as locals, where javac infers them, and a {@code var} whose initializer uses another block's unknown
 * {@code var} is learned a round later.
 */
final class VarInference {

    private static final int MAX_ROUNDS = 8;

    /** The generator of a page's sources, given the page's index in the part and the types known so far. */
    interface Generators {
        PageGenerator of(PageInput page, int index, Map<Piece.Declarator, String> types);
    }

    private final Generators generators;
    private final Function<List<StringSource>, JavacTask> analysisTask;

    VarInference(Generators generators, Function<List<StringSource>, JavacTask> analysisTask) {
        this.generators = generators;
        this.analysisTask = analysisTask;
    }

    /** The types of the pages' {@code var}s that could be learned, by declarator. */
    Map<Piece.Declarator, String> types(Map<PageInput, List<JavaBlock>> pages) {
        Map<Piece.Declarator, String> types = new IdentityHashMap<>();
        pages.values().stream().flatMap(List::stream).flatMap(JavaBlock::inferredVars)
                .flatMap(v -> v.declarators().stream())
                .forEach(d -> d.evidentType().ifPresent(type -> types.put(d, type)));
        Set<Piece.Declarator> locals = SessionLocals.of(pages);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<PageGenerator.Unit> units = new ArrayList<>();
            int index = 0;
            for (Map.Entry<PageInput, List<JavaBlock>> page : pages.entrySet()) {
                List<JavaBlock> blocks = page.getValue();
                int last = blocks.size() - 1;
                while (last >= 0 && !(blocks.get(last).block().attributes().extendsSession()
                        && blocks.get(last).hasVarsToInfer(types, locals))) {
                    last--;
                }
                // the blocks after the last unknown var cannot change what javac infers for it
                if (last >= 0) {
                    units.addAll(generators.of(page.getKey(), index, types).generate(blocks.subList(0, last + 1)));
                }
                index++;
            }
            if (units.isEmpty()) {
                break;
            }
            int before = types.size();
            try (var timed = Timings.start("03 var inference round (javac analyze)")) {
                learn(units, types);
            }
            if (types.size() == before) {
                break;
            }
        }
        return types;
    }

    private void learn(List<PageGenerator.Unit> units, Map<Piece.Declarator, String> types) {
        UnitSources sources = UnitSources.of(units);
        Map<URI, PageGenerator.Unit> unitOf = sources.unitOf();
        JavacTask task = analysisTask.apply(sources.files());
        Iterable<? extends CompilationUnitTree> trees;
        try {
            trees = task.parse();
            task.analyze();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Trees treeUtil = Trees.instance(task);
        for (CompilationUnitTree tree : trees) {
            PageGenerator.Unit unit = unitOf.get(tree.getSourceFile().toUri());
            if (unit.block() == null || unit.block().unit() || !unit.block().block().attributes().extendsSession()) {
                continue;
            }
            for (StatementTree statement : runMethodStatements(tree, PageGenerator.runMethod(unit.block().block()))) {
                if (statement instanceof VariableTree variable) {
                    Element element = treeUtil.getElement(TreePath.getPath(tree, variable));
                    Optional<String> type = element == null ? Optional.empty() : TypePrinter.print(element.asType());
                    Optional<Piece.Declarator> declarator = declarator(unit.block(), variable.getName().toString());
                    if (type.isPresent() && declarator.isPresent() && !types.containsKey(declarator.get())) {
                        types.put(declarator.get(), type.get());
                    }
                }
            }
        }
    }

    private static List<? extends StatementTree> runMethodStatements(CompilationUnitTree tree, String runMethod) {
        for (Tree type : tree.getTypeDecls()) {
            if (type instanceof ClassTree cls) {
                for (Tree member : cls.getMembers()) {
                    if (member instanceof MethodTree method && method.getName().contentEquals(runMethod)
                            && method.getBody() != null) {
                        return method.getBody().getStatements();
                    }
                }
            }
        }
        return List.of();
    }

    private static Optional<Piece.Declarator> declarator(JavaBlock block, String name) {
        return block.inferredVars().flatMap(v -> v.declarators().stream())
                .filter(d -> d.name().equals(name))
                .findFirst();
    }
}
