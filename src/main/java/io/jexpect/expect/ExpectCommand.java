package io.jexpect.expect;

import io.jexpect.commands.EventLoop;
import io.jexpect.engine.Case;
import io.jexpect.engine.ExpectPlan;
import io.jexpect.engine.ExpectResult;
import io.jexpect.engine.Expecter;
import io.jexpect.engine.Pattern;
import io.jexpect.engine.Session;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import io.jexpect.screen.ScreenPattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * expect, expect_user, expect_before, expect_after and exp_continue: translate the script's pattern
 * lists into engine cases, wait, then set expect_out and run the chosen action.
 */
final class ExpectCommand {
    /** The completion codes exp_continue unwinds with (Expect's EXP_CONTINUE, EXP_CONTINUE_TIMER). */
    static final int CONTINUE_CODE = -101, CONTINUE_TIMER_CODE = -102;
    static final String ANY = "any_spawn_id";

    private ExpectCommand() {}

    static void install(Interp in) {
        in.register("expect", (i, a) -> expect(i, a, null));
        in.register("expect_user", (i, a) -> expect(i, a, ExpectState.USER_ID));
        in.register("expect_tty", (i, a) -> expect(i, a, ExpectState.TTY_ID));
        in.register("expect_before", (i, a) -> declare(i, a, ExpectState.of(i).before));
        in.register("expect_after", (i, a) -> declare(i, a, ExpectState.of(i).after));
        in.register("exp_continue", (i, a) -> {
            boolean keepTimer = a.length == 2 && a[1].toString().equals("-continue_timer");
            if (a.length > 2 || (a.length == 2 && !keepTimer)) throw TclException.error("usage: exp_continue [-continue_timer]\n");
            int code = keepTimer ? CONTINUE_TIMER_CODE : CONTINUE_CODE;
            if (i.endAction(code)) return Value.EMPTY;
            throw new TclException(code, Value.EMPTY);
        });
        in.register("exp_expect", in.command("expect"));
        in.register("exp_expect_user", in.command("expect_user"));
        in.register("exp_expect_before", in.command("expect_before"));
        in.register("exp_expect_after", in.command("expect_after"));
    }

    /** A case ready for the engine, with what the script side needs once it fires. */
    record Prepared(CaseSpec spec, Case engineCase) {}

    private static Value expect(Interp in, Value[] argv, String forcedId) throws TclException {
        Run run = new Run(in, ExpectArgs.words(in, argv), forcedId);
        // One call per turn: C1 compiles a method after ~200 calls, but a loop that stays in its
        // method only after 60,000 turns (on-stack replacement), so an exp_continue loop written
        // out here ran interpreted for a whole 50,000-line run.
        Value result;
        do result = run.turn(); while (result == null);
        return result;
    }

    /** One expect command's run: its plan and deadline across the turns exp_continue starts. */
    private static final class Run {
        final Interp in;
        final ExpectState st;
        final List<Value> words;
        final ExpectArgs args;
        final String defaultId, forcedId;
        final Examined observer;
        final Expecter expecter;
        final Runnable waker;
        Plan plan;
        long deadline;

        Run(Interp in, List<Value> words, String forcedId) throws TclException {
            this.in = in;
            this.st = ExpectState.of(in);
            this.words = words;
            this.forcedId = forcedId;
            this.defaultId = forcedId != null ? forcedId : st.currentName();
            PlanCache.Bound bound = st.plans.bind(st, words, defaultId, forcedId == null ? "expect" : "");
            this.args = bound.args();
            this.plan = bound.plan();
            this.observer = new Examined(st);
            this.expecter = new Expecter(observer);
            this.waker = expecter::wake;
            restartTimer();
        }

        private void restartTimer() throws TclException {
            long t = args.timeout != null ? (args.timeout < 0 ? -1 : Math.round(args.timeout * 1000)) : st.timeoutMillis();
            deadline = t < 0 ? Long.MAX_VALUE : System.nanoTime() + t * 1_000_000L;
        }

