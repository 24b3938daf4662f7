package io.jexpect.engine;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.jexpect.engine.LibC.Fn;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/** Terminal modes: Expect's "sane" cooked settings, window size and stty_init. */
final class Terminal {
    // struct termios (glibc, Linux): iflag, oflag, cflag, lflag at 0, 4, 8, 12.
    private static final int BRKINT = 0x2, ICRNL = 0x100, IXON = 0x400, IMAXBEL = 0x2000;
    private static final int OPOST = 0x1, ONLCR = 0x4;
    private static final int CSIZE = 0x30, CS8 = 0x30, CREAD = 0x80;
    private static final int ISIG = 0x1, ICANON = 0x2, ECHO = 0x8, ECHOE = 0x10, ECHOK = 0x20,
        ECHOCTL = 0x200, ECHOKE = 0x800, IEXTEN = 0x8000;

    private Terminal() {
    }

    /** The modes `stty -a` shows under expect 5.45.4: cooked, echo, icrnl, onlcr, -iutf8. */
    static void setSane(int fd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment t = arena.allocate(256);
            if (LibC.callInt(Fn.tcgetattr, fd, t.address()) != 0) throw new IOException("tcgetattr failed: errno " + LibC.errno());
            t.set(JAVA_INT, 0, BRKINT | ICRNL | IXON | IMAXBEL);
            t.set(JAVA_INT, 4, OPOST | ONLCR);
            t.set(JAVA_INT, 8, (t.get(JAVA_INT, 8) & ~CSIZE) | CS8 | CREAD);
            t.set(JAVA_INT, 12, ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN);
            if (LibC.callInt(Fn.tcsetattr, fd, 0, t.address()) != 0) throw new IOException("tcsetattr failed: errno " + LibC.errno());
        }
    }

    static void setWindowSize(int fd, int rows, int cols) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ws = arena.allocate(8);
            ws.set(JAVA_SHORT, 0, (short) rows);
            ws.set(JAVA_SHORT, 2, (short) cols);
            LibC.call(Fn.ioctl, fd, LibC.TIOCSWINSZ, ws.address());
        }
    }

    static int[] windowSize(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ws = arena.allocate(8);
            LibC.call(Fn.ioctl, fd, LibC.TIOCGWINSZ, ws.address());
            return new int[]{ws.get(JAVA_SHORT, 0) & 0xffff, ws.get(JAVA_SHORT, 2) & 0xffff};
        }
    }

    /** Runs the real stty on the slave before the program starts, so any stty syntax works. */
    static void runStty(String slaveName, List<String> args) throws IOException {
        // The shell opens the terminal, not the JVM: a JVM that leads a session without a
        // controlling terminal would acquire this one by opening it, and get its hangup later.
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "exec stty \"$@\" < \"$0\"", slaveName));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        try {
            if (p.waitFor() != 0) throw new IOException("stty " + String.join(" ", args) + ": " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running stty", e);
        }
    }
}
