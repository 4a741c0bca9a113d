package dev.snipcheck.protocol;

import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A throwable described in plain values, because the exception classes of snippets are not on the
 * parent JVM's class path.
 *
 * @param types      qualified names of the throwable's class, then of its superclasses up to {@code java.lang.Throwable}
 * @param message    its message; null when it has none
 * @param stackTrace what {@code printStackTrace} printed, causes and suppressed exceptions included
 * @param frames     its stack, innermost call first
 * @param cause      what it was caused by; null when nothing
 */
public record Thrown(List<String> types, String message, String stackTrace, List<Frame> frames, Thrown cause)
        implements Serializable {

    private static final String BLOCKHOUND_ERROR = "reactor.blockhound.BlockingOperationError";
    /** The class, and its subclasses for first and last, that throws when a blocking call would block the thread. */
    private static final String REACTOR_BLOCKING_SUBSCRIBER = "reactor.core.publisher.BlockingSingleSubscriber";

    /**
     * One stack frame.
     *
     * @param lineNumber the source line; negative when unknown
     */
    public record Frame(String className, String methodName, String fileName, int lineNumber) implements Serializable {
    }

    /** The qualified name of the throwable's own class. */
    public String className() {
        return types.get(0);
    }

    /** Whether the throwable is an instance of the class {@code qualifiedName}. */
    public boolean isA(String qualifiedName) {
        return types.contains(qualifiedName);
    }

    /**
     * Whether it, or what it was caused by, is the error of a blocking call on a non-blocking thread: BlockHound's
     * {@code BlockingOperationError}, or Reactor's own for {@code block()} there.
     */
    public boolean isBlockingError() {
        for (Thrown t = this; t != null; t = t.cause()) {
            if (t.isA(BLOCKHOUND_ERROR) || t.isReactorBlockingError()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether it is Reactor's error for {@code block()}, {@code blockFirst()} or {@code blockLast()} on a
     * non-blocking thread: an IllegalStateException raised by Reactor's blocking subscriber itself.
     */
    public boolean isReactorBlockingError() {
        return isA(IllegalStateException.class.getName()) && !frames.isEmpty()
                && frames.get(0).className().startsWith(REACTOR_BLOCKING_SUBSCRIBER);
    }

    public static Thrown of(Throwable throwable) {
        return of(throwable, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    // A throwable may list itself among its causes; seen stops the recursion there.
    private static Thrown of(Throwable throwable, Set<Throwable> seen) {
        seen.add(throwable);
        List<String> types = new ArrayList<>();
        for (Class<?> c = throwable.getClass(); c != Object.class; c = c.getSuperclass()) {
            types.add(c.getName());
        }
        List<Frame> frames = new ArrayList<>();
        for (StackTraceElement e : throwable.getStackTrace()) {
            frames.add(new Frame(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber()));
        }
        Throwable cause = throwable.getCause();
        return new Thrown(List.copyOf(types), message(throwable), stackTrace(throwable), List.copyOf(frames),
                cause == null || seen.contains(cause) ? null : of(cause, seen));
    }

    // getMessage and printStackTrace may be overridden by the snippet, and may throw.
    private static String message(Throwable throwable) {
        try {
            return throwable.getMessage();
        } catch (RuntimeException | Error e) {
            return "(getMessage() threw " + e.getClass().getName() + ")";
        }
    }

    private static String stackTrace(Throwable throwable) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            throwable.printStackTrace(out);
        } catch (RuntimeException | Error e) {
            text.write("(printStackTrace() threw " + e.getClass().getName() + ")");
        }
        return text.toString();
    }
}
