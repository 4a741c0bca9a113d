package dev.snipcheck.report;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;

/** A minimal streaming JSON writer: pretty-printed with a 2-space indent, ASCII-only output. */
final class JsonWriter {

    private final PrintWriter out;
    /** One entry per open object or array: whether it has had a member yet. */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter(PrintWriter out) {
        this.out = out;
    }

    JsonWriter beginObject() {
        beforeValue();
        out.print('{');
        open.push(new boolean[] {false});
        return this;
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        beforeValue();
        out.print('[');
        open.push(new boolean[] {false});
        return this;
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        separate();
        out.print(quote(name));
        out.print(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        beforeValue();
        out.print(quote(value));
        return this;
    }

    JsonWriter value(long value) {
        beforeValue();
        out.print(value);
        return this;
    }

    JsonWriter value(boolean value) {
        beforeValue();
        out.print(value);
        return this;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
        } else if (!open.isEmpty()) {
            separate();
        }
    }

    private void separate() {
        boolean[] hasMember = open.peek();
        if (hasMember[0]) {
            out.print(',');
        }
        hasMember[0] = true;
        newline(open.size());
    }

    private JsonWriter close(char bracket) {
        boolean hadMembers = open.pop()[0];
        if (hadMembers) {
            newline(open.size());
        }
        out.print(bracket);
        return this;
    }

    private void newline(int depth) {
        // '\n' rather than println: the document must not depend on the platform's line separator
        out.print('\n');
        out.print("  ".repeat(depth));
    }

    /**
     * A JSON string literal. Everything outside printable ASCII is escaped, so the document survives any
     * output encoding, and lone surrogates stay representable.
     */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
