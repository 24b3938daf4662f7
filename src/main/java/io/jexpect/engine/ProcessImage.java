package io.jexpect.engine;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.StringArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces this process with another program, as Expect's overlay does: execve from the JVM ends
 * every other thread and keeps the pid. Only the descriptors asked for (and 0-2) reach the program:
 * the JVM's own, the spawned programs' ptys among them, close on exec, so those programs get their
 * hangup as when jexpect exits.
 */
public final class ProcessImage {
    private ProcessImage() {}

    private interface Sys extends Library {
        Sys C = Native.load("c", Sys.class);
        int F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, FD_CLOEXEC = 1, O_NONBLOCK = 0x800;
        int CLOSE_RANGE_CLOEXEC = 4, SIG_SETMASK = 2, SIGINT = 2, SIGQUIT = 3;

        int close_range(int first, int last, int flags);
        int fcntl(int fd, int cmd, int arg);
        int dup2(int from, int to);
        int chdir(String dir);
        int sigemptyset(Memory set);
        int sigprocmask(int how, Memory set, Memory old);
        long signal(int sig, long handler);
        int execve(String path, StringArray argv, StringArray envp);
    }

    /**
     * Runs {@code argv} in place of this process, with {@code fds} (new descriptor to the one it
     * is a copy of), in {@code directory}, with this process's environment changed by
     * {@code environment} (a null value removes the variable). Returns only by failing.
     *
     * @param argv0 the name the program sees as argv[0] (a login shell's "-sh", say)
     * @throws SpawnException with execvp's error text and Tcl's POSIX errorCode; nothing has changed
     *     yet if the program is missing
     */
    public static void replace(List<String> argv, String argv0, Map<Integer, Integer> fds,
                               Map<String, String> environment, Path directory) throws SpawnException {
        Map<String, String> env = new HashMap<>(System.getenv());
        environment.forEach((k, v) -> {
            if (v == null) env.remove(k); else env.put(k, v);
        });
        int[] errno = new int[1];
        String program = Spawner.find(argv.getFirst(), env.get("PATH"), errno);
        if (program == null) throw failure(errno[0]);
        Sys c = Sys.C;
        if (c.chdir(directory.toString()) != 0) throw failure(Native.getLastError());
        // Ours poll without blocking; the program expects blocking descriptors, as Expect's are.
        for (int from : fds.values()) c.fcntl(from, Sys.F_SETFL, c.fcntl(from, Sys.F_GETFL, 0) & ~Sys.O_NONBLOCK);
        closeOnExecFrom3(c);
        fds.forEach((to, from) -> {
            if (!to.equals(from)) c.dup2(from, to);
            else c.fcntl(to, Sys.F_SETFD, 0);
        });
        // Expect restores these two; the JVM's handlers go with exec, ignored signals stay ignored.
        c.signal(Sys.SIGINT, 0);
        c.signal(Sys.SIGQUIT, 0);
        Memory none = new Memory(128);
        c.sigemptyset(none);
        c.sigprocmask(Sys.SIG_SETMASK, none, null);
        List<String> envList = new ArrayList<>();
        env.forEach((k, v) -> envList.add(k + "=" + v));
        List<String> args = new ArrayList<>(argv);
        args.set(0, argv0);
        c.execve(program, new StringArray(args.toArray(new String[0])), new StringArray(envList.toArray(new String[0])));
        throw failure(Native.getLastError());
    }

    private static SpawnException failure(int errno) {
        String text = Spawner.errnoMessage(errno);
        return new SpawnException(text, List.of("POSIX", Spawner.errnoName(errno), text));
    }

    private static void closeOnExecFrom3(Sys c) {
        if (c.close_range(3, -1, Sys.CLOSE_RANGE_CLOEXEC) == 0) return;
        // Kernels before 5.11: mark each open descriptor.
        String[] open = new java.io.File("/proc/self/fd").list();
        if (open == null) return;
        for (String name : open) {
            int fd = Integer.parseInt(name);
            if (fd >= 3) c.fcntl(fd, Sys.F_SETFD, Sys.FD_CLOEXEC);
        }
    }
}
