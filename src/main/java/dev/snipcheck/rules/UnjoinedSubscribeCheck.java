package dev.snipcheck.rules;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.snipcheck.java.AnalyzedClass;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code unjoined-subscribe}, the part javac's trees show: {@code subscribe(...)} as a statement, its
 * {@code Disposable} dropped, on a pipeline whose work outlives the call: one that starts from the pool or the
 * R2DBC SPI, or that delivers its signals later on another thread ({@code Flux.interval}, {@code Mono.delay},
 * {@code delayElements}, {@code subscribeOn}, {@code publishOn}), with nothing after it in the block that
 * waits (a latch, a future, a queue, {@code block*()}, or a {@code Thread.sleep}, whose length it cannot judge).
 * A pipeline on a synchronous source has finished when {@code subscribe} returns.
 */
final class UnjoinedSubscribeCheck implements StaticCheck {

    /** How many variables deep a pipeline is followed back to where it starts. */
    private static final int VARIABLE_HOPS = 3;
    /** Reactor sources and operators that deliver signals later, on a scheduler's thread. */
    private static final Set<String> LATER = Set.of("interval", "delay", "delayElements", "delaySubscription",
            "delaySequence", "subscribeOn", "publishOn");

    @Override
    public List<Misuse> check(AnalyzedClass analyzed) {
        List<Misuse> found = new ArrayList<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitExpressionStatement(ExpressionStatementTree statement, Void unused) {
                if (statement.getExpression() instanceof MethodInvocationTree call
                        && call.getMethodSelect() instanceof MemberSelectTree select
                        && select.getIdentifier().contentEquals("subscribe")) {
                    TreePath callPath = new TreePath(getCurrentPath(), call);
                    TreePath receiver = new TreePath(new TreePath(callPath, select), select.getExpression());
                    boolean onPublisher = Apis.isPublisher(analyzed.trees().getTypeMirror(receiver), analyzed);
                    if (!onPublisher || waitedForLater(getCurrentPath(), analyzed)) {
                        return super.visitExpressionStatement(statement, unused);
                    }
                    String work = startsWork(receiver, analyzed, VARIABLE_HOPS, UnjoinedSubscribeCheck::isR2dbc)
                            ? "database work" : startsWork(receiver, analyzed, VARIABLE_HOPS,
                            UnjoinedSubscribeCheck::isLater) ? "work whose signals arrive later, on another thread"
                            : null;
                    if (work != null) {
                        found.add(new Misuse(Rule.UNJOINED_SUBSCRIBE, Apis.nameOf(call, analyzed),
                                "`subscribe()` starts " + work + ", and nothing in the block waits for it: it "
                                        + "is still in flight when the block ends",
                                "at the top level, end the pipeline with `.block()`/`.blockLast()` instead; or wait "
                                        + "for it, e.g. a CountDownLatch counted down in `doFinally` and awaited"));
                    }
                }
                return super.visitExpressionStatement(statement, unused);
            }
        }.scan(analyzed.path(), null);
        return found;
    }

    /** A call or a variable that starts a pipeline's work: the call, or the variable's declared type. */
    private interface Starts {
        boolean test(MethodInvocationTree call, ExecutableElement method, TypeMirror variableType);
    }

    /**
     * Whether the pipeline holds a call or a variable that starts such work, directly or through a variable whose
     * value the same method assigns ({@code hops} variables deep).
     */
    private static boolean startsWork(TreePath pipeline, AnalyzedClass analyzed, int hops, Starts starts) {
        return contains(pipeline, analyzed, path -> {
            Tree leaf = path.getLeaf();
            if (leaf instanceof MethodInvocationTree call) {
                return Apis.method(analyzed, path).filter(m -> starts.test(call, m, null)).isPresent();
            }
            if (leaf instanceof IdentifierTree) {
                Element element = analyzed.trees().getElement(path);
                if (element == null || element.getKind() == ElementKind.PACKAGE) {
                    return false;
                }
                return starts.test(null, null, element.asType())
                        || hops > 0 && valuesOf(element, path, analyzed).stream()
                        .anyMatch(value -> startsWork(value, analyzed, hops - 1, starts));
            }
            return false;
        });
    }

    /** The R2DBC SPI or the pool: the database work runs on the driver's event loop. */
    private static boolean isR2dbc(MethodInvocationTree call, ExecutableElement method, TypeMirror variableType) {
        return method != null ? Apis.isR2dbc(method)
                : variableType instanceof DeclaredType declared
                && declared.asElement().toString().startsWith("io.r2dbc.");
    }

    /** A Reactor source or operator that signals later on a scheduler (not on {@code Schedulers.immediate()}). */
    private static boolean isLater(MethodInvocationTree call, ExecutableElement method, TypeMirror variableType) {
        return method != null && Apis.isReactor(method) && LATER.contains(Apis.name(method))
                && call.getArguments().stream().noneMatch(argument -> argument instanceof MethodInvocationTree
                && Callbacks.selectedName((MethodInvocationTree) argument).equals("immediate"));
    }

    /** The values the method around the path gives a variable: its initializer, and what is assigned to it. */
    private static List<TreePath> valuesOf(Element variable, TreePath use, AnalyzedClass analyzed) {
        TreePath method = use;
        while (method != null && !(method.getLeaf() instanceof MethodTree)) {
            method = method.getParentPath();
        }
        List<TreePath> values = new ArrayList<>();
        if (method == null) {
            return values;
        }
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree declaration, Void unused) {
                if (declaration.getInitializer() != null
                        && variable.equals(analyzed.trees().getElement(getCurrentPath()))) {
                    values.add(new TreePath(getCurrentPath(), declaration.getInitializer()));
                }
                return super.visitVariable(declaration, unused);
            }

            @Override
            public Void visitAssignment(AssignmentTree assignment, Void unused) {
                TreePath target = new TreePath(getCurrentPath(), assignment.getVariable());
                if (variable.equals(analyzed.trees().getElement(target))) {
                    values.add(new TreePath(getCurrentPath(), assignment.getExpression()));
                }
                return super.visitAssignment(assignment, unused);
            }
        }.scan(method, null);
        return values;
    }

    /** Whether a statement after this one, in its block or an enclosing one of the same method or lambda, waits. */
    private static boolean waitedForLater(TreePath statement, AnalyzedClass analyzed) {
        TreePath child = statement;
        for (TreePath p = statement.getParentPath(); p != null; child = p, p = p.getParentPath()) {
            Tree leaf = p.getLeaf();
            if (leaf instanceof MethodTree || leaf instanceof ClassTree || leaf instanceof LambdaExpressionTree) {
                return false;
            }
            if (leaf instanceof BlockTree block) {
                List<? extends StatementTree> statements = block.getStatements();
                for (int i = statements.indexOf(child.getLeaf()) + 1; i > 0 && i < statements.size(); i++) {
                    if (contains(new TreePath(p, statements.get(i)), analyzed, path -> path.getLeaf()
                            instanceof MethodInvocationTree && Apis.method(analyzed, path)
                            .filter(m -> Apis.waits(m, analyzed) || Apis.name(m).equals("sleep")
                                    && Apis.owner(m).equals("java.lang.Thread")).isPresent())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean contains(TreePath root, AnalyzedClass analyzed, Predicate<TreePath> test) {
        boolean[] hit = {root.getLeaf() instanceof ExpressionTree && test.test(root)};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (hit[0] || tree == null) {
                    return null;
                }
                if (tree instanceof ExpressionTree && test.test(new TreePath(getCurrentPath(), tree))) {
                    hit[0] = true;
                    return null;
                }
                return super.scan(tree, unused);
            }
        }.scan(root, null);
        return hit[0];
    }
}
