package io.jexpect.engine;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The libc calls made for every read, send and wait, bound by JNA's direct mapping: each is one JNI
 * call, where {@link LibC}'s interface mapping goes through a dynamic proxy and converts every
 * argument by reflection (several microseconds a call: the larger part of a round trip's CPU).
 * Sizes are {@code long}: size_t and ssize_t on the 64-bit Linux the engine runs on.
 */
final class FastIo {
    static {
        Native.register("c");
    }

    private FastIo() {
    }

    static native long read(int fd, Pointer buf, long n);

    static native long write(int fd, Pointer buf, long n);

    static native long write(int fd, byte[] buf, long n);

    /** {@code fds}: one struct pollfd per two ints: the descriptor, then events | revents << 16. */
    static native int poll(int[] fds, long nfds, int timeoutMs);

    static native int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMs);

    /** {@code event}: a struct epoll_event laid out in ints (see {@link Poller}). */
    static native int epoll_ctl(int epfd, int op, int fd, int[] event);
}
