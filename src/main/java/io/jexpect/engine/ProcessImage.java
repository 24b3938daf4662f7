package io.jexpect.engine;

import io.jexpect.engine.LibC.Fn;
import java.lang.foreign.Arena;
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

    private static final int F_SETFD = 2, FD_CLOEXEC = 1;
    private static final int CLOSE_RANGE_CLOEXEC = 4, SIG_SETMASK = 2, SIGINT = 2, SIGQUIT = 3;

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
        try (Arena arena = Arena.ofConfined()) {
            if (LibC.callInt(Fn.chdir, LibC.string(arena, directory.toString()).address()) != 0) throw failure(LibC.errno());
            // Ours poll without blocking; the program expects blocking descriptors, as Expect's are.
            for (int from : fds.values()) {
                LibC.call(Fn.fcntl, from, LibC.F_SETFL, (int) LibC.call(Fn.fcntl, from, LibC.F_GETFL, 0) & ~LibC.O_NONBLOCK);
            }
            closeOnExecFrom3();
            fds.forEach((to, from) -> {
                if (!to.equals(from)) LibC.callInt(Fn.dup2, from, to);
                else LibC.call(Fn.fcntl, to, F_SETFD, 0);
            });
            // Expect restores these two; the JVM's handlers go with exec, ignored signals stay ignored.
            LibC.call(Fn.signal, SIGINT, 0, 0);
            LibC.call(Fn.signal, SIGQUIT, 0, 0);
            long none = arena.allocate(128).address();
            LibC.callInt(Fn.sigemptyset, none);
            LibC.callInt(Fn.sigprocmask, SIG_SETMASK, none, 0);
            List<String> envList = new ArrayList<>();
            env.forEach((k, v) -> envList.add(k + "=" + v));
            List<String> args = new ArrayList<>(argv);
            args.set(0, argv0);
            LibC.callInt(Fn.execve, LibC.string(arena, program).address(), LibC.strings(arena, args).address(),
                LibC.strings(arena, envList).address());
            throw failure(LibC.errno());
        }
    }

    private static SpawnException failure(int errno) {
        String text = Spawner.errnoMessage(errno);
        return new SpawnException(text, List.of("POSIX", Spawner.errnoName(errno), text));
    }

    private static void closeOnExecFrom3() {
        // close_range takes unsigned ints: ~0U is the highest descriptor.
        if (LibC.callInt(Fn.close_range, 3, 0xffffffffL, CLOSE_RANGE_CLOEXEC) == 0) return;
        // Kernels before 5.11: mark each open descriptor.
        String[] open = new java.io.File("/proc/self/fd").list();
        if (open == null) return;
        for (String name : open) {
            int fd = Integer.parseInt(name);
            if (fd >= 3) LibC.call(Fn.fcntl, fd, F_SETFD, FD_CLOEXEC);
        }
    }
}
