package io.jexpect.server;

import io.jexpect.engine.Descriptor;
import io.jexpect.engine.UnixSocket;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resident server's process:
 * {@code ResidentServer --socket PATH [--idle SECONDS] [--settle SECONDS] [--ready-fd N]}.
 * Started (detached) by the client when it finds no server; serves one connection per client on a
 * thread of its own; exits after {@code --idle} seconds without a client (default 600) or when a
 * client asks it to stop; {@code --settle} seconds (default 10) after its last script ended it
 * gives back the memory its scripts grew. {@code PATH.lock} keeps a second server for the same
 * socket from starting; descriptor N (the client's pipe) is closed once the socket listens, which
 * tells the client so.
 */
public final class ResidentServer {
    private final Path socketPath;
    private final Duration idle;
    /** Without a script for this long, the server gives back the memory its last scripts grew. */
    private final Duration settle;
    private final Instant started = Instant.now();
    private final IdleMemory memory = new IdleMemory();
    private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile UnixSocket listening;
    private volatile boolean stopping;
    private long lastEnd = System.nanoTime();
    /** Scripts (not status or stop requests) running now, and run since the start. */
    private int running;
    private long served;
    /** Whether the memory was given back since the last script ended. */
    private boolean settled = true;

    private ResidentServer(Path socketPath, Duration idle, Duration settle) {
        this.socketPath = socketPath;
        this.idle = idle;
        this.settle = settle;
    }

    public static void main(String[] args) throws IOException {
        Path socket = null;
        long idleSeconds = 600, settleSeconds = 10;
        int readyFd = -1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--socket" -> socket = Path.of(args[i + 1]);
                case "--idle" -> idleSeconds = Long.parseLong(args[i + 1]);
                case "--settle" -> settleSeconds = Long.parseLong(args[i + 1]);
                case "--ready-fd" -> readyFd = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (socket == null) throw new IllegalArgumentException("usage: ResidentServer --socket PATH [--idle SECONDS] [--settle SECONDS] [--ready-fd N]");
        int status = new ResidentServer(socket, Duration.ofSeconds(idleSeconds), Duration.ofSeconds(settleSeconds)).serve(readyFd);
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    private int serve(int readyFd) throws IOException {
        Path lockPath = socketPath.resolveSibling(socketPath.getFileName() + ".lock");
        try (FileChannel lockFile = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                log("another server holds " + lockPath + ": exiting");
                return 0;
            }
            Files.deleteIfExists(socketPath); // left by a server that was killed
            listening = UnixSocket.listen(socketPath);
            Files.setPosixFilePermissions(socketPath, PosixFilePermissions.fromString("rw-------"));
            log("listening on " + socketPath + " (pid " + ProcessHandle.current().pid() + ", idle limit " + idle.toSeconds() + " s)");
            if (readyFd >= 0) Descriptor.adopt(readyFd).close();
            try {
                acceptLoop();
            } finally {
                Files.deleteIfExists(socketPath);
                listening.close();
            }
        }
        log("exiting");
        return 0;
    }

    private void acceptLoop() throws IOException {
        while (!stopping) {
            UnixSocket client = listening.accept(1000);
            if (client != null) {
                ClientConnection c = new ClientConnection(this, client);
                synchronized (this) {
                    connections.add(c);
                }
                Thread.ofPlatform().daemon().name("jexpect-client").start(c);
                continue;
            }
            boolean giveBack;
            synchronized (this) {
                long idleFor = System.nanoTime() - lastEnd;
                if (connections.isEmpty() && idleFor > idle.toNanos()) {
                    log("idle for " + idle.toSeconds() + " s");
                    return;
                }
                giveBack = connections.isEmpty() && !settled && idleFor > settle.toNanos();
                if (giveBack) settled = true;
            }
            if (giveBack) memory.giveBack();
        }
        // Asked to stop: running scripts stop as on SIGTERM, and their programs end before we exit.
        java.util.List<Thread> stops = new java.util.ArrayList<>();
        for (ClientConnection c : connections) stops.add(Thread.ofPlatform().daemon().start(c::serverStopping));
        for (Thread t : stops) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    synchronized void scriptStarted() {
        running++;
        served++;
    }

    synchronized void finished(ClientConnection c) {
        connections.remove(c);
        if (c.ranScript()) {
            running--;
            settled = false;
        }
        lastEnd = System.nanoTime();
    }

    /** Asked by a client: no new connection, running scripts stop, then the process exits. */
    void stop() {
        log("asked to stop");
        stopping = true;
        UnixSocket l = listening;
        if (l != null) l.shutdown();
    }

    synchronized String status() {
        return "pid " + ProcessHandle.current().pid() + ", " + locale()
                + ", up " + Duration.between(started, Instant.now()).toSeconds() + " s"
                + ", " + running + " script(s) running, " + served + " served"
                + ", idle limit " + idle.toSeconds() + " s, Java " + Runtime.version()
                + ", launcher " + System.getProperty("jexpect.executable", "unknown")
                + ", socket " + socketPath;
    }

    /**
     * The locale the server was started in (part of its socket's key): the variables that set
     * it, and the encoding of file names it gave the JVM.
     */
    static String locale() {
        StringBuilder s = new StringBuilder("locale");
        for (String name : new String[] {"LANG", "LC_ALL", "LC_CTYPE"}) {
            String v = System.getenv(name);
            if (v != null) s.append(' ').append(name).append('=').append(v);
        }
        if (s.length() == "locale".length()) s.append(" unset");
        return s.append(" (").append(System.getProperty("sun.jnu.encoding")).append(')').toString();
    }

    private static volatile int uid = -1;

    /**
     * This process's user id (the owner of /proc/self): only its own user's clients are served.
     * Read once: the attribute lookup costs 50-80 µs, at every connection.
     */
    static int uid() throws IOException {
        int u = uid;
        if (u < 0) uid = u = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        return u;
    }

    static void log(String line) {
        System.err.println(Instant.now() + " " + line);
    }
}
