package dev.snipcheck.worker;

import dev.snipcheck.protocol.RuntimeFinding;
import dev.snipcheck.protocol.Thrown;
import dev.snipcheck.rules.MisuseMessage;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingMethod;
import reactor.blockhound.BlockingOperationError;
import reactor.core.Exceptions;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The runtime misuse detectors of the worker JVM: BlockHound and Reactor's hooks report here, and
 * the findings wait, charged to the block that was running, until the parent collects them.
 */
public final class Detectors {


    private static final StackWalker WALKER = StackWalker.getInstance(
            Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));

    /** The loader of the page's classes: a frame of a class it defined is snippet code. */
    private final ClassLoader snippets;
    private final List<RuntimeFinding> findings = new ArrayList<>();
    /** Errors already reported, so one error seen by several hooks is one finding. */
    private final Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile String block;
    /** True while {@link #canary()} runs: its blocking call must be stopped, although no snippet made it. */
    private volatile boolean canaryRunning;

    public Detectors(ClassLoader snippets) {
        this.snippets = snippets;
    }

    /** Installs BlockHound and the Reactor hooks; afterwards {@link #canary()} tells whether BlockHound is active. */
    void install() {
        // The integrations (Reactor, Netty, ...) say which threads are non-blocking; without them no thread is.
        BlockHound.builder().loadIntegrations()
                // Loading a class reads its jar; that is the JVM's doing, not the snippet's.
                .allowBlockingCallsInside(ClassLoader.class.getName(), "loadClass")
                // The first connection loads Netty's native transport from its jar, on a pool thread.
                .allowBlockingCallsInside("io.netty.util.internal.NativeLibraryLoader", "load")
                .blockingMethodCallback(this::blocking)
                .install();
        Hooks.onOperatorError(Detectors.class.getName(), (error, data) -> {
            reactorBlocking(error);
            return error;
        });
        Hooks.onErrorDropped(this::dropped);
    }

    /**
     * Proves BlockHound is active: {@code Thread.sleep} on a non-blocking Reactor thread must be stopped.
     *
     * @return null when it is active, else why the worker cannot detect blocking calls
     */
    public String canary() {
        canaryRunning = true;
        try {
            Mono.fromCallable(() -> {
                Thread.sleep(1);
                return 1;
            }).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            if (Exceptions.unwrap(e) instanceof BlockingOperationError) {
                return null;
            }
            return "BlockHound is not active: the canary (Thread.sleep on a parallel thread) threw " + e;
        } finally {
            canaryRunning = false;
        }
        return "BlockHound is not active: the canary (Thread.sleep on a parallel thread) was not stopped";
    }

    /** Findings from now on are charged to this block. */
    void begin(String blockClass) {
        block = blockClass;
    }

    /** Takes what was found since the last call; {@code thrown} is what the block threw, or null. */
    List<RuntimeFinding> drain(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            reactorBlocking(t);
        }
        synchronized (seen) {
            seen.clear();
        }
        synchronized (findings) {
            List<RuntimeFinding> taken = List.copyOf(findings);
            findings.clear();
            return taken;
        }
    }

    /** The class of the block running now, or of the last one that ran. */
    String block() {
        return block;
    }

    /** Charges a finding to {@code blockClass}; {@code values} fill the message's {@code %s}. */
    void report(MisuseMessage message, String blockClass, StackTraceElement[] stack, Object... values) {
        if (blockClass == null) {
            // Outside of any block: the canary, or the worker's own work.
            return;
        }
        synchronized (findings) {
            findings.add(finding(message, blockClass, stack, values));
        }
    }

    /** A finding charged to {@code blockClass}, not reported yet. */
    static RuntimeFinding finding(MisuseMessage message, String blockClass, StackTraceElement[] stack, Object... values) {
        return new RuntimeFinding(message.rule(), blockClass, RuntimeFinding.frames(stack), message.message(values),
                message.hint());
    }

    /**
     * A blocking call on a non-blocking thread, stopped and charged to the block only when snippet code is on the
     * stack: what the driver, the pool or the JDK do inside themselves (a SCRAM or TLS handshake seeding SecureRandom
     * from /dev/urandom, DNS, loading a class) is not the block's misuse, and stopping it would break their work.
     */
    private void blocking(BlockingMethod method) {
        if (!canaryRunning && !snippetOnStack()) {
            return;
        }
        BlockingOperationError error = new BlockingOperationError(method);
        markSeen(error);
        report(MisuseMessage.BLOCKING_CALL, block, error.getStackTrace(), method, Thread.currentThread().getName());
        throw error;
    }

    /** Reactor's own check: {@code block()} on a thread of a non-blocking scheduler or the event loop. */
    private void reactorBlocking(Throwable error) {
        if (isReactorBlocking(error) && markSeen(error)) {
            report(MisuseMessage.REACTOR_BLOCK, block, error.getStackTrace(), error.getMessage());
        }
    }

    private static boolean isReactorBlocking(Throwable error) {
        // only an IllegalStateException can be one: describing every other error would cost a stack trace each
        return error instanceof IllegalStateException && Thrown.of(error).isReactorBlockingError();
    }

    private void dropped(Throwable error) {
        Throwable cause = Exceptions.isErrorCallbackNotImplemented(error) && error.getCause() != null
                ? error.getCause() : error;
        if (cause instanceof BlockingOperationError || seen(cause)) {
            return;
        }
        if (isReactorBlocking(cause)) {
            reactorBlocking(cause);
            return;
        }
        markSeen(cause);
        report(error == cause ? MisuseMessage.ERROR_DROPPED : MisuseMessage.NO_ERROR_HANDLER, block,
                cause.getStackTrace(), cause);
    }

    /** Whether a method of the page's classes, or a lambda or method reference they made, is calling. */
    private boolean snippetOnStack() {
        return WALKER.walk(frames -> frames.anyMatch(frame -> frame.getDeclaringClass().getClassLoader() == snippets));
    }

    private boolean markSeen(Throwable error) {
        synchronized (seen) {
            return seen.add(error);
        }
    }

    private boolean seen(Throwable error) {
        synchronized (seen) {
            return seen.contains(error);
        }
    }
}
