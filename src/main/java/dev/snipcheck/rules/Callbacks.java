package dev.snipcheck.rules;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.snipcheck.java.AnalyzedClass;

import java.util.Optional;
import java.util.Set;

/**
 * Where code handed to Reactor runs. A lambda or method reference passed to a Reactor method
 * ({@code flatMap}, {@code map}, {@code doOnNext}, {@code usingWhen}, {@code subscribe}, ...) runs on the
 * thread that delivers the signal, which for R2DBC is an event loop, unless the chain moves it to a
 * scheduler that may block ({@code publishOn} upstream, or {@code subscribeOn}, with {@code boundedElastic}).
 */
final class Callbacks {

    /** Schedulers whose threads must not block; any other scheduler (boundedElastic, an executor) may. */
    private static final Set<String> NON_BLOCKING = Set.of("parallel", "single", "immediate", "newParallel",
            "newSingle");

    /** The innermost Reactor callback holding some code, and the Reactor call it is passed to. */
    record Callback(TreePath function, TreePath operator) {
        String operatorName(AnalyzedClass analyzed) {
            return Apis.method(analyzed, operator).map(Apis::name).orElse("?");
        }
    }

    private Callbacks() {
    }

    /**
     * The innermost lambda or method reference holding the path (or being it) that is an argument of a
     * Reactor method, within the same method declaration; empty for code that runs on the block's own thread.
     */
    static Optional<Callback> enclosing(TreePath path, AnalyzedClass analyzed) {
        for (TreePath p = path; p != null; p = p.getParentPath()) {
            Tree leaf = p.getLeaf();
            if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
                return Optional.empty();
            }
            if ((leaf instanceof LambdaExpressionTree || leaf instanceof MemberReferenceTree)
                    && p.getParentPath() != null
                    && p.getParentPath().getLeaf() instanceof MethodInvocationTree invocation
                    && invocation.getArguments().contains(leaf)
                    && Apis.method(analyzed, p.getParentPath()).filter(Apis::isReactor).isPresent()) {
                return Optional.of(new Callback(p, p.getParentPath()));
            }
        }
        return Optional.empty();
    }

    /** Like {@link #enclosing}, but only a callback whose chain does not move it to a scheduler that may block. */
    static Optional<Callback> onEventLoop(TreePath path, AnalyzedClass analyzed) {
        return enclosing(path, analyzed).filter(c -> !movedToBlockingScheduler(c.operator(), analyzed));
    }

    /**
     * Whether {@code publishOn} upstream of the call, or {@code subscribeOn} anywhere in its chain, uses a
     * scheduler that may block.
     */
    private static boolean movedToBlockingScheduler(TreePath operator, AnalyzedClass analyzed) {
        ExpressionTree upstream = receiver((MethodInvocationTree) operator.getLeaf());
        while (upstream instanceof MethodInvocationTree call) {
            String name = selectedName(call);
            if ((name.equals("publishOn") || name.equals("subscribeOn")) && mayBlock(call)) {
                return true;
            }
            upstream = receiver(call);
        }
        TreePath p = operator;
        while (p.getParentPath() != null && p.getParentPath().getLeaf() instanceof MemberSelectTree select
                && p.getParentPath().getParentPath() != null
                && p.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree call
                && call.getMethodSelect() == select) {
            if (select.getIdentifier().contentEquals("subscribeOn") && mayBlock(call)) {
                return true;
            }
            p = p.getParentPath().getParentPath();
        }
        return false;
    }

    private static boolean mayBlock(MethodInvocationTree schedulerCall) {
        if (schedulerCall.getArguments().isEmpty()) {
            return false;
        }
        ExpressionTree scheduler = schedulerCall.getArguments().get(0);
        return !(scheduler instanceof MethodInvocationTree factory && NON_BLOCKING.contains(selectedName(factory)));
    }

    /** The expression a call is made on ({@code a} in {@code a.b()}), or null. */
    static ExpressionTree receiver(MethodInvocationTree call) {
        return call.getMethodSelect() instanceof MemberSelectTree select ? select.getExpression() : null;
    }

    static String selectedName(MethodInvocationTree call) {
        ExpressionTree select = call.getMethodSelect();
        if (select instanceof MemberSelectTree member) {
            return member.getIdentifier().toString();
        }
        return select.toString();
    }
}
