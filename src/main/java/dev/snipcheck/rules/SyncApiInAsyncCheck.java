package dev.snipcheck.rules;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
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
 * matter; never an inferred mode), the blocking API on the block's own thread: JDBC, or {@code block*()}
 * anywhere but as the final call of a top-level statement. Code inside Reactor callbacks is left to
 * {@code blocking-in-event-loop}. JDBC counts once per statement of the block.
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
                if (method.isPresent() && Callbacks.enclosing(path, analyzed).isEmpty()) {
                    if (Apis.isJdbc(method.get()) && jdbcStatements.add(statementOf(path))) {
                        found.add(new Misuse(Rule.SYNC_API_IN_ASYNC, Apis.nameOf(call, analyzed),
                                "JDBC's `" + Apis.call(method.get())
                                        + "` is the blocking API, in a block declared async",
                                "show the async API (R2DBC through `pool` or `connectionFactory`), or declare the "
                                        + "block `sync` if it is about JDBC"));
                    } else if (Apis.isBlock(method.get()) && !finalCallOfTopLevelStatement(path, analyzed)) {
                        found.add(new Misuse(Rule.SYNC_API_IN_ASYNC, Apis.nameOf(call, analyzed),
                                "`" + Apis.call(method.get()) + "` waits in the middle of code declared async",
                                "keep the code a pipeline (`flatMap`, `then`, `usingWhen`), and block only as the final "
                                        + "call of a top-level statement, such as `T value = mono.block();`"));
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.scan(analyzed.path(), null);
        return found;
    }

    private static boolean declaredAsync(AnalyzedClass analyzed) {
        Attributes attributes = analyzed.block().attributes();
        Optional<Mode> declared = attributes.mode().or(() -> analyzed.page().options().mode());
        return declared.equals(Optional.of(Mode.ASYNC));
    }

    /** {@code x.block();}, {@code T v = x.block();} or {@code v = x.block();} at the block's top level. */
    private static boolean finalCallOfTopLevelStatement(TreePath call, AnalyzedClass analyzed) {
        TreePath statement = call.getParentPath();
        Tree parent = statement.getLeaf();
        if (parent instanceof AssignmentTree assignment && assignment.getExpression() == call.getLeaf()) {
            statement = statement.getParentPath();
            parent = statement.getLeaf();
            if (!(parent instanceof ExpressionStatementTree)) {
                return false;
            }
        } else if (!(parent instanceof ExpressionStatementTree)
                && !(parent instanceof VariableTree variable && variable.getInitializer() == call.getLeaf())) {
            return false;
        }
        return atTopLevel(statement, analyzed);
    }

    /** A statement of the top-level method's body, or of its try, catch, finally, if and plain blocks: not a loop's. */
    private static boolean atTopLevel(TreePath statement, AnalyzedClass analyzed) {
        for (TreePath p = statement.getParentPath(); p != null; p = p.getParentPath()) {
            Tree leaf = p.getLeaf();
            if (leaf instanceof MethodTree method) {
                return analyzed.runsTopLevel(method);
            }
            if (!(leaf instanceof BlockTree || leaf instanceof TryTree || leaf instanceof CatchTree
                    || leaf instanceof IfTree || leaf instanceof SynchronizedTree)) {
                return false;
            }
        }
        return false;
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
