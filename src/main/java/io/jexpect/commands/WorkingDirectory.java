package io.jexpect.commands;

import io.jexpect.interp.Interp;
import java.nio.file.Path;

/**
 * The interpreter's current directory. The JVM cannot chdir, so {@code cd} changes this per-interpreter
 * state instead, and every command that touches files or starts processes resolves against it.
 */
public final class WorkingDirectory {
    private Path dir = Path.of("").toAbsolutePath().normalize();

    private WorkingDirectory() {}

    private static WorkingDirectory state(Interp interp) {
        return interp.extension(WorkingDirectory.class, WorkingDirectory::new);
    }

    /** The interpreter's current directory (absolute). */
    public static Path of(Interp interp) {
        return state(interp).dir;
    }

    /** Changes the interpreter's current directory; the caller checks that it exists. */
    public static void set(Interp interp, Path dir) {
        state(interp).dir = dir.toAbsolutePath().normalize();
    }

    /** A script's file name resolved against the interpreter's current directory (tilde-expanded). */
    public static Path resolve(Interp interp, String name) {
        return of(interp).resolve(expandTilde(name));
    }

    /** Whether every system call refuses the name: it holds a NUL, which a C string cannot. */
    public static boolean refused(String name) {
        return name.indexOf('\0') >= 0;
    }

    static String expandTilde(String name) {
        if (name.equals("~") || name.startsWith("~/")) {
            return System.getProperty("user.home") + name.substring(1);
        }
        return name;
    }
}
