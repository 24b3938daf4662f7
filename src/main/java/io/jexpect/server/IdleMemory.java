package io.jexpect.server;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/**
 * Gives the memory a busy spell grew back to the system once the server is idle. The heap grows
 * to what the largest script needed (after every bench scenario the Serial collector's old
 * generation held 98-122 MB, nearly all garbage) and the collector shrinks it only at a full
 * collection (at once: the server runs with -XX:-ShrinkHeapInSteps); the C heap keeps freed pages
 * until trimmed.
 */
final class IdleMemory {
    /** glibc's malloc_trim(pad), null where the C library has none; linked at the first idle spell. */
    private static final class Trim {
        static final MethodHandle MALLOC_TRIM = Linker.nativeLinker().defaultLookup().find("malloc_trim")
                .map(f -> Linker.nativeLinker().downcallHandle(f, FunctionDescriptor.of(JAVA_INT, JAVA_LONG)))
                .orElse(null);
    }

    /** The heap's size at the start: a heap no larger has nothing to give back. */
    private final long startHeap = Runtime.getRuntime().totalMemory();

    void giveBack() {
        long heap = Runtime.getRuntime().totalMemory();
        if (heap > startHeap) {
            System.gc(); // a full collection, the only one that shrinks the heap (a ~3 MB live set: tens of ms)
            ResidentServer.log("idle: heap " + (heap >> 20) + " MB -> " + (Runtime.getRuntime().totalMemory() >> 20) + " MB");
        }
        if (Trim.MALLOC_TRIM == null) return;
        try {
            int unused = (int) Trim.MALLOC_TRIM.invokeExact(0L);
        } catch (Throwable e) {
            ResidentServer.log("malloc_trim: " + e);
        }
    }
}
