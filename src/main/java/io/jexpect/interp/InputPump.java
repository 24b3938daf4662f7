package io.jexpect.interp;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a pipe, socket or terminal ahead on its own (virtual) thread into a bounded buffer, so a
 * channel can tell without blocking whether input is waiting: what non-blocking reads, fblocked and
 * readable file events need. The reader stops while the buffer is full (no unbounded growth).
 */
final class InputPump extends InputStream implements Channel.ReadyInput {
    private static final int LIMIT = 1 << 16;

    private final InputStream source;
    private final byte[] ring = new byte[LIMIT];
    private int head;
    private int size;
    private boolean eof;
    private IOException error;
    private volatile Runnable onInput = () -> { };

    InputPump(InputStream source) {
        this.source = source;
        Thread.ofVirtual().name("jexpect-input").start(this::pump);
    }

    private void pump() {
        byte[] chunk = new byte[8192];
        try {
            while (true) {
                synchronized (this) {
                    while (size == LIMIT && !eof) wait();
                    if (eof) return;
                }
                int n = source.read(chunk, 0, Math.min(chunk.length, LIMIT - size()));
                synchronized (this) {
                    if (n < 0) eof = true;
                    for (int i = 0; i < n; i++) ring[(head + size++) % LIMIT] = chunk[i];
                    notifyAll();
                }
                onInput.run();
                if (n < 0) return;
            }
        } catch (IOException e) {
            synchronized (this) {
                error = e;
                eof = true;
                notifyAll();
            }
            onInput.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized int size() {
        return size;
    }

    @Override
    public synchronized int read() throws IOException {
        while (size == 0 && !eof) await();
        if (size == 0) return endOfInput();
        int b = ring[head] & 0xff;
        take(1);
        return b;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (size == 0 && !eof) await();
        if (size == 0) return endOfInput();
        int n = Math.min(len, size);
        for (int i = 0; i < n; i++) b[off + i] = ring[(head + i) % LIMIT];
        take(n);
        return n;
    }

    private int endOfInput() throws IOException {
        if (error != null) {
            IOException e = error;
            error = null;
            throw e;
        }
        return -1;
    }

    private void take(int n) {
        head = (head + n) % LIMIT;
        size -= n;
        notifyAll();
    }

    private void await() throws IOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
    }

    @Override
    public synchronized int available() {
        return size;
    }

    /** r runs on the pump's thread whenever data or end of input arrives. */
    @Override
    public void onInput(Runnable r) {
        onInput = r;
    }

    /** Whether a read would return at once: data is buffered, or the input has ended. */
    @Override
    public synchronized boolean ready() {
        return size > 0 || eof;
    }

    /** Whether the buffer holds an end of line (or the input ended), so gets would not block. */
    @Override
    public synchronized boolean hasLine(boolean crEndsLine) {
        if (eof) return true;
        for (int i = 0; i < size; i++) {
            byte b = ring[(head + i) % LIMIT];
            if (b == '\n' || (crEndsLine && b == '\r')) return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            eof = true;
            notifyAll();
        }
        source.close();
    }
}
