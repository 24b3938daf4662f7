package io.jexpect.api;

import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: whether a process has ended (gone, or a zombie left for its new parent to reap). */
final class Processes {
    private Processes() {
    }

    static boolean goneWithin(long pid, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            if (!running(pid)) return true;
            Thread.sleep(20);
        }
        return !running(pid);
    }

    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
