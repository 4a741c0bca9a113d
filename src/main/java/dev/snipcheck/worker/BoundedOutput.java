package dev.snipcheck.worker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

/** Keeps the first bytes written and counts the rest, saying at the end how many were dropped. */
final class BoundedOutput extends ByteArrayOutputStream {

    private final int limit;
    private long dropped;

    BoundedOutput(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int kept = Math.min(len, limit - count);
        super.write(b, off, kept);
        dropped += len - kept;
    }

    @Override
    public synchronized String toString(Charset charset) {
        String kept = super.toString(charset);
        return dropped == 0 ? kept : kept + "\n[" + dropped + " more bytes of output dropped after " + limit + "]";
    }
}