        /** Waits, records and runs the chosen action: its result, or null for another turn. */
        Value turn() throws TclException {
            // exp_continue reuses the plan (and its searchers' memory) unless expect_before/after
            // changed or an id was closed.
            if (plan.version != st.tableVersion || plan.anyClosed()) {
                plan = plan(st, args, defaultId, forcedId == null ? "expect" : "");
            }
            // Expect tries the patterns on the buffered text before it looks at events or signals
            // (EXP_DATA_OLD): most turns of an exp_continue loop over fast output end here.
            boolean bufferTried = !st.diagnostics.enabled();
            ExpectResult r = bufferTried ? expecter.tryBuffered(plan.engine) : null;
            if (r == null) r = await(in, st, plan, expecter, observer, waker, deadline, bufferTried);
            if (r == null) return null;
            SpawnId firing = r.session() == null ? null : plan.byName(r.session());
            Prepared chosen = r.caseIndex() >= 0 ? plan.prepared.get(r.caseIndex()) : null;
            record(in, st, r, firing, chosen);
            if (r.outcome() == ExpectResult.Outcome.EOF && firing != null) closeAtEof(in, firing);
            Value body = chosen == null ? null : chosen.spec().body();
            int own = r.caseIndex() - plan.firstArgCase();
            // The command's own word, so info frame finds the action among this call's words.
            if (body != null && own >= 0 && own < args.cases.size()) body = args.body(own, words);
            if (body == null) return Value.EMPTY;
            int code;
            try {
                Value result = in.evalEndableAction(body);
                code = in.takeEndedCode();
                if (code == TclException.OK) return result;
            } catch (TclException e) {
                code = e.code();
                if (code != CONTINUE_CODE && code != CONTINUE_TIMER_CODE) throw e;
            }
            if (!args.continueTimer && code == CONTINUE_CODE) restartTimer();
            return null;
        }
    }

    /** An id whose eof an expect saw is closed, as in Expect, unless close_on_eof is 0. */
    private static void closeAtEof(Interp in, SpawnId firing) throws TclException {
        if (!firing.closeOnEof) return; // close_on_eof 0: the id stays open (unbuffer -p relies on it)
        firing.closed = true;
        if (!firing.user) {
            firing.session.close();
            if (firing.onClose != null) firing.onClose.run();
        } else if (firing.name.equals(ExpectState.USER_ID)) {
            in.channels().stdout().hangUp();
        }
    }

    /**
     * Waits for the plan's cases with Tcl's events running meanwhile (after timers, as in Expect)
     * and a trap's signal waking the wait. Null when the loop is to look again: a trap handler ran,
     * or an event came due before the timeout.
     */
    private static ExpectResult await(Interp in, ExpectState st, Plan plan, Expecter expecter, Examined observer,
                                      Runnable waker, long deadline, boolean bufferTried) throws TclException {
        Map<String, SpawnId> watched = plan.watched;
        long remaining = deadline == Long.MAX_VALUE ? -1 : Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
        ExpectTrace trace = st.diagnostics.enabled() ? new ExpectTrace(st.diagnostics, plan.prepared) : null;
        observer.watched = watched;
        observer.trace = trace;
        if (trace != null) {
            SpawnId first = plan.ids[0];
            trace.examining(first, first.session.buffer().text());
        }
        // Tcl's event loop runs while expect waits (after timers), as in Expect.
        boolean eventCap = false;
        EventLoop events = EventLoop.of(in);
        if (events.hasPending()) {
            bufferTried = false; // an event's script may change what is buffered
            long untilEvent = runEvents(events);
            if (untilEvent >= 0 && (remaining < 0 || untilEvent < remaining)) {
                remaining = untilEvent;
                eventCap = true;
            }
        }
        ExpectResult r;
        events.waitingElsewhere(true);
        st.busy = watched.keySet();
        in.setAsyncWaker(waker);
        try {
            if (in.asyncPending()) expecter.wake();
            r = expecter.expect(plan.engine, remaining, bufferTried);
        } catch (InterruptedException e) {
            // A trap handler or an event is due: run it, then wait on with what is left of the timeout.
            events.waitingElsewhere(false);
            in.setAsyncWaker(null);
            in.runAsync();
            return null;
        } finally {
            st.busy = Set.of();
            events.waitingElsewhere(false);
            in.setAsyncWaker(null);
        }
        if (eventCap && r.outcome() == ExpectResult.Outcome.TIMEOUT) return null;
        if (trace != null) {
            SpawnId firing = r.session() == null ? null : plan.byName(r.session());
            trace.result(r, firing != null ? firing : plan.ids[0]);
        }
        return r;
    }

