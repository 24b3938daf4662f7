package io.jexpect.server;

import io.jexpect.cli.Invocation;
import io.jexpect.cli.Main;
import io.jexpect.engine.Descriptor;
import io.jexpect.engine.UnixSocket;
import io.jexpect.interp.Interp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client's connection: reads its request, runs its script on a thread of its own as the
 * jexpect command would (in a fresh interpreter on the client's descriptors, directory,
 * environment and pid), forwards the client's signals to it and reports how it ended. A client
 * that goes away (killed by SIGKILL) has its script stopped and every program it started ended.
 */
final class ClientConnection implements Runnable {
    private static final long STACK_BYTES = 16L << 20; // as the launcher's -Xss: Tcl recursion is deep
    /** How long a script that should stop may take to reach its next command. */
    private static final long STOP_GRACE_MS = 2_000;

    private final ResidentServer server;
    private final UnixSocket socket;
    private final List<Descriptor> descriptors = new ArrayList<>();
    /** Set once the client was told how its script ended (or can no longer be told). */
    private final AtomicBoolean ended = new AtomicBoolean();
    private final byte[] buffer = new byte[1 << 16];
    private int buffered, position;
    private volatile Interp interp;
    private volatile Thread script;

    ClientConnection(ResidentServer server, UnixSocket socket) {
        this.server = server;
        this.socket = socket;
    }

    @Override
    public void run() {
        try {
            serve();
        } catch (IOException | RuntimeException e) {
            ResidentServer.log("client: " + e);
            clientGone();
        } finally {
            server.finished(this);
        }
    }

    private void serve() throws IOException {
        if (socket.peerUid() != ResidentServer.uid()) {
            socket.close();
            return;
        }
        int[] fds = new int[UnixSocket.MAX_FDS];
        buffered = Math.max(0, socket.receive(buffer, 0, buffer.length, fds));
        for (int fd : fds) if (fd >= 0) descriptors.add(Descriptor.adopt(fd));
        Frame first = next();
        if (first == null) {
            clientGone();
            return;
        }
        switch (first.type()) {
            case Frame.RUN -> runScript(first);
            case Frame.STATUS -> reply(server.status());
            case Frame.STOP -> {
                reply("stopping jexpect's resident server (pid " + ProcessHandle.current().pid() + ", " + ResidentServer.locale() + ")");
                server.stop();
            }
            default -> throw new IOException("unknown request " + first.type());
        }
    }

    private void reply(String text) {
        send(Frame.encode(Frame.TEXT, text));
        end(Frame.EXIT, 0);
        closeDescriptors();
    }

