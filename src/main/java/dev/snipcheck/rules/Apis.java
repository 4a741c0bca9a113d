package dev.snipcheck.rules;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.snipcheck.java.AnalyzedClass;
import dev.snipcheck.markdown.Position;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** What the checks need to know about the APIs a snippet calls: Reactive Streams, Reactor, R2DBC, JDBC, waiting. */
final class Apis {

    static final String PUBLISHER = "org.reactivestreams.Publisher";
    static final String RESULT = "io.r2dbc.spi.Result";
    private static final Set<String> BLOCK = Set.of("block", "blockFirst", "blockLast", "blockOptional");

    private Apis() {
    }

    /** The method (or constructor) a call or method reference at the path invokes. */
    static Optional<ExecutableElement> method(AnalyzedClass analyzed, TreePath path) {
        Element element = analyzed.trees().getElement(path);
        return element instanceof ExecutableElement method ? Optional.of(method) : Optional.empty();
    }

    /** Whether the type is the named class or interface or one of its subtypes. */
    static boolean isSubtype(TypeMirror type, String qualifiedName, AnalyzedClass analyzed) {
        // an inferred element type is often a capture (? extends Result) or a type variable: its bound counts
        if (type instanceof TypeVariable variable) {
            return isSubtype(variable.getUpperBound(), qualifiedName, analyzed);
        }
        if (type instanceof WildcardType wildcard) {
            return isSubtype(wildcard.getExtendsBound(), qualifiedName, analyzed);
        }
        if (type instanceof IntersectionType intersection) {
            return intersection.getBounds().stream().anyMatch(b -> isSubtype(b, qualifiedName, analyzed));
        }
        if (type == null || type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        Deque<TypeMirror> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.add(type);
        while (!todo.isEmpty()) {
            TypeMirror next = todo.poll();
            if (next instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element) {
                String name = element.getQualifiedName().toString();
                if (name.equals(qualifiedName)) {
                    return true;
                }
                if (seen.add(name)) {
                    todo.addAll(analyzed.types().directSupertypes(next));
                }
            }
        }
        return false;
    }

    static boolean isPublisher(TypeMirror type, AnalyzedClass analyzed) {
        return isSubtype(type, PUBLISHER, analyzed);
    }

    /** Whether the method's declared return type is a Publisher (a type variable that may be one does not count). */
    static boolean returnsPublisher(ExecutableElement method, AnalyzedClass analyzed) {
        return isPublisher(method.getReturnType(), analyzed);
    }

    /** The qualified name of the class or interface that declares the method. */
    static String owner(ExecutableElement method) {
        Element owner = method.getEnclosingElement();
        return owner instanceof TypeElement type ? type.getQualifiedName().toString() : "";
    }

    static String packageOf(ExecutableElement method) {
        Element e = method;
        while (e != null && !(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return e == null ? "" : ((PackageElement) e).getQualifiedName().toString();
    }

    static boolean isReactor(ExecutableElement method) {
        return packageOf(method).equals("reactor.core.publisher");
    }

    static boolean isR2dbc(ExecutableElement method) {
        return packageOf(method).startsWith("io.r2dbc.");
    }

    static boolean isBlock(ExecutableElement method) {
        return BLOCK.contains(name(method)) && isReactor(method);
    }

    static boolean isJdbc(ExecutableElement method) {
        String pkg = packageOf(method);
        return pkg.equals("java.sql") || pkg.equals("javax.sql");
    }

    /**
     * The blocking call the method is, as the report names it ({@code block()}, {@code Thread.sleep()},
     * {@code Future.get()}, JDBC's {@code getConnection()}), or empty for a call that does not block.
     */
    static Optional<String> blocking(ExecutableElement method, AnalyzedClass analyzed) {
        String name = name(method);
        if (isBlock(method) || isJdbc(method)) {
            return Optional.of(call(method));
        }
        if (name.equals("sleep") && owner(method).equals("java.lang.Thread")) {
            return Optional.of("Thread.sleep()");
        }
        if ((name.equals("get") || name.equals("join")) && isFuture(method, analyzed)) {
            return Optional.of("Future." + name + "()");
        }
        return Optional.empty();
    }

    /**
     * Whether the method waits for other work to finish: a latch, barrier, semaphore or queue, a future,
     * a thread, or Reactor's {@code block*()}.
     */
    static boolean waits(ExecutableElement method, AnalyzedClass analyzed) {
        String name = name(method);
        String owner = owner(method);
        return isBlock(method)
                || owner.startsWith("java.util.concurrent.") && Set.of("await", "awaitAdvance", "awaitTermination",
                "acquire", "take", "poll").contains(name)
                || owner.equals("java.lang.Thread") && name.equals("join")
                || (name.equals("get") || name.equals("join")) && isFuture(method, analyzed);
    }

    private static boolean isFuture(ExecutableElement method, AnalyzedClass analyzed) {
        return isSubtype(method.getEnclosingElement().asType(), "java.util.concurrent.Future", analyzed);
    }

    static String name(ExecutableElement method) {
        return method.getSimpleName().toString();
    }

    /** How a message names a call: {@code execute()}. */
    static String call(ExecutableElement method) {
        return name(method) + "()";
    }

    /** The method a lambda or method reference of this functional interface type implements. */
    static Optional<ExecutableElement> functionalMethod(TypeMirror type, AnalyzedClass analyzed) {
        if (!(type instanceof DeclaredType declared) || !(declared.asElement() instanceof TypeElement element)
                || element.getKind() != ElementKind.INTERFACE) {
            return Optional.empty();
        }
        for (ExecutableElement method : ElementFilter.methodsIn(analyzed.elements().getAllMembers(element))) {
            if (method.getModifiers().contains(Modifier.ABSTRACT)
                    && !owner(method).equals("java.lang.Object")) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    /** Whether a lambda or method reference at the path is used where its result is thrown away. */
    static boolean resultDiscarded(TreePath function, AnalyzedClass analyzed) {
        TypeMirror type = analyzed.trees().getTypeMirror(function);
        return functionalMethod(type, analyzed).map(m -> m.getReturnType().getKind() == TypeKind.VOID).orElse(false);
    }

    /**
     * Where a finding about the tree points: the name of a called or referenced method
     * ({@code execute} in {@code statement.execute()}), else the tree's first character.
     */
    static Position nameOf(Tree tree, AnalyzedClass analyzed) {
        if (tree instanceof MethodInvocationTree invocation) {
            Tree select = invocation.getMethodSelect();
            if (select instanceof MemberSelectTree member) {
                return endMinus(member, member.getIdentifier().length(), analyzed);
            }
            if (select instanceof IdentifierTree) {
                return analyzed.position(select);
            }
        }
        if (tree instanceof MemberReferenceTree reference && !reference.getName().contentEquals("<init>")) {
            return endMinus(reference, reference.getName().length(), analyzed);
        }
        return analyzed.position(tree);
    }

    private static Position endMinus(Tree tree, int length, AnalyzedClass analyzed) {
        long end = analyzed.end(tree);
        return end < 0 ? analyzed.position(tree) : analyzed.position(end - length);
    }
}
