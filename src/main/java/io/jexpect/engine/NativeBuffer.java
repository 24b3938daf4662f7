package io.jexpect.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Native memory a read(2) fills or a write(2) takes, with its bytes copied to and from Java arrays
 * through a ByteBuffer view made once: MemorySegment.copy checks its layouts and alignment on
 * every call, which cost ~3 µs a copy interpreted and ~130 ns compiled against ~1 µs and ~70 ns
 * for the view's bulk get and put. Freed by the GC.
 */
final class NativeBuffer {
    final MemorySegment segment;
    private final ByteBuffer view;

    NativeBuffer(long size) {
        segment = Arena.ofAuto().allocate(size);
        view = segment.asByteBuffer();
    }

    long size() {
        return segment.byteSize();
    }

    /** Copies the first {@code len} bytes into {@code to} at {@code off}. */
    void copyTo(byte[] to, int off, int len) {
        view.get(0, to, off, len);
    }

    /** Copies {@code len} bytes of {@code from} at {@code off} to the start. */
    void copyFrom(byte[] from, int off, int len) {
        view.put(0, from, off, len);
    }
}
