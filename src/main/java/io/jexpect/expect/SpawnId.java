package io.jexpect.expect;

import io.jexpect.engine.Session;

/** A spawn id (exp0, exp4 …): the name scripts use for one engine session. */
final class SpawnId {
    final String name;
    final Session session;
    /** True for exp0/exp2 (the user's streams), which close and wait treat specially. */
    final boolean user;
    /** The connection was closed by close or by an eof; send/expect/close now fail. */
    boolean closed;
    /** close_on_eof: whether eof closes the id (Expect's default yes). */
    boolean closeOnEof = true;
    /** For spawn -open: closes the Tcl channel the id reads (null with -leaveopen or a program). */
    Runnable onClose;
    /** The Tcl channel of the same name (null once gone): its encoding is the id's. */
    io.jexpect.interp.Channel channel;
    /** A spawned program's output hook (its screen, strip_ansi), or null for other ids. */
    SpawnOutput output;

    SpawnId(String name, Session session, boolean user) {
        this.name = name;
        this.session = session;
        this.user = user;
    }

    @Override
    public String toString() {
        return name;
    }
}
