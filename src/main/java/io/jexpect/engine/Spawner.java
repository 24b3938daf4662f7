package io.jexpect.engine;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import io.jexpect.engine.LibC.Fn;
import java.io.File;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts a program in its own session on a fresh pty (or pipes) with posix_spawn. */
final class Spawner {

    /** What a successful spawn hands back: the pid and our end of the connection (non-blocking). */
    record Spawned(int pid, int readFd, int writeFd, String slaveName) {
    }

    private Spawner() {
    }

    static Spawned spawn(SpawnOptions o) throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        o.environment().forEach((k, v) -> {
            if (v == null) env.remove(k); else env.put(k, v);
        });
        String program = resolve(o.command().get(0), env.get("PATH"));
        return o.pty() ? spawnOnPty(o, program, env) : spawnOnPipes(o, program, env);
    }

    /** PATH lookup with execvp's rules, failing with Expect's message. */
    static String resolve(String prog, String path) throws SpawnException {
        int[] errno = new int[1];
        String found = find(prog, path, errno);
        if (found == null) throw cannot(prog, errno[0]);
        return found;
    }

    /** PATH lookup with execvp's rules; null with the errno (ENOENT or EACCES) when nothing runs. */
    static String find(String prog, String path, int[] errno) {
        if (prog.contains("/")) {
            File f = new File(prog);
            errno[0] = !f.exists() ? 2 : f.isDirectory() || !f.canExecute() ? 13 : 0;
            return errno[0] == 0 ? prog : null;
        }
        boolean denied = false;
        for (String dir : (path == null ? "/usr/local/bin:/usr/bin:/bin" : path).split(":", -1)) {
            File f = new File(dir.isEmpty() ? "." : dir, prog);
            if (f.isFile() && f.canExecute()) return f.getPath();
            if (f.exists()) denied = true;
        }
        errno[0] = denied ? 13 : 2;
        return null;
    }

    static SpawnException cannot(String prog, int errno) {
        return new SpawnException("couldn't execute \"" + prog + "\": " + errnoMessage(errno));
    }

    /** Out of descriptors, Expect says (it makes a pipe first); other pty failures in its words too. */
    private static SpawnException noPty(int errno) {
        if (errno == LibC.EMFILE || errno == LibC.ENFILE) return noPipe(errno);
        return new SpawnException("The system has no more ptys.  Ask your system administrator to create more.");
    }

    private static SpawnException noPipe(int errno) {
        String text = errnoMessage(errno);
        return new SpawnException("too many programs spawned?  could not create pipe: " + text,
            List.of("POSIX", errnoName(errno), text));
    }

    /** Tcl_ErrnoMsg's lower-case texts for the errors exec can give. */
    static String errnoMessage(int errno) {
        return switch (errno) {
            case 2 -> "no such file or directory";
            case 13 -> "permission denied";
            case 8 -> "exec format error";
            case 20 -> "not a directory";
            case 7 -> "argument list too long";
            case 40 -> "too many levels of symbolic links";
            case 36 -> "file name too long";
            case 12 -> "not enough memory";
            case 11 -> "resource temporarily unavailable";
            case 26 -> "text file busy";
            case 23 -> "too many open files in system";
            case 24 -> "too many open files";
            default -> "unknown error (" + errno + ")";
        };
    }

    /** Tcl_ErrnoId for the few errors spawn and overlay report with an errorCode. */
    static String errnoName(int errno) {
        return switch (errno) {
            case 2 -> "ENOENT";
            case 13 -> "EACCES";
            case 8 -> "ENOEXEC";
            case 20 -> "ENOTDIR";
            case 23 -> "ENFILE";
            case 24 -> "EMFILE";
            case 12 -> "ENOMEM";
            case 11 -> "EAGAIN";
            default -> "E" + errno;
        };
    }

    private static Spawned spawnOnPty(SpawnOptions o, String program, Map<String, String> env) throws IOException {
        // Non-blocking from the start: the variadic fcntl (and open) would cost the first spawn a
        // second foreign-function shape, tens of milliseconds (docs/benchmarks.md).
        int master = LibC.callInt(Fn.posix_openpt, LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_CLOEXEC | LibC.O_NONBLOCK);
        if (master < 0) throw noPty(LibC.errno());
        try (Arena arena = Arena.ofConfined()) {
            // A spawn leaves a descriptor free, as Expect's does (its pipe needs two besides the
            // master): a script that spawns up to the limit can still open a file, and the JVM a
            // class file, to report it.
            int spare = LibC.callInt(Fn.dup, master);
            if (spare < 0) throw noPty(LibC.errno());
            LibC.close(spare);
            if (LibC.callInt(Fn.grantpt, master) != 0 || LibC.callInt(Fn.unlockpt, master) != 0) throw noPty(LibC.errno());
            MemorySegment name = arena.allocate(128);
            if (LibC.callInt(Fn.ptsname_r, master, name.address(), name.byteSize()) != 0) throw noPty(LibC.errno());
            String slaveName = LibC.cString(name);
            // Linux applies a master's terminal modes and window size to its slave, and keeps them
            // while the master is open, so the slave need not be open before the child opens it.
            Terminal.setSane(master);
            if (o.rows() > 0 || o.columns() > 0) Terminal.setWindowSize(master, o.rows(), o.columns());
            if (!o.stty().isEmpty()) Terminal.runStty(slaveName, o.stty());
            int pid = posixSpawn(program, o, env, slaveName, -1, -1);
            return new Spawned(pid, master, master, slaveName);
        } catch (IOException | RuntimeException e) {
            LibC.close(master);
            throw e;
        }
    }

    private static Spawned spawnOnPipes(SpawnOptions o, String program, Map<String, String> env) throws IOException {
        int[] in = pipe();
        int[] out;
        try {
            out = pipe();
        } catch (SpawnException e) {
            LibC.close(in[0]);
            LibC.close(in[1]);
            throw e;
        }
        try {
            int pid = posixSpawn(program, o, env, null, in[0], out[1]);
            LibC.close(in[0]);
            LibC.close(out[1]);
            LibC.setNonBlocking(out[0]);
            LibC.setNonBlocking(in[1]);
            return new Spawned(pid, out[0], in[1], null);
        } catch (IOException | RuntimeException e) {
            for (int fd : new int[]{in[0], in[1], out[0], out[1]}) LibC.close(fd);
            throw e;
        }
    }

    /** A pipe (close on exec): its read end, then its write end. */
    private static int[] pipe() throws SpawnException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            if (LibC.callInt(Fn.pipe2, fds.address(), LibC.O_CLOEXEC) != 0) throw noPipe(LibC.errno());
            return new int[]{fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        }
    }

    private static int posixSpawn(String program, SpawnOptions o, Map<String, String> env,
                                  String slaveName, int stdinFd, int stdoutFd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            long fa = arena.allocate(1024).address();
            long attr = arena.allocate(1024).address();
            LibC.callInt(Fn.posix_spawn_file_actions_init, fa);
            LibC.callInt(Fn.posix_spawnattr_init, attr);
            try {
                if (slaveName != null) {
                    // Opened after setsid and without O_NOCTTY, the slave becomes the controlling tty.
                    LibC.callInt(Fn.posix_spawn_file_actions_addopen, fa, 0, LibC.string(arena, slaveName).address(), LibC.O_RDWR);
                    LibC.callInt(Fn.posix_spawn_file_actions_adddup2, fa, 0, 1);
                    LibC.callInt(Fn.posix_spawn_file_actions_adddup2, fa, 0, 2);
                } else {
                    LibC.callInt(Fn.posix_spawn_file_actions_adddup2, fa, stdinFd, 0);
                    LibC.callInt(Fn.posix_spawn_file_actions_adddup2, fa, stdoutFd, 1);
                    LibC.callInt(Fn.posix_spawn_file_actions_adddup2, fa, stdoutFd, 2);
                }
                // Never leak the JVM's descriptors (other sessions' pipes would then never see eof).
                LibC.callInt(Fn.posix_spawn_file_actions_addclosefrom_np, fa, 3);
                if (o.directory() != null) {
                    LibC.callInt(Fn.posix_spawn_file_actions_addchdir_np, fa, LibC.string(arena, o.directory().toString()).address());
                }
                long all = arena.allocate(128).address();
                LibC.callInt(Fn.sigfillset, all);
                LibC.callInt(Fn.posix_spawnattr_setsigdefault, attr, all);
                long none = arena.allocate(128).address();
                LibC.callInt(Fn.sigemptyset, none);
                LibC.callInt(Fn.posix_spawnattr_setsigmask, attr, none);
                LibC.callInt(Fn.posix_spawnattr_setflags, attr,
                    LibC.POSIX_SPAWN_SETSID | LibC.POSIX_SPAWN_SETSIGDEF | LibC.POSIX_SPAWN_SETSIGMASK);
                List<String> envList = new ArrayList<>();
                env.forEach((k, v) -> envList.add(k + "=" + v));
                MemorySegment pid = arena.allocate(JAVA_INT);
                int rc = (int) LibC.call(Fn.posix_spawn, pid.address(), LibC.string(arena, program).address(), fa, attr,
                    LibC.strings(arena, o.command()).address(), LibC.strings(arena, envList).address());
                if (rc != 0) throw cannot(o.command().get(0), rc);
                return pid.get(JAVA_INT, 0);
            } finally {
                LibC.callInt(Fn.posix_spawn_file_actions_destroy, fa);
                LibC.callInt(Fn.posix_spawnattr_destroy, attr);
            }
        }
    }
}
