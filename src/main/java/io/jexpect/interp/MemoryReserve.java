package io.jexpect.interp;

/**
 * Room kept back for reporting that memory ran out. When a command's allocation fails, the heap is
 * often full of the script's own data (a list it grew), and making the Tcl error, tracing it and
 * running catch's handler need memory too: the reserve is let go then, and taken again by a later
 * command once there is room to spare.
 */
final class MemoryReserve {
    private static final int BYTES = 1 << 20;
    private static byte[] held = new byte[BYTES];

    private MemoryReserve() {}

    static void release() {
        held = null;
    }

    /** Takes the reserve again if it was let go (one field read when it is held). */
    static void restore() {
        if (held != null) return;
        Runtime rt = Runtime.getRuntime();
        // Taken back while the script still filled the heap, it left the next command nothing.
        if (rt.maxMemory() - rt.totalMemory() + rt.freeMemory() < 8L * BYTES) return;
        try {
            held = new byte[BYTES];
        } catch (OutOfMemoryError stillFull) {
            // Someone else took the room first; a later command tries again.
        }
    }
}
