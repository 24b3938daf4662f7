package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The interpreter's current directory. The JVM cannot chdir, so {@code cd} changes this state
 * instead (one per interpreter tree, as the process's is in Tcl), and every command that touches
 * files or starts processes resolves against it.
 */
public final class WorkingDirectory {
    private Path dir = Path.of("").toAbsolutePath().normalize();

    private WorkingDirectory() {}

    private static WorkingDirectory state(Interp interp) {
        return interp.extension(WorkingDirectory.class, WorkingDirectory::new);
    }

    /** A new child interpreter shares its parent's directory: in Tcl the current directory is the process's. */
    static void share(Interp parent, Interp child) {
        child.extension(WorkingDirectory.class, () -> state(parent));
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
    public static Path resolve(Interp interp, String name) throws TclException {
        return of(interp).resolve(expandTilde(interp, name));
    }

    /** Whether every system call refuses the name: it holds a NUL, which a C string cannot. */
    public static boolean refused(String name) {
        return name.indexOf('\0') >= 0;
    }

    /**
     * Tcl 8.6's tilde substitution: "~" and "~/..." follow HOME as the script's env array has it
     * (Tcl reads the process environment, which env writes through), "~user" that user's home.
     */
    public static String expandTilde(Interp interp, String name) throws TclException {
        if (!name.startsWith("~")) return name;
        int slash = name.indexOf('/');
        String user = slash < 0 ? name.substring(1) : name.substring(1, slash);
        String rest = slash < 0 ? "" : name.substring(slash);
        if (user.isEmpty()) {
            Value home = interp.getGlobalOrNull("env(HOME)");
            if (home == null) {
                throw TclException.error("couldn't find HOME environment variable to expand path", "TCL", "VALUE", "PATH", "HOMELESS");
            }
            return home + rest;
        }
        String home = userHome(user);
        if (home == null) throw TclException.error("user \"" + user + "\" doesn't exist", "TCL", "VALUE", "PATH", "NOUSER");
        return home + rest;
    }

    /** The home directory of a user in the password file, or null. */
    private static String userHome(String user) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":", -1);
                if (f.length >= 6 && f[0].equals(user)) return f[5];
            }
        } catch (IOException e) {
            // No password file: no such user.
        }
        return null;
    }
}
