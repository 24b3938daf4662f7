package io.jexpect.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: whether a process has ended (gone, or a zombie left for its new parent to reap). */
public final class Processes {
    private Processes() {
    }

    public static boolean goneWithin(long pid, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            if (!running(pid)) return true;
            Thread.sleep(20);
        }
        return !running(pid);
    }

    public static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
