package io.jexpect.expect;

import io.jexpect.commands.EventLoop;
import io.jexpect.engine.Case;
import io.jexpect.engine.ExpectResult;
import io.jexpect.engine.Expecter;
import io.jexpect.engine.Session;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * expect_background: cases the event loop tries whenever one of their spawn ids has new output
 * (in vwait, update, and while expect or sleep wait on other ids). An id a foreground expect is
 * reading is left to it. Eof runs the eof case, then closes the id and forgets its cases, as Expect.
 */
final class ExpectBackground implements EventLoop.Source {
    private final Interp interp;
    private final ExpectState st;
    private final EventLoop loop;
    /** Sessions whose output wakes the loop. */
    private final Map<Session, Runnable> listening = new LinkedHashMap<>();

    private ExpectBackground(Interp interp, ExpectState st, EventLoop loop) {
        this.interp = interp;
        this.st = st;
        this.loop = loop;
    }

    static void install(Interp in) {
        io.jexpect.interp.TclCommand cmd = (i, a) -> {
            // Created outside extension(): the state it uses are extensions too.
            ExpectState st = ExpectState.of(i);
            EventLoop loop = EventLoop.of(i);
            ExpectBackground bg = i.extension(ExpectBackground.class, () -> new ExpectBackground(i, st, loop));
            Value r = ExpectCommand.declare(i, a, bg.st.background);
            bg.refresh();
            return r;
        };
        in.register("expect_background", cmd);
    }

    /** Listens to the sessions the cases name; polled by the loop while there are any. */
    private void refresh() {
        Map<String, SpawnId> ids = watchedIds();
        List<Session> wanted = new ArrayList<>();
        for (SpawnId id : ids.values()) wanted.add(id.session);
        for (var it = listening.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!wanted.contains(e.getKey())) {
                e.getKey().removeListener(e.getValue());
                it.remove();
            }
        }
        for (Session s : wanted) {
            if (listening.containsKey(s)) continue;
            Runnable wake = loop::wakeup;
            s.addListener(wake);
            listening.put(s, wake);
        }
        if (ids.isEmpty()) loop.removeSource(this);
        else loop.addSource(this);
    }

    /** The open spawn ids that have background cases. */
    private Map<String, SpawnId> watchedIds() {
        Map<String, SpawnId> ids = new LinkedHashMap<>();
        for (ExpectState.BoundCase b : st.background) {
            for (String name : b.ids()) {
                if (ids.containsKey(name) || name.equals(ExpectCommand.ANY)) continue;
                try {
                    SpawnId id = st.lookup(name);
                    if (!id.closed) ids.put(name, id);
                } catch (TclException ignored) {
                    // A closed and forgotten id has nothing left to read.
                }
            }
        }
        return ids;
    }

    @Override
    public boolean ready() {
        for (SpawnId id : watchedIds().values()) if (due(id)) return true;
        return false;
    }

    private boolean due(SpawnId id) {
        return !st.busy.contains(id.name)
                && (id.session.buffer().pendingLength() > 0 || id.session.buffer().isDrainedAtEof());
    }

    @Override
    public void run() throws TclException {
        for (SpawnId id : watchedIds().values()) {
            if (due(id)) runFor(id);
        }
        refresh();
    }

    private void runFor(SpawnId id) throws TclException {
        List<ExpectCommand.Prepared> prepared = new ArrayList<>();
        for (ExpectState.BoundCase b : st.background) {
            if (b.ids().contains(id.name) || b.ids().contains(ExpectCommand.ANY)) {
                prepared.add(ExpectCommand.prepare(st, b.spec(), List.of(id.name)));
            }
        }
        List<Case> cases = new ArrayList<>();
        for (ExpectCommand.Prepared p : prepared) cases.add(p.engineCase());
        Map<String, SpawnId> watched = Map.of(id.name, id);
        ExpectResult r;
        try {
            r = new Expecter((s, text) -> ExpectCommand.examined(st, watched, s, text, null))
                    .expect(List.of(id.session), cases, 0);
        } catch (InterruptedException e) {
            interp.runAsync();
            return;
        }
        if (r.outcome() == ExpectResult.Outcome.TIMEOUT) return;
        ExpectCommand.Prepared chosen = r.caseIndex() >= 0 ? prepared.get(r.caseIndex()) : null;
        ExpectCommand.record(interp, st, r, id, chosen);
        if (r.outcome() == ExpectResult.Outcome.EOF) {
            st.background.removeIf(b -> b.ids().equals(List.of(id.name)));
            st.tableVersion++;
            if (id.closeOnEof && !id.user) {
                id.closed = true;
                id.session.close();
                if (id.onClose != null) id.onClose.run();
            }
        }
        if (chosen != null && chosen.spec().body() != null) {
            try {
                interp.evalGlobal(chosen.spec().body());
            } catch (TclException e) {
                if (e.isError()) e.appendErrorInfo("\n    (\"expect_background\" action)");
                throw e;
            }
        }
    }
}
