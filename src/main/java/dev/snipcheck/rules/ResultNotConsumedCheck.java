package dev.snipcheck.rules;

import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.snipcheck.java.AnalyzedClass;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code result-not-consumed}, the part javac's trees show: an R2DBC {@code Result} that reaches nothing
 * that consumes it ({@code map}, {@code getRowsUpdated}, {@code flatMap}, {@code filter}): a lambda whose
 * {@code Result} parameter is only ignored or printed, or a pipeline of Results that an operator such as
 * {@code then()} or a dropped {@code block()} throws away.
 */
final class ResultNotConsumedCheck implements StaticCheck {

    private static final Set<String> CONSUMERS = Set.of("map", "getRowsUpdated", "flatMap", "filter");
    /** Operators that discard the elements of the pipeline they are called on. */
    private static final Set<String> DISCARDING = Set.of("then", "thenMany", "thenEmpty", "thenReturn",
            "ignoreElements", "ignoreElement", "count", "hasElements", "hasElement");
    private static final Set<String> PASSING_ON = Set.of("filter", "filterWhen", "takeWhile", "takeUntil",
            "skipWhile", "skipUntil", "delayUntil", "distinct", "sort");
    private static final Set<String> BLOCKING = Set.of("block", "blockFirst", "blockLast", "blockOptional");
    private static final String HINT = "consume every Result: `.flatMap(Result::getRowsUpdated)` for an update, "
            + "`.flatMap(result -> result.map((row, meta) -> ...))` for rows";

    @Override
    public List<Misuse> check(AnalyzedClass analyzed) {
        List<Misuse> found = new ArrayList<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
                if (passesElementsOn(getCurrentPath())) {
                    return super.visitLambdaExpression(lambda, unused);
                }
                for (VariableTree parameter : lambda.getParameters()) {
                    TreePath path = new TreePath(getCurrentPath(), parameter);
                    Element element = analyzed.trees().getElement(path);
                    if (element != null && isResult(element.asType(), analyzed)
                            && !consumed(element, new TreePath(getCurrentPath(), lambda.getBody()), analyzed)) {
                        found.add(new Misuse(Rule.RESULT_NOT_CONSUMED, analyzed.position(parameter),
                                "the Result `" + parameter.getName() + "` is never consumed: its rows are not mapped "
                                        + "and its update count is not read", HINT));
                    }
                }
                return super.visitLambdaExpression(lambda, unused);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                String name = Callbacks.selectedName(call);
                boolean dropped = BLOCKING.contains(name)
                        && getCurrentPath().getParentPath().getLeaf() instanceof ExpressionStatementTree;
                boolean plainSubscribe = name.equals("subscribe") && call.getArguments().isEmpty();
                ExpressionTree receiver = Callbacks.receiver(call);
                if ((DISCARDING.contains(name) || dropped || plainSubscribe) && receiver != null) {
                    TreePath select = new TreePath(getCurrentPath(), call.getMethodSelect());
                    TreePath receiverPath = new TreePath(select, receiver);
                    if (elementType(analyzed.trees().getTypeMirror(receiverPath), analyzed)
                            .filter(t -> isResult(t, analyzed)).isPresent()) {
                        found.add(new Misuse(Rule.RESULT_NOT_CONSUMED, Apis.nameOf(call, analyzed),
                                "`" + name + "()` drops the R2DBC Results it receives without consuming them", HINT));
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.scan(analyzed.path(), null);
        return found;
    }

    /**
     * Whether the lambda is an argument of an operator that looks at each element and passes it on
     * ({@code doOnNext}, {@code filter}, {@code takeWhile}, ...): the Result may be consumed downstream.
     */
    private static boolean passesElementsOn(TreePath lambda) {
        Tree parent = lambda.getParentPath().getLeaf();
        if (!(parent instanceof MethodInvocationTree call) || !call.getArguments().contains(lambda.getLeaf())) {
            return false;
        }
        String name = Callbacks.selectedName(call);
        return name.startsWith("doOn") || PASSING_ON.contains(name);
    }

    private static boolean isResult(TypeMirror type, AnalyzedClass analyzed) {
        return Apis.isSubtype(type, Apis.RESULT, analyzed);
    }

    /** The {@code T} of a {@code Publisher<T>} (the bound of {@code ? extends T}). */
    private static Optional<TypeMirror> elementType(TypeMirror type, AnalyzedClass analyzed) {
        if (!Apis.isPublisher(type, analyzed)) {
            return Optional.empty();
        }
        List<TypeMirror> todo = new ArrayList<>(List.of(type));
        while (!todo.isEmpty()) {
            TypeMirror next = todo.remove(0);
            if (next instanceof DeclaredType declared && declared.asElement().toString().equals(Apis.PUBLISHER)
                    && declared.getTypeArguments().size() == 1) {
                TypeMirror argument = declared.getTypeArguments().get(0);
                return Optional.ofNullable(argument instanceof WildcardType wildcard
                        ? wildcard.getExtendsBound() : argument);
            }
            todo.addAll(analyzed.types().directSupertypes(next));
        }
        return Optional.empty();
    }

    /**
     * Whether the code consumes the Result: calls a consuming method on it, or hands it on (an argument, a
     * return value, an assignment), where someone else may consume it. Printing it does not count.
     */
    private static boolean consumed(Element result, TreePath code, AnalyzedClass analyzed) {
        boolean[] consumed = {false};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree identifier, Void unused) {
                if (result.equals(analyzed.trees().getElement(getCurrentPath()))) {
                    Tree parent = getCurrentPath().getParentPath().getLeaf();
                    if (parent instanceof MemberSelectTree select) {
                        consumed[0] |= CONSUMERS.contains(select.getIdentifier().toString());
                    } else if (parent instanceof MethodInvocationTree) {
                        consumed[0] |= !isPrint(getCurrentPath().getParentPath(), analyzed);
                    } else {
                        consumed[0] = true;
                    }
                }
                return null;
            }
        }.scan(code, null);
        return consumed[0];
    }

    private static boolean isPrint(TreePath call, AnalyzedClass analyzed) {
        Optional<ExecutableElement> method = Apis.method(analyzed, call);
        return method.isPresent() && (Apis.owner(method.get()).equals("java.io.PrintStream")
                || Apis.owner(method.get()).equals("java.lang.String") && Apis.name(method.get()).equals("valueOf"));
    }
}
