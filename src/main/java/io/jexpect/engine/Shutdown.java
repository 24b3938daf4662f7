package io.jexpect.engine;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ends a set of programs fast, all at once: hang up every one (SIGHUP, and a terminal hangup), give
 * them {@link #HUP_GRACE_MS} to go, SIGTERM what is left, {@link #TERM_GRACE_MS} more, then SIGKILL.
 * Each wait ends the moment nothing is left. Process groups are signalled as groups; descendants
 * that left their program's group (found in one pass over /proc before anything is signalled), and
 * adopted {@code exec} children with all their descendants, one by one.
 */
final class Shutdown {
    static final long HUP_GRACE_MS = 100;
    static final long TERM_GRACE_MS = 100;
    static final long KILL_WAIT_MS = 2000;
    private static final long POLL_MS = 2;

    private final List<Session> sessions;
    /** Each program's process group as found before anything was signalled: pgid to live members. */
    private final Map<Long, List<Long>> members = new HashMap<>();
    private final List<ProcessHandle> strays = new ArrayList<>();
    private final List<Session> gone = new ArrayList<>();

    Shutdown(List<Session> sessions, List<ProcessHandle> adopted) {
        this.sessions = new ArrayList<>(sessions);
        if (sessions.isEmpty() && adopted.isEmpty()) return;
        Map<Long, long[]> table = processTable();
        Map<Long, List<Long>> children = new HashMap<>();
        table.forEach((pid, e) -> children.computeIfAbsent(e[0], k -> new ArrayList<>()).add(pid));
        Set<Long> picked = new HashSet<>();
        for (Session s : sessions) {
            List<Long> group = members.computeIfAbsent(s.pid(), k -> new ArrayList<>());
            for (long d : descendants(s.pid(), children)) {
                if (table.get(d)[1] == s.pid()) group.add(d);
                else if (picked.add(d)) ProcessHandle.of(d).ifPresent(strays::add);
            }
        }
        for (ProcessHandle h : adopted) {
            if (picked.add(h.pid())) strays.add(h);
            for (long d : descendants(h.pid(), children)) if (picked.add(d)) ProcessHandle.of(d).ifPresent(strays::add);
        }
    }

    void run() {
        for (Session s : sessions) {
            s.hangUp();
            s.escalate(Signals.SIGHUP);
        }
        signalStrays(Signals.SIGHUP);
        if (!waitGone(HUP_GRACE_MS)) {
            for (Session s : sessions) s.escalate(Signals.SIGTERM);
            signalStrays(Signals.SIGTERM);
            if (!waitGone(TERM_GRACE_MS)) {
                for (Session s : sessions) s.escalate(Signals.SIGKILL);
                signalStrays(Signals.SIGKILL);
                waitGone(KILL_WAIT_MS);
            }
        }
        // A group that looked gone because all we knew of it had died may still hold a process
        // forked since we looked; it gets no grace.
        for (Session s : gone) if (s.groupAlive()) s.escalate(Signals.SIGKILL);
    }

    private void signalStrays(int sig) {
        for (ProcessHandle h : strays) {
            if (sig == Signals.SIGKILL) h.destroyForcibly();
            else if (sig == Signals.SIGTERM || sessions.isEmpty()) h.destroy(); // no native library needed
            else LibC.kill((int) h.pid(), sig);
        }
    }

    /** Waits until every group and stray is gone, or the time is up; true if all are gone. */
    private boolean waitGone(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            for (var it = sessions.iterator(); it.hasNext(); ) {
                Session s = it.next();
                if (!groupAlive(s)) {
                    it.remove();
                    gone.add(s);
                }
            }
            strays.removeIf(h -> !alive(h.pid()));
            if (sessions.isEmpty() && strays.isEmpty()) return true;
            if (System.nanoTime() - end >= 0) return false;
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Whether a program's group still has a live member. The kernel counts zombies as members, and
     * an orphaned zombie lasts as long as init takes to reap it (seconds under some container
     * inits), so once the program itself is reaped the members we know of are asked one by one.
     */
    private boolean groupAlive(Session s) {
        if (!s.groupAlive()) return false;
        if (s.exitStatusNow().isEmpty()) return true;
        for (long m : members.getOrDefault(s.pid(), List.of())) if (alive(m)) return true;
        return false;
    }

    private static List<Long> descendants(long root, Map<Long, List<Long>> children) {
        List<Long> out = new ArrayList<>();
        ArrayDeque<Long> todo = new ArrayDeque<>(children.getOrDefault(root, List.of()));
        while (!todo.isEmpty()) {
            long p = todo.poll();
            out.add(p);
            todo.addAll(children.getOrDefault(p, List.of()));
        }
        return out;
    }

    /** Every live process: pid to {parent pid, process group}. Zombies are left out: they are gone. */
    private static Map<Long, long[]> processTable() {
        Map<Long, long[]> out = new HashMap<>();
        String[] names = new File("/proc").list();
        if (names == null) return out; // no /proc: only the process groups are reached
        byte[] buf = new byte[512];
        for (String name : names) {
            if (name.isEmpty() || !Character.isDigit(name.charAt(0))) continue;
            String[] f = stat(name, buf);
            if (f != null && !f[0].equals("Z")) out.put(Long.parseLong(name), new long[]{Long.parseLong(f[1]), Long.parseLong(f[2])});
        }
        return out;
    }

    private static boolean alive(long pid) {
        String[] f = stat(Long.toString(pid), new byte[512]);
        return f != null && !f[0].equals("Z");
    }

    /** The fields of /proc/PID/stat after the command name (state, ppid, pgrp, ...), or null if gone. */
    private static String[] stat(String pid, byte[] buf) {
        try (FileInputStream in = new FileInputStream("/proc/" + pid + "/stat")) {
            int n = in.readNBytes(buf, 0, buf.length);
            String s = new String(buf, 0, n, StandardCharsets.ISO_8859_1);
            return s.substring(s.lastIndexOf(')') + 2).split(" ", 5);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