    /** Runs the events that are due: the milliseconds until the next one, or -1 when none is waiting. */
    private static long runEvents(EventLoop events) throws TclException {
        events.runDue();
        long next = events.nextDeadlineNanos();
        return next == Long.MAX_VALUE ? -1 : Math.max(0, (next - System.nanoTime()) / 1_000_000L);
    }

    /**
     * What one expect waits for: the spawn ids and the cases (before, inline, after) in order.
     * {@code firstArgCase}: where the command's own cases begin in {@code prepared}; {@code named}:
     * every spawn id the plan was bound to, so a later call can tell whether it still holds.
     */
    record Plan(int version, Map<String, SpawnId> watched, SpawnId[] ids, List<Prepared> prepared,
                ExpectPlan engine, int firstArgCase, SpawnId[] named) {
        boolean anyClosed() {
            for (SpawnId id : ids) if (id.closed) return true;
            return false;
        }

        SpawnId byName(Session s) {
            for (SpawnId id : ids) if (id.session == s) return id;
            return null;
        }

        /** The same plan for another call: its searchers start afresh. */
        Plan again() {
            return new Plan(version, watched, ids, prepared, engine.again(), firstArgCase, named);
        }
    }

    /** whoAsks: for the id spawn_id names, the word Expect's "not open" message begins with. */
    static Plan plan(ExpectState st, ExpectArgs args, String defaultId, String whoAsks) throws TclException {
        Map<String, SpawnId> watched = new java.util.LinkedHashMap<>();
        List<Prepared> prepared = new ArrayList<>();
        List<SpawnId> named = new ArrayList<>();
        boolean usesDefault = false;
        for (CaseSpec c : args.cases) usesDefault |= c.spawnIds() == null;
        if (usesDefault || args.cases.isEmpty()) watched.put(defaultId, st.open(defaultId, whoAsks));
        for (CaseSpec c : args.cases) if (c.spawnIds() != null) for (String id : c.spawnIds()) if (!id.equals(ANY)) watch(st, watched, id);
        named.addAll(watched.values());
        for (ExpectState.BoundCase b : st.before) if (overlaps(b.ids(), watched.keySet())) prepared.add(prepare(st, b.spec(), b.ids(), named));
        int firstArgCase = prepared.size();
        for (CaseSpec c : args.cases) {
            prepared.add(prepare(st, c, c.spawnIds() == null ? List.of(defaultId) : c.spawnIds(), null));
        }
        for (ExpectState.BoundCase b : st.after) if (overlaps(b.ids(), watched.keySet())) prepared.add(prepare(st, b.spec(), b.ids(), named));
        List<Session> order = new ArrayList<>();
        for (SpawnId id : watched.values()) order.add(id.session);
        List<Case> cases = new ArrayList<>(prepared.size());
        for (Prepared p : prepared) cases.add(p.engineCase());
        return new Plan(st.tableVersion, watched, watched.values().toArray(new SpawnId[0]), prepared,
            new ExpectPlan(order, cases), firstArgCase, named.toArray(new SpawnId[0]));
    }

