package dev.snipcheck.protocol;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.Socket;

/** What the two JVMs agree on besides the requests and replies: how the worker is told things, and what it admits. */
public final class WorkerContract {

    /** System property of the worker JVM; {@code off} runs blocks without the runtime misuse detectors. */
    public static final String DETECTORS_PROPERTY = "snipcheck.detectors";
    /**
     * The application name of the connections of {@code pool} and {@code dataSource}: any other
     * connection to the page's database was opened by a snippet itself.
     */
    public static final String BINDINGS_APPLICATION = "snipcheck bindings";
    /**
     * The line the worker prints to its own output before each block: the parent shows what came after it, when the
     * block ends the worker or is killed, and never what earlier blocks, of this page or others, printed.
     */
    public static final String BLOCK_START = "\u001e[snipcheck: a block starts]\u001e";
    /**
     * Begins each line the worker prints, as it exits, for a frame of the block that made it exit: class, method, file
     * and line, separated by tabs, innermost call first. The parent reads them, and does not show them.
     */
    public static final String EXIT_FRAME = "\u001e[snipcheck: exited at]\u001e";
    /** Exit status of a worker whose detectors cannot work; its output says why. */
    public static final int NO_DETECTORS = 3;

    /**
     * What either JVM reads from the other: the protocol's records, the rule ids they carry, and the JDK's values and
     * collections inside them; nothing else, so a stream cannot make a JVM build other objects.
     */
    public static ObjectInputFilter filter() {
        return ObjectInputFilter.Config.createFilter(
                "dev.snipcheck.protocol.*;dev.snipcheck.rules.Rule;java.lang.*;java.util.*;!*");
    }

    /** One JVM's side of the connection between the JVMs: what it reads, and what it writes. */
    public record Streams(ObjectInputStream in, ObjectOutputStream out) {
    }

    /** How much of the stream each side buffers: more than most messages, so one takes one system call. */
    private static final int BUFFER_BYTES = 64 * 1024;

    /**
     * The object streams over the socket between the JVMs, each side's output made first and flushed so that
     * neither waits for the other's stream header. Both are buffered: an object stream reads and writes class
     * descriptors a few bytes at a time, which on a bare socket is a system call each (the streams are reset after
     * each message, so every message has its descriptors). The sender flushes after each message.
     */
    public static Streams streams(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES));
        out.flush();
        ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES));
        in.setObjectInputFilter(filter());
        return new Streams(in, out);
    }

    private WorkerContract() {
    }
}
