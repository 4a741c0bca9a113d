package dev.snipcheck.java;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.timing.Timings;

import java.net.URI;
import java.util.Map;

/** Tells the listener of each analyzed class of a block, while javac's trees still carry their types. */
final class AnalysisRelay implements TaskListener {

    private final JavacTask task;
    private final Map<URI, PageGenerator.Unit> unitOf;
    private final Map<PageGenerator.Unit, Page> pageOf;
    private final AnalysisListener listener;

    AnalysisRelay(JavacTask task, Map<URI, PageGenerator.Unit> unitOf, Map<PageGenerator.Unit, Page> pageOf,
                  AnalysisListener listener) {
        this.task = task;
        this.unitOf = unitOf;
        this.pageOf = pageOf;
        this.listener = listener;
    }

    @Override
    public void finished(TaskEvent event) {
        if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null) {
            return;
        }
        PageGenerator.Unit unit = unitOf.get(event.getCompilationUnit().getSourceFile().toUri());
        if (unit == null || unit.block() == null) {
            return;
        }
        Trees trees = Trees.instance(task);
        TreePath path = trees.getPath(event.getTypeElement());
        if (path != null) {
            try (var timed = Timings.start("05 static rules (within javac compile)")) {
                listener.analyzed(new AnalyzedClass(pageOf.get(unit), unit.block().block(), unit.block().unit(), path,
                        trees, task.getTypes(), task.getElements(), unit.source()));
            }
        }
    }
}
