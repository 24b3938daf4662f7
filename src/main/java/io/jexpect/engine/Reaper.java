package io.jexpect.engine;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import io.jexpect.engine.LibC.Fn;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reaps an engine's programs the moment they exit, with one thread instead of a descriptor or a
 * thread per program: it sleeps in {@code waitid(P_ALL, WNOWAIT)}, which reports any child of the
 * JVM without consuming it, and reaps only its own. Another owner's child (a {@code Process} of
 * {@code exec}, another engine's program) is left to its owner, which reaps it at once; meanwhile
 * this looks at its own programs directly and waits a little, so it never spins. The thread ends
 * when the engine has no program left, and starts again with the next spawn.
 */
final class Reaper {
    private static final int SI_PID_OFFSET = 16; // siginfo_t: signo, errno, code, then si_pid
    private static final long MAX_BACKOFF_MS = 50;

    private final Map<Integer, Session> byPid = new ConcurrentHashMap<>();
    private Thread thread;

    synchronized void add(Session s) {
        byPid.put((int) s.pid(), s);
        if (thread == null) {
            thread = new Thread(this::run, "jexpect-reaper");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void remove(Session s) {
        byPid.remove((int) s.pid());
    }

    private void run() {
        MemorySegment info = Arena.ofAuto().allocate(128);
        long backoff = 0;
        int lastStranger = 0;
        while (true) {
            synchronized (this) {
                if (byPid.isEmpty()) {
                    thread = null;
                    return;
                }
            }
            info.fill((byte) 0);
            int r = LibC.callInt(Fn.waitid, LibC.P_ALL, 0, info.address(), LibC.WEXITED | LibC.WNOWAIT);
            int pid = r == 0 ? info.get(JAVA_INT, SI_PID_OFFSET) : 0;
            if (r != 0 && LibC.errno() == LibC.EINTR) continue;
            Session s = byPid.get(pid);
            if (s != null) {
                s.pollExit();
                backoff = 0;
                continue;
            }
            backoff = pid != 0 && pid == lastStranger ? Math.min(MAX_BACKOFF_MS, Math.max(1, backoff * 2)) : 1;
            lastStranger = pid;
            for (Session own : byPid.values()) own.pollExit();
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
