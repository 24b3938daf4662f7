package io.jexpect.engine;

import io.jexpect.engine.LibC.Fn;
import java.io.File;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The terminal the user runs us on (interact, the recorder): its mode and its window size. */
public final class UserTerminal {
    private UserTerminal() {
    }

    /** True when standard input is a terminal. */
    public static boolean isTerminal() {
        return isTerminal(0);
    }

    /** True when {@code fd} is a terminal. */
    public static boolean isTerminal(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            return LibC.callInt(Fn.tcgetattr, fd, arena.allocate(256).address()) == 0;
        }
    }

    /** {rows, columns} of the terminal on standard input, or {0, 0} without one. */
    public static int[] windowSize() {
        return isTerminal() ? Terminal.windowSize(0) : new int[]{0, 0};
    }

    /** The controlling terminal. */
    public static final File CONTROLLING = new File("/dev/tty");

    /**
     * Puts the controlling terminal in raw mode without echo; returns its settings from before, for
     * {@link #restore}, or null when there is no terminal to change.
     */
    public static String makeRaw() {
        return makeRaw(CONTROLLING);
    }

    /** The same for a given terminal device (a resident server's client's). */
    public static String makeRaw(File tty) {
        if (!tty.canRead()) return null;
        String saved = stty(tty, "-g");
        if (saved == null) return null;
        stty(tty, "raw", "-echo");
        return saved.strip();
    }

    /** Puts back settings {@link #makeRaw} returned (nothing for null). */
    public static void restore(String saved) {
        restore(CONTROLLING, saved);
    }

    public static void restore(File tty, String saved) {
        if (saved != null) stty(tty, saved);
    }

    private static String stty(File tty, String... args) {
        List<String> cmd = new ArrayList<>(List.of("stty"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(tty).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
