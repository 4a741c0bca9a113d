package dev.snipcheck.protocol;

import java.io.Serializable;
import java.util.List;

/**
 * One thread of the worker JVM as a hang report shows it.
 *
 * @param name   the thread's name
 * @param state  its {@link Thread.State}, e.g. {@code WAITING}
 * @param frames its stack, innermost call first
 */
public record ThreadStack(String name, String state, List<Thrown.Frame> frames) implements Serializable {

    /** The name of the thread a block runs on. */
    public static final String BLOCK_THREAD = "snipcheck-block";

    public ThreadStack {
        frames = List.copyOf(frames);
    }

    /** Whether it is the thread the block ran on. */
    public boolean isBlockThread() {
        return name.equals(BLOCK_THREAD);
    }
}
