package io.jexpect.expect;

import io.jexpect.engine.LineEnding;
import io.jexpect.engine.MatchBuffer;
import io.jexpect.engine.Session;
import io.jexpect.interp.Channel;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Spawn ids are Tcl channels, as in Expect: each is listed by {@code file channels} under the id's
 * name and works with puts, gets, read, fconfigure, eof, fileevent, flush and close. Reading takes
 * what no expect has examined yet (Expect's channel reads the descriptor expect reads, bypassing
 * expect's buffer); writing sends. The channel's encoding and end-of-line translation are the
 * ones expect and send use.
 */
final class SpawnChannel {
    private SpawnChannel() {}

    /** The channel of a spawned program (or of spawn -open), registered under the id's name. */
    static Channel open(Interp in, SpawnId id) {
        Channel ch = in.channels().addNamed(id.name, new Input(() -> id.session, false), new Output(id.session, () -> id.closed));
        if (ch == null) return null;
        expectDefaults(ch);
        ch.setEndpoint(new Endpoint(in, id));
        return ch;
    }

    /**
     * The user's ids exist from the start: exp0 (stdin and stdout) and exp2 (stderr). Their
     * sessions start on first use, so a script that never reads them leaves stdin alone; reading
     * exp0 blocks whatever -blocking says, as Expect leaves descriptors 0 to 2 in their mode.
     */
    static void openUserChannels(Interp in) {
        Supplier<Session> user = () -> {
            try {
                return ExpectState.of(in).lookup(ExpectState.USER_ID).session;
            } catch (TclException e) {
                return null;
            }
        };
        Channel out = in.channels().stdout();
        Channel err = in.channels().stderr();
        if (out == null || err == null) return; // a safe interpreter's: no standard channels to stand for
        Channel exp0 = in.channels().addNamed(ExpectState.USER_ID, new Input(user, true), new ExpectState.ChannelStream(out));
        Channel exp2 = in.channels().addNamed(ExpectState.ERROR_ID, new Ended(), new ExpectState.ChannelStream(err));
        for (Channel ch : new Channel[] {exp0, exp2}) {
            if (ch == null) continue;
            expectDefaults(ch);
            String name = ch.name();
            ch.setEndpoint(() -> ExpectState.of(in).userChannelClosed(name));
        }
    }

    /**
     * exp2's input, which has always ended. A ready input: a plain empty stream would be read ahead
     * by a thread of its own once the channel is non-blocking, at every start.
     */
    private static final class Ended extends InputStream implements Channel.ReadyInput {
        @Override public int read() { return -1; }
        @Override public int read(byte[] b, int off, int len) { return len == 0 ? 0 : -1; }
        @Override public boolean ready() { return true; }
        @Override public boolean hasLine(boolean crEndsLine) { return true; }
        @Override public int available() { return 0; }
        @Override public void onInput(Runnable r) { }
    }

    /** What Expect's expCreateChannel sets: no buffering, non-blocking, lf both ways. */
    private static void expectDefaults(Channel ch) {
        ch.setBuffering("none");
        ch.setTranslation("lf", "lf");
        ch.setBlocking(false);
    }

    /** Closing the channel (Tcl's close) ends the spawn id with it; fconfigure reaches the session. */
    private record Endpoint(Interp interp, SpawnId id) implements Channel.Endpoint {
        @Override
        public void configured(Channel ch) {
            id.session.setEncoding(ch.charset(), switch (ch.inputTranslation()) {
                case "cr" -> LineEnding.CR;
                case "crlf" -> LineEnding.CRLF;
                case "auto" -> LineEnding.AUTO;
                default -> LineEnding.LF;
            });
        }

        @Override
        public void close() {
            id.closed = true;
            id.session.close();
            ExpectState.of(interp).forget(id);
            if (id.onClose != null) id.onClose.run();
        }
    }

    /** The program's output not yet examined by any expect. */
    private static final class Input extends InputStream implements Channel.ReadyInput {
        private final Supplier<Session> session;
        /** The user's stdin: reads block, as Expect never makes descriptor 0 non-blocking. */
        private final boolean alwaysBlocks;
        private final Object arrival = new Object();
        private Session listenedTo;
        private volatile Runnable onInput;
        private byte[] chunk = new byte[0];
        private int pos;

        Input(Supplier<Session> session, boolean alwaysBlocks) {
            this.session = session;
            this.alwaysBlocks = alwaysBlocks;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (pos == chunk.length && !fill(len)) return -1;
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }

        /** Waits for pending output; false at its end. */
        private boolean fill(int want) throws IOException {
            Session s = session.get();
            if (s == null) return false;
            listen(s);
            MatchBuffer buffer = s.buffer();
            while (true) {
                String text = buffer.takePending(want);
                if (!text.isEmpty()) {
                    chunk = text.getBytes(s.charset());
                    pos = 0;
                    return true;
                }
                if (buffer.eofSeen()) return false;
                synchronized (arrival) {
                    if (buffer.pendingLength() > 0 || buffer.eofSeen()) continue;
                    try {
                        arrival.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted");
                    }
                }
            }
        }

        private synchronized void listen(Session s) {
            if (listenedTo == s) return;
            listenedTo = s;
            s.addListener(() -> {
                synchronized (arrival) {
                    arrival.notifyAll();
                }
                Runnable r = onInput;
                if (r != null) r.run();
            });
        }

        /**
         * Every spawn channel gets this at its creation (non-blocking: Tcl reads ahead), but listens
         * to the session only once it is read or asked whether it is readable (a fileevent's first
         * look): a listened session goes back to the poller at the end of every expect, so a
         * send/expect dialogue would pay an epoll_ctl pair per expect for a channel nobody reads.
         */
        @Override
        public void onInput(Runnable r) {
            onInput = r;
        }

        /** The session's pending output, read by the poller from now on (not held by a recent expect). */
        private MatchBuffer pending() {
            Session s = session.get();
            listen(s);
            return s.buffer();
        }

        @Override
        public boolean ready() {
            if (alwaysBlocks || pos < chunk.length) return true;
            MatchBuffer b = pending();
            return b.pendingLength() > 0 || b.eofSeen();
        }

        @Override
        public boolean hasLine(boolean crEndsLine) {
            if (alwaysBlocks) return true;
            for (int i = pos; i < chunk.length; i++) {
                if (chunk[i] == '\n' || (crEndsLine && chunk[i] == '\r')) return true;
            }
            MatchBuffer b = pending();
            return b.eofSeen() || b.pendingContains('\n') || (crEndsLine && b.pendingContains('\r'));
        }

        @Override
        public int available() {
            if (alwaysBlocks) return chunk.length - pos;
            return chunk.length - pos + pending().pendingLength();
        }
    }

    /** Writes go to the program at once; a closed id refuses them as a closed descriptor does. */
    static final class Output extends OutputStream {
        private final Session session;
        private final BooleanSupplier closed;

        Output(Session session, BooleanSupplier closed) {
            this.session = session;
            this.closed = closed;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed.getAsBoolean() || session.isClosed()) throw new IOException("bad file number");
            session.sendBytes(java.util.Arrays.copyOfRange(b, off, off + len));
        }
    }
}
