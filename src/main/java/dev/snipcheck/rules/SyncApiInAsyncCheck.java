package dev.snipcheck.rules;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.snipcheck.java.AnalyzedClass;
import dev.snipcheck.markdown.Attributes;
import dev.snipcheck.markdown.Mode;

import javax.lang.model.element.ExecutableElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sync-api-in-async}: in a block declared async (its {@code async} attribute, or its page's front
 * matter; never an inferred mode), the blocking API: JDBC on the block's own thread (JDBC inside Reactor
 * callbacks is left to {@code blocking-in-event-loop}), counted once per statement of the block, and
 * {@code block*()} in the middle of a pipeline: inside a Reactor callback or a lambda that returns a
 * Publisher, in an argument of a Reactor operator or of a method returning a Publisher, or in a method
 * returning a Publisher. Anywhere else (a top-level statement, an argument of {@code println}, an
 * initializer, a loop, a helper returning a plain value) {@code block*()} is how an example waits.
 */
final class SyncApiInAsyncCheck implements StaticCheck {

    @Override
    public List<Misuse> check(AnalyzedClass analyzed) {
        if (!declaredAsync(analyzed)) {
            return List.of();
        }
        List<Misuse> found = new ArrayList<>();
        Set<Tree> jdbcStatements = new HashSet<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                TreePath path = getCurrentPath();
                Optional<ExecutableElement> method = Apis.method(analyzed, path);
                if (method.isPresent() && Apis.isJdbc(method.get()) && Callbacks.enclosing(path, analyzed).isEmpty()
                        && jdbcStatements.add(statementOf(path))) {
                    found.add(new Misuse(Rule.SYNC_API_IN_ASYNC, Apis.nameOf(call, analyzed),
                            "JDBC's `" + Apis.call(method.get()) + "` is the blocking API, in a block declared async",
                            "show the async API (R2DBC through `pool` or `connectionFactory`), or declare the "
                                    + "block `sync` if it is about JDBC"));
                }
                checkBlock(path);
                return super.visitMethodInvocation(call, unused);
            }

            @Override
            public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
                checkBlock(getCurrentPath());
                return super.visitMemberReference(reference, unused);
            }

            private void checkBlock(TreePath path) {
                Apis.method(analyzed, path).filter(Apis::isBlock).ifPresent(method ->
                        inPipeline(path, analyzed).ifPresent(where -> found.add(new Misuse(Rule.SYNC_API_IN_ASYNC,
                                Apis.nameOf(path.getLeaf(), analyzed),
                                "`" + Apis.call(method) + "` waits in the middle of a pipeline (" + where
                                        + "), in code declared async",
                                "keep the code a pipeline (`flatMap`, `then`, `usingWhen`), and block only in a "
                                        + "top-level statement of the block, such as `T value = mono.block();`"))));
            }
        }.scan(analyzed.path(), null);
        return found;
    }

    private static boolean declaredAsync(AnalyzedClass analyzed) {
        Attributes attributes = analyzed.block().attributes();
        Optional<Mode> declared = attributes.mode().or(() -> analyzed.page().options().mode());
        return declared.equals(Optional.of(Mode.ASYNC));
    }

    /**
     * Where the code at the path sits in a pipeline, as a message says it ("inside the callback of `map`"), or
     * empty when it runs as plain code of the block or of a method that does not return a Publisher.
     */
    private static Optional<String> inPipeline(TreePath path, AnalyzedClass analyzed) {
        Optional<Callbacks.Callback> callback = Callbacks.enclosing(path, analyzed);
        if (callback.isPresent()) {
            return Optional.of("inside the callback of `" + callback.get().operatorName(analyzed) + "`");
        }
        TreePath child = path;
        for (TreePath p = path.getParentPath(); p != null; child = p, p = p.getParentPath()) {
            Tree leaf = p.getLeaf();
            if (leaf instanceof ClassTree) {
                return Optional.empty();
            }
            if (leaf instanceof MethodTree method) {
                return analyzed.runsTopLevel(method) ? Optional.empty()
                        : Apis.method(analyzed, p).filter(m -> Apis.returnsPublisher(m, analyzed))
                        .map(m -> "in `" + Apis.call(m) + "`, which returns a Publisher");
            }
            if (leaf instanceof LambdaExpressionTree && Apis.functionalMethod(analyzed.trees().getTypeMirror(p),
                    analyzed).filter(m -> Apis.isPublisher(m.getReturnType(), analyzed)).isPresent()) {
                return Optional.of("inside a lambda that returns a Publisher");
            }
            if (isArgument(child.getLeaf(), leaf)) {
                Optional<ExecutableElement> callee = Apis.method(analyzed, p)
                        .filter(m -> Apis.isReactor(m) || Apis.returnsPublisher(m, analyzed));
                if (callee.isPresent()) {
                    return Optional.of("in an argument of `" + Apis.call(callee.get()) + "`");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isArgument(Tree child, Tree parent) {
        return parent instanceof MethodInvocationTree call && call.getArguments().contains(child)
                || parent instanceof NewClassTree creation && creation.getArguments().contains(child);
    }

    /** The statement of a method body (or the member) that holds the path. */
    private static Tree statementOf(TreePath path) {
        Tree statement = path.getLeaf();
        for (TreePath p = path; p.getParentPath() != null; p = p.getParentPath()) {
            statement = p.getLeaf();
            Tree parent = p.getParentPath().getLeaf();
            if (parent instanceof BlockTree && p.getParentPath().getParentPath() != null
                    && p.getParentPath().getParentPath().getLeaf() instanceof MethodTree) {
                return statement;
            }
        }
        return statement;
    }
}
