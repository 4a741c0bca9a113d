package dev.snipcheck.rules;

import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.snipcheck.java.AnalyzedClass;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code blocking-in-event-loop}, the part javac's trees show: a blocking call ({@code block*()},
 * {@code Future.get()}, JDBC, {@code Thread.sleep}) inside a lambda or method reference handed to a
 * Reactor method, whose chain does not move that work to a scheduler that may block. JDBC counts once
 * per callback: one connection's calls are one misuse.
 */
final class BlockingInEventLoopCheck implements StaticCheck {

    private static final String HINT = "do not block inside a pipeline: return the Publisher to `flatMap` or "
            + "`then` instead of waiting for it; run unavoidable blocking work with "
            + "`Mono.fromCallable(...).subscribeOn(Schedulers.boundedElastic())`";

    @Override
    public List<Misuse> check(AnalyzedClass analyzed) {
        List<Misuse> found = new ArrayList<>();
        Set<Tree> jdbcCallbacks = new HashSet<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                check(getCurrentPath());
                return super.visitMethodInvocation(call, unused);
            }

            @Override
            public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
                check(getCurrentPath());
                return super.visitMemberReference(reference, unused);
            }

            private void check(TreePath path) {
                Apis.method(analyzed, path).ifPresent(method -> Apis.blocking(method, analyzed).ifPresent(call ->
                        Callbacks.onEventLoop(path, analyzed).ifPresent(callback -> {
                            if (Apis.isJdbc(method) && !jdbcCallbacks.add(callback.function().getLeaf())) {
                                return;
                            }
                            String what = Apis.isJdbc(method) ? "JDBC's `" + call + "`" : "`" + call + "`";
                            found.add(new Misuse(Rule.BLOCKING_IN_EVENT_LOOP, Apis.nameOf(path.getLeaf(), analyzed),
                                    what + " blocks inside the callback of `" + callback.operatorName(analyzed)
                                            + "`, which runs on the thread that delivers the signal: for R2DBC, an "
                                            + "event loop", HINT));
                        })));
            }
        }.scan(analyzed.path(), null);
        return found;
    }
}
