package io.jexpect.server;

import io.jexpect.engine.SignalSource;
import java.util.function.IntConsumer;

/**
 * A client's signals, for one script: the client catches those the script handles and sends them
 * here; the script's dispositions go back to the client, which takes them as its own, so that a
 * signal the script leaves at its default ends the client as it would end a plain jexpect.
 */
final class ClientSignals implements SignalSource {
    private static final int MAX = 64;

    private final ClientConnection client;
    private final long ignoredAtStart;
    private final IntConsumer[] listeners = new IntConsumer[MAX + 1];

    /** @param ignoredAtStart bit n-1 set: the client started with signal n ignored */
    ClientSignals(ClientConnection client, long ignoredAtStart) {
        this.client = client;
        this.ignoredAtStart = ignoredAtStart;
    }

    /** A signal the client received: to the listener, on the caller's (the connection's) thread. */
    void deliver(int sig) {
        IntConsumer l;
        synchronized (this) {
            l = sig >= 1 && sig <= MAX ? listeners[sig] : null;
        }
        if (l == null) return;
        try {
            l.accept(sig);
        } catch (RuntimeException e) {
            // A listener's failure must not stop signal delivery.
        }
    }

    @Override
    public void handle(int sig, IntConsumer listener) {
        set(sig, listener, Frame.FORWARD);
    }

    @Override
    public void ignore(int sig) {
        set(sig, null, Frame.IGNORE);
    }

    @Override
    public void setDefault(int sig) {
        set(sig, null, Frame.DEFAULT);
    }

    @Override
    public void restore(int sig) {
        set(sig, null, ignoredAtStart(sig) ? Frame.IGNORE : Frame.DEFAULT);
    }

    /** The script's listener for the signal, and the client's disposition of it. */
    private synchronized void set(int sig, IntConsumer listener, int disposition) {
        if (sig < 1 || sig > MAX) throw new IllegalArgumentException("no signal " + sig);
        listeners[sig] = listener;
        client.send(Frame.encode(Frame.DISPOSITION, sig, disposition));
    }

    @Override
    public boolean ignoredAtStart(int sig) {
        return sig >= 1 && sig <= MAX && (ignoredAtStart >>> (sig - 1) & 1) != 0;
    }

    @Override
    public void dieBy(int sig) {
        client.end(Frame.KILLED, sig);
    }

    @Override
    public void exitNow(int status) {
        client.end(Frame.EXIT, status);
    }
}
