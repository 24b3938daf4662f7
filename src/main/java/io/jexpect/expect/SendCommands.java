package io.jexpect.expect;

import io.jexpect.engine.WriteTimeoutException;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.TclUtf8;
import io.jexpect.interp.TextCodec;
import io.jexpect.interp.Value;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** send and its relatives: send_user, send_error, send_log, send_tty, exp_send. */
final class SendCommands {
    private SendCommands() {}

    private enum Target { SPAWN, USER, ERROR, LOG, TTY }

    static void install(Interp in) {
        in.register("send", (i, a) -> send(i, a, Target.SPAWN));
        in.register("exp_send", (i, a) -> send(i, a, Target.SPAWN));
        in.register("send_user", (i, a) -> send(i, a, Target.USER));
        in.register("exp_send_user", (i, a) -> send(i, a, Target.USER));
        in.register("send_error", (i, a) -> send(i, a, Target.ERROR));
        in.register("exp_send_error", (i, a) -> send(i, a, Target.ERROR));
        in.register("send_log", (i, a) -> send(i, a, Target.LOG));
        in.register("exp_send_log", (i, a) -> send(i, a, Target.LOG));
        in.register("send_tty", (i, a) -> send(i, a, Target.TTY));
        in.register("exp_send_tty", (i, a) -> send(i, a, Target.TTY));
    }

    private static Value send(Interp in, Value[] a, Target target) throws TclException {
        // The common call (send STRING to the current spawn id) takes a short way: C1 compiles a
        // method whole, rare branches and all, and until it has, a script runs interpreted.
        if (target == Target.SPAWN && a.length == 2 && !a[1].toString().startsWith("-")) {
            ExpectState st = ExpectState.of(in);
            toSpawn(in, st, st.open(st.currentName(), "send"), a[1].toString(), false, false, false);
            return Value.EMPTY;
        }
        return sendWithOptions(in, a, target);
    }

    private static Value sendWithOptions(Interp in, Value[] a, Target target) throws TclException {
        ExpectState st = ExpectState.of(in);
        String id = null;
        boolean slow = false, human = false, sendNull = false, brk = false;
        int nulls = 1;
        int i = 1;
        for (; i < a.length; i++) {
            String opt = a[i].toString();
            if (!opt.startsWith("-")) break;
            if (opt.equals("--")) { i++; break; }
            switch (opt) {
                case "-i" -> {
                    if (++i >= a.length) throw TclException.error("-i requires following spawn_id");
                    id = a[i].toString();
                }
                case "-raw" -> {}
                case "-s" -> slow = true;
                case "-h" -> human = true;
                case "-break" -> brk = true;
                case "-null" -> {
                    sendNull = true;
                    if (i + 1 < a.length && a[i + 1].integerOrNull() != null) nulls = a[++i].asInt();
                }
                default -> throw TclException.error("usage: send [args] string");
            }
        }
        String text;
        if (sendNull) text = "\0".repeat(nulls);
        else if (brk && i == a.length) text = "";
        else if (i == a.length - 1) text = a[i].toString();
        else throw TclException.error("usage: send [args] string");

        switch (target) {
            case USER -> { st.transcript.recordAlways(text); in.channels().stdout().write(text); in.channels().stdout().flush(); }
            case ERROR -> { st.transcript.recordAlways(text); in.channels().stderr().write(text); }
            case LOG -> st.transcript.recordAlways(text);
            case TTY -> writeTty(st.userTerminal, text);
            case SPAWN -> toSpawn(in, st, id != null ? st.open(id) : st.open(st.currentName(), "send"), text, brk, slow, human);
        }
        return Value.EMPTY;
    }

