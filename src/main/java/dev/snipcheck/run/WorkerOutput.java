package dev.snipcheck.run;

import dev.snipcheck.protocol.Thrown;
import dev.snipcheck.protocol.WorkerContract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The last lines the worker JVM printed since the last block started, read on a daemon thread so the worker
 * never blocks on a full pipe.
 */
final class WorkerOutput {

    private static final int LINES = 20;
    private static final int LINE_LENGTH = 500;
    private static final String OUT_OF_MEMORY = "java.lang.OutOfMemoryError";

    private final Deque<String> lines = new ArrayDeque<>();
    /** Where the block's thread was when the worker exited, innermost call first; empty when no block ran. */
    private final List<Thrown.Frame> exitFrames = new ArrayList<>();
    private final Thread reader;

    private WorkerOutput(InputStream stream) {
        reader = new Thread(() -> read(stream), "snipcheck-worker-output");
        reader.setDaemon(true);
    }

    static WorkerOutput drain(InputStream stream) {
        WorkerOutput tail = new WorkerOutput(stream);
        tail.reader.start();
        return tail;
    }

    private void read(InputStream stream) {
        StringBuilder line = new StringBuilder();
        try (Reader in = new InputStreamReader(stream)) {
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    add(line);
                } else if (c != '\r' && line.length() < LINE_LENGTH) {
                    line.append((char) c);
                }
            }
        } catch (IOException ended) {
            // The worker was killed: what was read is all there is.
        }
        if (line.length() > 0) {
            add(line);
        }
    }

    private synchronized void add(StringBuilder line) {
        if (line.indexOf(WorkerContract.BLOCK_START) >= 0) {
            // what earlier blocks printed is theirs, not the next block's
            lines.clear();
            exitFrames.clear();
            line.setLength(0);
            return;
        }
        if (line.indexOf(WorkerContract.EXIT_FRAME) == 0) {
            String[] parts = line.substring(WorkerContract.EXIT_FRAME.length()).split("\t", -1);
            if (parts.length == 4) {
                exitFrames.add(new Thrown.Frame(parts[0], parts[1], "null".equals(parts[2]) ? null : parts[2],
                        lineNumber(parts[3])));
            }
            line.setLength(0);
            return;
        }
        if (lines.size() == LINES) {
            lines.removeFirst();
        }
        lines.addLast(line.toString());
        line.setLength(0);
    }

    private static int lineNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    synchronized List<Thrown.Frame> exitFrames() {
        return List.copyOf(exitFrames);
    }

    void awaitEnd() {
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The OutOfMemoryError the JVM said it ended with, e.g. "java.lang.OutOfMemoryError: Java heap space"; null when none. */
    synchronized String outOfMemory() {
        return lines.stream().filter(l -> l.contains(OUT_OF_MEMORY))
                .map(l -> l.substring(l.indexOf(OUT_OF_MEMORY)))
                .findFirst().orElse(null);
    }

    /** The last lines, each ended by a line break. */
    synchronized String lines() {
        return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
    }

    /** The lines after "; its last output:", or nothing when there are none. */
    synchronized String text() {
        return lines.isEmpty() ? "" : "; its last output:\n" + String.join("\n", lines);
    }
}
