package dev.snipcheck.verdict;

import dev.snipcheck.java.CompiledPages;
import dev.snipcheck.java.GeneratedNames;
import dev.snipcheck.protocol.Thrown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A stack from the worker as a reader wants it: snippet frames as the Markdown lines they came from, never the
 * generated Java's, and a run of identical frames (a recursion that overflowed the stack) cut short.
 */
public final class StackLines {

    /** Of a run of identical frames, how many are shown before the rest are counted. */
    private static final int REPEATS_SHOWN = 5;

    private final CompiledPages compiled;
    private final String path;

    /** @param path the page's path as reports show it; a prelude block's frames name the prelude file instead */
    public StackLines(CompiledPages compiled, String path) {
        this.compiled = compiled;
        this.path = path;
    }

    /** Snippet frames as Markdown lines, the library frames between them counted: where an exception came from. */
    public String snippetFrames(List<Thrown.Frame> frames) {
        List<String> lines = new ArrayList<>();
        int library = 0;
        for (Thrown.Frame frame : frames) {
            Optional<String> line = markdown(frame);
            if (line.isEmpty()) {
                library++;
                continue;
            }
            addLibrary(lines, library);
            library = 0;
            lines.add("\tat " + line.get());
        }
        addLibrary(lines, library);
        return collapsed(lines, Integer.MAX_VALUE);
    }

    /**
     * Every frame, snippet frames as Markdown lines, at most {@code limit} lines: what a hung thread was waiting in,
     * which is mostly library code.
     */
    public String allFrames(List<Thrown.Frame> frames, int limit) {
        List<String> lines = new ArrayList<>();
        for (Thrown.Frame frame : frames.subList(0, withoutRunner(frames))) {
            Optional<String> line = markdown(frame);
            if (line.isPresent()) {
                lines.add("\tat " + line.get());
            } else if (!GeneratedNames.isGenerated(frame.className())) {
                lines.add("\tat " + library(frame));
            }
            // else a frame of generated code with no line of its own, a lambda's class: the next frame has the line
        }
        return collapsed(lines, limit);
    }

    /**
     * How many frames are left once those below the outermost snippet frame that only called the block (reflection,
     * the worker, the thread's run) are cut: they are snipcheck's, never what the block waits in.
     */
    private int withoutRunner(List<Thrown.Frame> frames) {
        int end = frames.size();
        while (end > 0 && isRunner(frames.get(end - 1))) {
            end--;
        }
        boolean calledBySnipcheck = end < frames.size() && end > 0 && markdown(frames.get(end - 1)).isPresent();
        return calledBySnipcheck ? end : frames.size();
    }

    private static boolean isRunner(Thrown.Frame frame) {
        String name = frame.className();
        return name.startsWith("jdk.internal.reflect.") || name.equals("java.lang.reflect.Method")
                || name.startsWith("dev.snipcheck.worker.") || name.equals("java.lang.Thread");
    }

    /** A frame of snippet code as {@code path:line} of its file: the page's, or the prelude file its block is of. */
    private Optional<String> markdown(Thrown.Frame frame) {
        String file = compiled.frameBlock(frame.className(), frame.fileName())
                .map(block -> block.displayPath(path)).orElse(path);
        return compiled.frame(frame.className(), frame.fileName(), frame.lineNumber())
                .map(position -> file + ':' + position.line());
    }

    private static String library(Thrown.Frame frame) {
        String where = frame.fileName() == null ? "Unknown Source"
                : frame.lineNumber() > 0 ? frame.fileName() + ':' + frame.lineNumber() : frame.fileName();
        return GeneratedNames.readable(frame.className() + '.' + frame.methodName() + '(' + where + ')');
    }

    private static void addLibrary(List<String> lines, int frames) {
        if (frames > 0) {
            lines.add("\t(" + frames + (frames == 1 ? " library frame)" : " library frames)"));
        }
    }

    /** The lines, each run of identical ones cut after {@link #REPEATS_SHOWN}, then cut after {@code limit}. */
    private static String collapsed(List<String> lines, int limit) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        int i = 0;
        while (i < lines.size() && shown < limit) {
            int run = 1;
            while (i + run < lines.size() && lines.get(i + run).equals(lines.get(i))) {
                run++;
            }
            int show = Math.min(Math.min(run, REPEATS_SHOWN), limit - shown);
            for (int repeat = 0; repeat < show; repeat++) {
                out.append(lines.get(i)).append('\n');
            }
            shown += show;
            boolean collapses = run > REPEATS_SHOWN && show == REPEATS_SHOWN && shown < limit;
            if (collapses) {
                out.append(String.format(Locale.ROOT, "\t… %,d more identical frames\n", run - REPEATS_SHOWN));
                shown++;
            }
            i += collapses || show == run ? run : show;
        }
        if (i < lines.size()) {
            out.append("\t... ").append(lines.size() - i).append(" more\n");
        }
        return out.toString();
    }
}
