package io.jexpect.engine;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.jexpect.engine.LibC.Fn;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file descriptor handed to us by another process (the resident server's client's standard
 * streams), as streams. The JDK makes streams only from the descriptors it opened itself. A read
 * waits in poll(2) together with a wake-up descriptor, so {@link #cancel} ends a read that would
 * otherwise block for ever in the kernel (a terminal nobody types on, after its client died).
 */
public final class Descriptor implements AutoCloseable {
    private static final int O_APPEND = 0x400;

    private final int fd;
    private final int wakeFd;
    private volatile boolean cancelled;
    private boolean closed;

    private Descriptor(int fd) {
        this.fd = fd;
        this.wakeFd = LibC.callInt(Fn.eventfd, 0, LibC.O_CLOEXEC | LibC.O_NONBLOCK);
    }

    /** Takes over {@code fd}: it is closed by {@link #close}. */
    public static Descriptor adopt(int fd) {
        return new Descriptor(fd);
    }

    public int fd() {
        return fd;
    }

    /** Whether the descriptor is a terminal. */
    public boolean isTerminal() {
        return UserTerminal.isTerminal(fd);
    }

    /**
     * How a child process started by the JDK ({@code ProcessBuilder}, which takes files, not
     * descriptors) gets this descriptor's file as its standard input or output: reopened through
     * /proc (a pipe or terminal is the same one; a regular file is appended to, or read from its
     * start; ours then appends too). A socket cannot be reopened: the child then reads nothing, and what it writes is lost.
     */
    public ProcessBuilder.Redirect redirect(boolean output) {
        Path link = Path.of("/proc/self/fd/" + fd);
        boolean reopenable;
        try {
            String target = Files.readSymbolicLink(link).toString();
            reopenable = target.startsWith("/") || target.startsWith("pipe:");
        } catch (IOException | UnsupportedOperationException e) {
            reopenable = false;
        }
        if (!reopenable) return output ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.from(new java.io.File("/dev/null"));
        if (!output) return ProcessBuilder.Redirect.from(link.toFile());
        // A child appends to a regular file; our own writes must append too, or they would write
        // over what it added (they share no offset, as a plain run's children would).
        if (Files.isRegularFile(link)) {
            LibC.call(Fn.fcntl, fd, LibC.F_SETFL, (int) LibC.call(Fn.fcntl, fd, LibC.F_GETFL, 0) | O_APPEND);
        }
        return ProcessBuilder.Redirect.appendTo(link.toFile());
    }

    /** Makes every waiting and later read end as at the end of input. */
    public void cancel() {
        cancelled = true;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocate(JAVA_LONG);
            one.set(JAVA_LONG, 0, 1);
            LibC.write(wakeFd, one, 8);
        }
    }

    /**
     * Lets go of the other process's file at once, while a thread may still use the descriptor:
     * it now leads to /dev/null (closing it could hand its number to a file opened meanwhile).
     * A reader of the client's pipe then sees its end when the client exits.
     */
    public void detach() {
        cancel();
        try (Arena arena = Arena.ofConfined()) {
            int nul = (int) LibC.call(Fn.open, LibC.string(arena, "/dev/null").address(), LibC.O_RDWR | LibC.O_CLOEXEC, 0);
            if (nul < 0) return;
            synchronized (this) {
                if (!closed) LibC.callInt(Fn.dup2, nul, fd);
            }
            LibC.close(nul);
        }
    }

    /** Reads, blocking until there is input (or the end, or {@link #cancel}). */
    public InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] b = new byte[1];
                return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) return 0;
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment pfds = arena.allocate(16);
                    MemorySegment buf = arena.allocate(len);
                    while (true) {
                        if (cancelled) return -1;
                        pfds.set(JAVA_INT, 0, fd);
                        pfds.set(JAVA_INT, 4, LibC.POLLIN);
                        pfds.set(JAVA_INT, 8, wakeFd);
                        pfds.set(JAVA_INT, 12, LibC.POLLIN);
                        if (LibC.poll(pfds, 2, -1) < 0 && LibC.errno() != LibC.EINTR) throw new IOException("poll failed: errno " + LibC.errno());
                        if (cancelled) return -1;
                        if (pfds.get(JAVA_SHORT, 6) == 0) continue;
                        long n = LibC.read(fd, buf, len);
                        if (n < 0) {
                            int errno = LibC.errno();
                            if (errno == LibC.EINTR || errno == LibC.EAGAIN) continue;
                            if (errno == LibC.EIO) return -1; // a terminal hung up
                            throw new IOException("read failed: errno " + errno);
                        }
                        if (n == 0) return -1;
                        MemorySegment.copy(buf, JAVA_BYTE, 0, b, off, (int) n);
                        return (int) n;
                    }
                }
            }

            @Override
            public int available() {
                return !cancelled && LibC.readable(fd) ? 1 : 0;
            }
        };
    }

    /** Writes, waiting while a non-blocking descriptor is full. */
    public OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len == 0) return;
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment buf = arena.allocate(len);
                    MemorySegment.copy(b, off, buf, JAVA_BYTE, 0, len);
                    long done = 0;
                    while (done < len) {
                        long w = LibC.write(fd, buf.asSlice(done), len - done);
                        if (w >= 0) {
                            done += w;
                            continue;
                        }
                        int errno = LibC.errno();
                        if (errno == LibC.EINTR) continue;
                        if (errno == LibC.EAGAIN) {
                            if (cancelled) throw new InterruptedIOException("cancelled");
                            LibC.pollOut(fd, 100);
                            continue;
                        }
                        throw new IOException(errno == 32 ? "broken pipe" : "write failed: errno " + errno);
                    }
                }
            }
        };
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        LibC.close(fd);
        LibC.close(wakeFd);
    }
}
