package io.jexpect.engine;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.jexpect.engine.LibC.Fn;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A Unix-domain stream socket that can receive file descriptors (SCM_RIGHTS), which the JDK's own
 * {@code UnixDomainSocketAddress} channels cannot: the resident server takes a client's standard
 * input, output and error this way. Linux, glibc; the layouts below agree on x86-64 and AArch64.
 */
public final class UnixSocket implements AutoCloseable {
    private static final int AF_UNIX = 1, SOCK_STREAM = 1, SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1, SCM_RIGHTS = 1, SO_PEERCRED = 17, SHUT_RDWR = 2;
    private static final int MSG_CMSG_CLOEXEC = 0x40000000;
    /** struct sockaddr_un: sa_family_t, then sun_path[108]. */
    private static final int SUN_PATH = 108, SOCKADDR_SIZE = 2 + SUN_PATH;
    /** struct msghdr: name, namelen, iov, iovlen, control, controllen, flags. */
    private static final int MSGHDR_SIZE = 56, MSG_IOV = 16, MSG_IOVLEN = 24, MSG_CONTROL = 32, MSG_CONTROLLEN = 40;
    /** struct cmsghdr: size_t len, int level, int type, then the data. */
    private static final int CMSG_DATA = 16;
    /** How many descriptors one message may bring; more are closed at once. */
    public static final int MAX_FDS = 8;

    private final int fd;
    private volatile boolean closed;

    private UnixSocket(int fd) {
        this.fd = fd;
    }

    /** A socket listening at {@code path} (which must not exist), readable and writable by its owner only. */
    public static UnixSocket listen(Path path) throws IOException {
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        if (name.length >= SUN_PATH) throw new IOException("socket path too long: " + path);
        int fd = LibC.callInt(Fn.socket, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) throw new IOException("socket failed: errno " + LibC.errno());
        UnixSocket s = new UnixSocket(fd);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment addr = arena.allocate(SOCKADDR_SIZE);
            addr.set(JAVA_SHORT, 0, (short) AF_UNIX);
            MemorySegment.copy(name, 0, addr, JAVA_BYTE, 2, name.length);
            if (LibC.callInt(Fn.bind, fd, addr.address(), SOCKADDR_SIZE) != 0) {
                throw new IOException("cannot bind " + path + ": errno " + LibC.errno());
            }
            if (LibC.callInt(Fn.listen, fd, 64) != 0) throw new IOException("listen failed: errno " + LibC.errno());
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /**
     * Waits up to {@code timeoutMs} (-1: for ever) for a connection; null when none came, or when
     * the socket was {@linkplain #shutdown shut down}.
     */
    public UnixSocket accept(int timeoutMs) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pfd = arena.allocate(8);
            pfd.set(JAVA_INT, 0, fd);
            pfd.set(JAVA_INT, 4, LibC.POLLIN);
            int r = LibC.poll(pfd, 1, timeoutMs);
            if (closed || r == 0 || r < 0 && LibC.errno() == LibC.EINTR) return null;
            int c = LibC.callInt(Fn.accept4, fd, 0, 0, SOCK_CLOEXEC);
            if (c < 0) {
                if (closed) return null;
                int errno = LibC.errno();
                if (errno == LibC.EINTR || errno == LibC.EAGAIN || errno == 103 /* ECONNABORTED */) return null;
                throw new IOException("accept failed: errno " + errno);
            }
            return new UnixSocket(c);
        }
    }

    /** The user id of the process at the other end (SO_PEERCRED). */
    public int peerUid() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cred = arena.allocate(12); // struct ucred: pid, uid, gid
            MemorySegment len = arena.allocate(JAVA_INT);
            len.set(JAVA_INT, 0, 12);
            if ((int) LibC.call(Fn.getsockopt, fd, SOL_SOCKET, SO_PEERCRED, cred.address(), len.address(), 0) != 0) {
                throw new IOException("getsockopt failed: errno " + LibC.errno());
            }
            return cred.get(JAVA_INT, 4);
        }
    }

    /**
     * Reads up to {@code n} bytes into {@code buf} from {@code off}; the descriptors that came with them (close-on-exec)
     * go to {@code fds}, the rest of it -1. Returns the bytes read, 0 at the end of the stream.
     */
    public int receive(byte[] buf, int off, int n, int[] fds) throws IOException {
        java.util.Arrays.fill(fds, -1);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocate(Math.max(1, n));
            MemorySegment iov = arena.allocate(16);
            iov.set(ADDRESS, 0, data);
            iov.set(JAVA_LONG, 8, n);
            int controlSize = CMSG_DATA + 4 * MAX_FDS;
            MemorySegment control = arena.allocate(controlSize);
            MemorySegment msg = arena.allocate(MSGHDR_SIZE);
            msg.set(ADDRESS, MSG_IOV, iov);
            msg.set(JAVA_LONG, MSG_IOVLEN, 1);
            msg.set(ADDRESS, MSG_CONTROL, control);
            msg.set(JAVA_LONG, MSG_CONTROLLEN, controlSize);
            long r;
            do {
                r = LibC.call(Fn.recvmsg, fd, msg.address(), MSG_CMSG_CLOEXEC, 0, 0, 0);
            } while (r < 0 && LibC.errno() == LibC.EINTR);
            if (r < 0) throw new IOException("recvmsg failed: errno " + LibC.errno());
            long controlLen = msg.get(JAVA_LONG, MSG_CONTROLLEN);
            if (controlLen >= CMSG_DATA && control.get(JAVA_INT, 8) == SOL_SOCKET && control.get(JAVA_INT, 12) == SCM_RIGHTS) {
                int count = (int) ((control.get(JAVA_LONG, 0) - CMSG_DATA) / 4);
                for (int i = 0; i < count; i++) {
                    int passed = control.get(JAVA_INT, CMSG_DATA + 4L * i);
                    if (i < fds.length) fds[i] = passed;
                    else LibC.close(passed);
                }
            }
            MemorySegment.copy(data, JAVA_BYTE, 0, buf, off, (int) r);
            return (int) r;
        }
    }

    /** Writes all of {@code b}. */
    public void send(byte[] b) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = arena.allocateFrom(JAVA_BYTE, b);
            long off = 0;
            while (off < b.length) {
                long w = LibC.write(fd, m.asSlice(off), b.length - off);
                if (w < 0 && LibC.errno() == LibC.EINTR) continue;
                if (w <= 0) throw new IOException("write failed: errno " + LibC.errno());
                off += w;
            }
        }
    }

    /** Wakes a thread waiting in {@link #accept} or {@link #receive}: they see the end. */
    public void shutdown() {
        closed = true;
        LibC.callInt(Fn.shutdown, fd, SHUT_RDWR);
    }

    @Override
    public void close() {
        closed = true;
        LibC.close(fd);
    }
}