    /**
     * The plan with the command's case {@code c} bound anew from {@code args}, where only its
     * pattern changed: the same sessions, a new pattern (fresh searchers: a plan for another call).
     */
    static Plan rebind(ExpectState st, Plan plan, ExpectArgs args, int c) throws TclException {
        CaseSpec spec = args.cases.get(c);
        int at = plan.firstArgCase() + c;
        Case old = plan.prepared().get(at).engineCase();
        Prepared p = new Prepared(spec, new Case(pattern(st, spec), old.sessions(), old.transfer()));
        Prepared[] prepared = plan.prepared().toArray(new Prepared[plan.prepared().size()]);
        prepared[at] = p;
        return new Plan(plan.version(), plan.watched(), plan.ids(), List.of(prepared),
            plan.engine().withCase(at, p.engineCase()), plan.firstArgCase(), plan.named());
    }

    private static void watch(ExpectState st, Map<String, SpawnId> watched, String name) throws TclException {
        if (!watched.containsKey(name)) watched.put(name, st.open(name));
    }

    static boolean overlaps(List<String> ids, Set<String> watched) {
        for (String id : ids) if (id.equals(ANY) || watched.contains(id)) return true;
        return false;
    }

    private static SpawnId byName(Map<String, SpawnId> watched, Session s) {
        for (SpawnId id : watched.values()) if (id.session == s) return id;
        return null;
    }

    static Prepared prepare(ExpectState st, CaseSpec c, List<String> ids) throws TclException {
        return prepare(st, c, ids, null);
    }

    /** As {@link #prepare(ExpectState, CaseSpec, List)}, adding the spawn ids it binds to {@code named} (if not null). */
    private static Prepared prepare(ExpectState st, CaseSpec c, List<String> ids, List<SpawnId> named) throws TclException {
        Pattern p = pattern(st, c);
        List<Session> sessions = new ArrayList<>();
        if (!ids.contains(ANY)) {
            for (String id : ids) {
                SpawnId sid = st.open(id);
                sessions.add(sid.session);
                if (named != null) named.add(sid);
            }
        }
        if (c.screen() && p.isText()) {
            if (!ids.contains(ANY)) for (String id : ids) ScreenCommand.screenOf(st.open(id)); // a Tcl error for an id without one
            p = new Pattern.Probe(new ScreenPattern(p, c.stableMillis(), st::screenOf));
        }
        return new Prepared(c, new Case(p, sessions, c.transfer()));
    }

    private static Pattern pattern(ExpectState st, CaseSpec c) throws TclException {
        return switch (c.kind()) {
            case GLOB -> new Pattern.Glob(c.pattern(), c.nocase());
            case EXACT -> new Pattern.Exact(c.pattern(), c.nocase());
            case REGEX -> st.regex(c.pattern(), c.nocase());
            case EOF -> new Pattern.Eof();
            case TIMEOUT -> new Pattern.Timeout();
            case DEFAULT -> new Pattern.Default();
            case FULL_BUFFER -> new Pattern.FullBuffer();
            case NULL -> new Pattern.Null();
        };
    }

    /** The observer of one expect command's loop: the ids and trace of its current plan. */
    private static final class Examined implements Expecter.Observer {
        private final ExpectState st;
        Map<String, SpawnId> watched;
        ExpectTrace trace;

        Examined(ExpectState st) {
            this.st = st;
        }

        @Override
        public void examined(Session s, String text) {
            ExpectCommand.examined(st, watched, s, text, trace);
        }

        @Override
        public boolean wantsText() {
            return st.logsOutput();
        }
    }

    /**
     * Newly examined output: echoed when log_user is on, and logged (the user's own typing is not
     * echoed). The text is null when {@link ExpectState#logsOutput} said nothing would take it.
     */
    static void examined(ExpectState st, Map<String, SpawnId> watched, Session from, String text, ExpectTrace trace) {
        if (trace != null) trace.examining(byName(watched, from), from.buffer().text());
        try {
            if (text != null && !st.isUserSession(from)) st.logOutput(text);
        } catch (TclException e) {
            // stdout closed: the dialogue goes on.
        }
    }

