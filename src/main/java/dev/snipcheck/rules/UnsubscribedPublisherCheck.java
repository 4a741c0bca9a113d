package dev.snipcheck.rules;

import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.snipcheck.java.AnalyzedClass;

import javax.lang.model.element.ExecutableElement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code unsubscribed-publisher}: a call that returns a Publisher ({@code statement.execute()},
 * {@code connection.close()}, {@code pool.create()}, a method returning {@code Mono<Void>}) whose value is
 * thrown away: as a statement, as the body of a lambda whose result is discarded, or as a method
 * reference used that way. Nothing subscribes, so nothing happens.
 */
final class UnsubscribedPublisherCheck implements StaticCheck {

    private static final String HINT = "a Publisher does nothing until subscribed: chain it into the pipeline "
            + "(`flatMap`, `then`, `usingWhen`), return it, or, at the top level of a block, end the statement "
            + "with `.block()`";

    @Override
    public List<Misuse> check(AnalyzedClass analyzed) {
        List<Misuse> found = new ArrayList<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitExpressionStatement(ExpressionStatementTree statement, Void unused) {
                if (statement.getExpression() instanceof MethodInvocationTree call) {
                    report(new TreePath(getCurrentPath(), call), "is dropped");
                }
                return super.visitExpressionStatement(statement, unused);
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
                if (lambda.getBody() instanceof MethodInvocationTree call
                        && Apis.resultDiscarded(getCurrentPath(), analyzed)) {
                    report(new TreePath(getCurrentPath(), call), "is the result of a lambda that is thrown away");
                }
                return super.visitLambdaExpression(lambda, unused);
            }

            @Override
            public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
                if (Apis.resultDiscarded(getCurrentPath(), analyzed)) {
                    report(getCurrentPath(), "is the result of a method reference that is thrown away");
                }
                return super.visitMemberReference(reference, unused);
            }

            private void report(TreePath path, String how) {
                Tree tree = path.getLeaf();
                Apis.method(analyzed, path).filter(m -> Apis.returnsPublisher(m, analyzed)).ifPresent(method ->
                        found.add(new Misuse(Rule.UNSUBSCRIBED_PUBLISHER, Apis.nameOf(tree, analyzed),
                                message(method, how), HINT)));
            }
        }.scan(analyzed.path(), null);
        return found;
    }

    private static String message(ExecutableElement method, String how) {
        String type = method.getReturnType().toString().replaceAll("<.*", "").replaceAll(".*\\.", "");
        return "the " + type + " returned by `" + Apis.call(method) + "` " + how
                + ": nothing subscribes to it, so it never runs";
    }
}