    private static void toSpawn(Interp in, ExpectState st, SpawnId sid, String text, boolean brk, boolean slow,
                                boolean human) throws TclException {
        if (sid.user) {
            st.transcript.recordAlways(text);
            in.channels().get(sid.name.equals(ExpectState.ERROR_ID) ? "stderr" : "stdout").write(text);
            in.channels().stdout().flush();
            return;
        }
        if (st.diagnostics.enabled() || st.sendListener != null) {
            String line = "send: sending \"" + Diagnostics.visible(text) + "\" to { " + sid.name + " }";
            if (st.diagnostics.enabled()) st.diagnostics.log(line + "\n");
            if (st.sendListener != null) st.sendListener.accept(line);
        }
        st.transcript.sent(text);
        if (brk) sid.session.sendBreak();
        if (slow) paced(in, sid, text, false);
        else if (human) paced(in, sid, text, true);
        else write(in, sid, text);
    }

    /** A send gives up after the timeout variable, but never sooner than this: {@code set timeout 0} polls expect. */
    private static final long MIN_SEND_TIMEOUT_MS = 1000;

    private static void write(Interp in, SpawnId sid, String text) throws TclException {
        long t = ExpectState.of(in).timeoutMillis();
        write(in, sid, text, t < 0 ? -1 : Math.max(t, MIN_SEND_TIMEOUT_MS));
    }

    /**
     * Writes to a spawned program. While the program does not read, its output keeps draining;
     * if it accepts nothing for {@code timeoutMillis} (&lt;0: no limit) this fails; a trap handler
     * that is due runs, then the write goes on.
     */
    static void write(Interp in, SpawnId sid, String text, long timeoutMillis) throws TclException {
        byte[] data = sid.channel != null ? sid.channel.encode(text) : text.getBytes(sid.session.charset());
        while (true) {
            try {
                sid.session.sendBytes(data, timeoutMillis);
                return;
            } catch (InterruptedIOException e) {
                in.runAsync();
                data = Arrays.copyOfRange(data, e.bytesTransferred, data.length);
            } catch (WriteTimeoutException e) {
                throw TclException.error("send: spawn id " + sid.name + " accepted no input for "
                        + seconds(timeoutMillis) + " (" + e.written() + " of " + e.length() + " bytes sent)");
            } catch (IOException e) {
                if (!ExpectState.of(in).strictWrite) return;
                throw TclException.error("write to spawn id " + sid.name + " failed: " + e.getMessage());
            }
        }
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + (millis == 1000 ? " second" : " seconds") : millis / 1000.0 + " seconds";
    }

    /** send -s (send_slow {bytes seconds}) and send -h (send_human {avg word var min max}). */
    private static void paced(Interp in, SpawnId sid, String text, boolean human) throws TclException {
        String var = human ? "send_human" : "send_slow";
        Value v = in.getVarOrNull(var);
        if (v == null) v = in.getGlobalOrNull(var);
        if (v == null) throw TclException.error("send -" + (human ? "h" : "s") + ": " + var + " is not set");
        List<Value> p = v.asList();
        try {
            if (!human) {
                if (p.size() != 2) throw TclException.error(var + " must be a list of two elements");
                int chunk = Math.max(1, p.get(0).asInt());
                long pause = Math.round(p.get(1).asDouble() * 1000);
                for (int k = 0; k < text.length(); k += chunk) {
                    write(in, sid, text.substring(k, Math.min(text.length(), k + chunk)));
                    if (k + chunk < text.length()) Thread.sleep(pause);
                }
            } else {
                if (p.size() != 5) throw TclException.error(var + " must be a list of five elements");
                double avg = p.get(0).asDouble(), word = p.get(1).asDouble();
                double min = p.get(3).asDouble(), max = p.get(4).asDouble();
                for (int k = 0; k < text.length(); k++) {
                    char c = text.charAt(k);
                    write(in, sid, String.valueOf(c));
                    double mean = Character.isWhitespace(c) ? word : avg;
                    double t = -mean * Math.log(1 - ThreadLocalRandom.current().nextDouble());
                    Thread.sleep(Math.round(Math.max(min, Math.min(max, t)) * 1000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TclException.error("send interrupted");
        }
    }

    private static void writeTty(java.io.File terminal, String text) throws TclException {
        try (FileOutputStream tty = new FileOutputStream(terminal)) {
            tty.write(TextCodec.encode(TclUtf8.INSTANCE, text));
        } catch (IOException e) {
            throw TclException.error("send_tty: /dev/tty: " + e.getMessage());
        }
    }
}