    /** The names of expect_out's elements for groups 0 to 9. */
    private static final String[] STRING = new String[10], START = new String[10], END = new String[10];

    static {
        for (int g = 0; g < 10; g++) {
            STRING[g] = g + ",string";
            START[g] = g + ",start";
            END[g] = g + ",end";
        }
    }

    /** Sets expect_out as Expect does: groups that did not take part keep their old values; timeout sets nothing. */
    static void record(Interp in, ExpectState st, ExpectResult r, SpawnId id, Prepared chosen) throws TclException {
        List<ExpectResult.Group> groups = r.groups();
        boolean indices = chosen != null && chosen.spec().indices();
        int max = (indices ? 3 : 1) * Math.min(groups.size(), 10) + 2;
        String[] names = new String[max];
        Value[] values = new Value[max];
        int n = 0;
        switch (r.outcome()) {
            case TIMEOUT -> {
                return;
            }
            case MATCH -> {
                for (int g = 0; g < groups.size() && g < 10; g++) {
                    ExpectResult.Group gr = groups.get(g);
                    if (gr == null) continue;
                    if (indices) {
                        names[n] = START[g];
                        values[n++] = Value.of(gr.start());
                        names[n] = END[g];
                        values[n++] = Value.of(gr.end());
                    }
                    if (gr.text() != null) {
                        names[n] = STRING[g];
                        values[n++] = Value.of(gr.text());
                    }
                }
            }
            case EOF -> {
                if (id.channel != null) id.channel.markEof();
            }
            case FULL_BUFFER -> {}
        }
        names[n] = "spawn_id";
        values[n++] = Value.of(id.name);
        names[n] = "buffer";
        values[n++] = Value.of(r.buffer() == null ? "" : r.buffer());
        in.setElements("expect_out", names, values, n);
    }

    /** expect_before / expect_after: replace the cases for the ids concerned, or report them (-info). */
    static Value declare(Interp in, Value[] argv, List<ExpectState.BoundCase> table) throws TclException {
        ExpectState st = ExpectState.of(in);
        if (argv.length >= 2 && argv[1].toString().equals("-info")) {
            String id = st.currentName();
            boolean all = false;
            for (int k = 2; k < argv.length; k++) {
                if (argv[k].toString().equals("-i") && k + 1 < argv.length) id = argv[++k].toString();
                else if (argv[k].toString().equals("-all")) all = true;
            }
            List<Value> out = new ArrayList<>();
            for (ExpectState.BoundCase b : table) {
                if (!all && !b.ids().contains(id)) continue;
                CaseSpec c = b.spec();
                if (c.infoFlag() != null) out.add(Value.of(c.infoFlag()));
                out.add(Value.of(c.pattern()));
                out.add(c.body() == null ? Value.EMPTY : c.body());
            }
            return Value.ofList(out);
        }
        ExpectArgs args = ExpectArgs.parse(in, argv);
        String current = st.currentName();
        st.lookup(current); // as Expect: the spawn id in effect must exist
        boolean usesCurrent = args.cases.isEmpty();
        for (CaseSpec c : args.cases) usesCurrent |= c.spawnIds() == null;
        if (usesCurrent) st.open(current, "expect"); // and be open when cases are for it
        Set<String> affected = new LinkedHashSet<>();
        affected.add(current);
        for (CaseSpec c : args.cases) {
            if (c.spawnIds() == null) continue;
            affected.addAll(c.spawnIds());
            // As Expect: every id named with -i must be open.
            for (String id : c.spawnIds()) if (!id.equals(ANY)) st.open(id);
        }
        st.tableVersion++;
        table.removeIf(b -> overlaps(b.ids(), affected) || affected.containsAll(b.ids()));
        for (CaseSpec c : args.cases) {
            table.add(new ExpectState.BoundCase(c, c.spawnIds() == null ? List.of(current) : List.copyOf(c.spawnIds())));
        }
        return Value.EMPTY;
    }
}