    private void runScript(Frame request) throws IOException {
        if (descriptors.size() < 3 || descriptors.size() > 4) throw new IOException("expected 3 or 4 descriptors, got " + descriptors.size());
        Frame.Reader r = new Frame.Reader(request.payload());
        long pid = r.number();
        ClientSignals signals = new ClientSignals(this, r.number64());
        Path cwd = Path.of(r.string());
        String[] args = new String[r.number()];
        for (int i = 0; i < args.length; i++) args[i] = r.string();
        int envCount = r.number();
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < envCount; i++) {
            String e = r.string();
            int eq = e.indexOf('=');
            if (eq > 0) env.put(e.substring(0, eq), e.substring(eq + 1));
        }
        Descriptor in = descriptors.get(0), out = descriptors.get(1), err = descriptors.get(2);
        ProcessBuilder.Redirect[] inherit = {in.redirect(false), out.redirect(true), err.redirect(true)};
        Invocation invocation = Invocation.of(in.input(), out.output(), err.output(), inherit, in::isTerminal, env, cwd,
                pid, signals, terminal(), i -> interp = i);
        send(Frame.encode(Frame.STARTED));
        Thread t = new Thread(null, () -> {
            int status = 1;
            try {
                status = Main.run(args, invocation);
            } catch (RuntimeException | Error e) {
                ResidentServer.log("script of client " + pid + ": " + e);
            } finally {
                end(Frame.EXIT, status);
                closeDescriptors();
            }
        }, "jexpect-script-" + pid, STACK_BYTES);
        t.setDaemon(true);
        script = t;
        server.scriptStarted();
        t.start();
        // Until the script ends: the client's signals, or its end.
        Frame f;
        while ((f = next()) != null) {
            if (f.type() == Frame.SIGNAL) signals.deliver(new Frame.Reader(f.payload()).number());
        }
        clientGone();
    }

    boolean ranScript() {
        return script != null;
    }

    /**
     * The client's controlling terminal (the fourth descriptor, when it has one), for
     * stty, interact and send_tty: the server has none. None: a file that does not exist.
     */
    private java.io.File terminal() {
        if (descriptors.size() > 3) {
            try {
                return Path.of("/proc/self/fd/" + descriptors.get(3).fd()).toRealPath().toFile();
            } catch (IOException e) {
                // as without one
            }
        }
        return new java.io.File("/dev/null/no terminal");
    }

    /** The client went away (or the server stops): the script stops and its programs end. */
    void clientGone() {
        if (!ended.compareAndSet(false, true)) return;
        for (Descriptor d : descriptors) d.detach();
        stopScript(129); // as a plain jexpect whose terminal hung up
        socket.shutdown();
    }

    /** Stops the script, if it still runs, with an exit status nobody will see. */
    private void stopScript(int status) {
        Thread t = script;
        if (t == null) return;
        long deadline = System.nanoTime() + STOP_GRACE_MS * 1_000_000;
        Interp i;
        while ((i = interp) == null && t.isAlive() && System.nanoTime() < deadline) Thread.onSpinWait();
        if (i != null) i.awaitOrStop(t, Duration.ZERO, status, Duration.ofMillis(STOP_GRACE_MS));
    }

    /**
     * Tells the client how the script ended (an exit status, or a signal to die by), once; lets go
     * of the client's files first, so that a reader of its output sees the end when it exits. An
     * end decided while the script still runs (a signal's default action) stops it.
     */
    void end(byte how, int value) {
        if (!ended.compareAndSet(false, true)) return;
        for (Descriptor d : descriptors) d.detach();
        send(Frame.encode(how, value));
        socket.shutdown();
        Thread t = script;
        if (t != null && t != Thread.currentThread() && t.isAlive()) {
            Thread.ofPlatform().daemon().start(() -> stopScript(how == Frame.EXIT ? value : 128 + value));
        }
    }

    /** The server stops: the client hears status 143 (as from a SIGTERM); the script stops, its programs end. */
    void serverStopping() {
        end(Frame.EXIT, 143);
        stopScript(143);
    }

    private synchronized void closeDescriptors() {
        for (Descriptor d : descriptors) d.close();
    }

    /** Sends a frame; a client that went away is noticed by the reading side. */
    synchronized void send(byte[] frame) {
        try {
            socket.send(frame);
        } catch (IOException e) {
            // The read loop sees the end.
        }
    }

    /** The next frame from the client; null at the end of the connection. */
    private Frame next() throws IOException {
        if (!fill(5)) return null;
        int length = ByteBuffer.wrap(buffer, position, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (length < 1 || length > Frame.MAX) throw new IOException("bad frame length " + length);
        byte type = buffer[position + 4];
        position += 5;
        byte[] payload = new byte[length - 1];
        int got = 0;
        while (got < payload.length) {
            if (!fill(1)) return null;
            int n = Math.min(payload.length - got, buffered - position);
            System.arraycopy(buffer, position, payload, got, n);
            position += n;
            got += n;
        }
        return new Frame(type, payload);
    }

    /** Makes at least {@code n} (at most 5) bytes available; false at the end of the connection. */
    private boolean fill(int n) throws IOException {
        while (buffered - position < n) {
            System.arraycopy(buffer, position, buffer, 0, buffered - position);
            buffered -= position;
            position = 0;
            int[] fds = new int[UnixSocket.MAX_FDS];
            int r;
            try {
                r = socket.receive(buffer, buffered, buffer.length - buffered, fds);
            } catch (IOException e) {
                return false;
            }
            for (int fd : fds) if (fd >= 0) Descriptor.adopt(fd).close(); // only the first frame brings any
            if (r <= 0) return false;
            buffered += r;
        }
        return true;
    }
}
