package io.jexpect.expect;

import io.jexpect.engine.Case;
import io.jexpect.engine.ExpectResult;
import io.jexpect.engine.Expecter;
import io.jexpect.engine.Pattern;
import io.jexpect.engine.Session;
import io.jexpect.interp.Channel;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.List;

/**
 * exp_open [-leaveopen] [-i spawn_id]: a Tcl channel on a spawn id, so gets, read, fileevent and
 * fcopy work on a spawned program. Without -leaveopen the spawn id is given up to the channel
 * (Expect's commands no longer accept it) and closing the channel hangs the program up.
 */
final class ExpOpenCommand {
    private ExpOpenCommand() {}

    static void install(Interp in) {
        in.register("exp_open", ExpOpenCommand::expOpen);
    }

    private static Value expOpen(Interp in, Value[] a) throws TclException {
        ExpectState st = ExpectState.of(in);
        boolean leaveOpen = false;
        String name = null;
        for (int i = 1; i < a.length; i++) {
            String opt = a[i].toString();
            if (opt.equals("-leaveopen")) leaveOpen = true;
            else if (opt.equals("-i") && i + 1 < a.length) name = a[++i].toString();
            else throw TclException.error("usage: -i spawn_id");
        }
        SpawnId id = name == null ? st.open(st.currentName(), "spawn_id") : st.open(name, "exp_open");
        Session s = id.session;
        // Tcl names a channel on a terminal "serialN", as Expect's exp_open shows.
        Channel ch = in.channels().add("serial", new Input(s), new SpawnChannel.Output(s, () -> false));
        if (!leaveOpen) {
            // The id now belongs to the channel: Expect's commands no longer know it.
            id.closed = true;
            st.forget(id);
            ch.setEndpoint(s::close);
        }
        return Value.of(ch.name());
    }

    /** The program's output, taken from its match buffer as it arrives. */
    private static final class Input extends InputStream {
        private final Session session;
        private final List<Case> cases;
        private byte[] chunk = new byte[0];
        private int pos;

        Input(Session session) {
            this.session = session;
            this.cases = List.of(new Case(new Pattern.Glob("?*", false), List.of(session), true),
                    new Case(new Pattern.Eof(), List.of(session), true));
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            // A pty reads EIO once the program's side is closed; Tcl (and so Expect) reports
            // that as an error, never as end of file.
            if (pos == chunk.length && !fill()) throw new IOException((String) null);
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return chunk.length - pos;
        }

        private boolean fill() throws IOException {
            while (!session.isClosed()) {
                ExpectResult r;
                try {
                    r = new Expecter().expect(List.of(session), cases, -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted");
                }
                String text = r.buffer() == null ? "" : r.buffer();
                if (!text.isEmpty()) {
                    chunk = text.getBytes(session.charset());
                    pos = 0;
                    return true;
                }
                if (r.outcome() == ExpectResult.Outcome.EOF) return false;
            }
            return false;
        }
    }
}
