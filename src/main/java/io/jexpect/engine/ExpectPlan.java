package io.jexpect.engine;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * What one expect command waits for: its sessions and cases, fixed, with a searcher per text case
 * and session that remembers what it has ruled out. An exp_continue loop waits on the same plan
 * again: the searchers' memory is kept in absolute buffer positions, so it stays true across
 * consumption, a nested expect on the same session and a {@code match_max} change.
 */
public final class ExpectPlan {
    final List<Session> sessions;
    final List<Case> cases;
    final boolean hasProbe;
    private final Searcher[] searchers; // case by case, a row of sessions each

    /**
     * @param sessions the sessions to read (duplicates ignored); order decides ties
     * @param cases    the cases in priority order
     */
    public ExpectPlan(List<Session> sessions, List<Case> cases) {
        this.sessions = List.copyOf(sessions.size() == 1 ? sessions : new LinkedHashSet<>(sessions));
        this.cases = List.copyOf(cases);
        boolean probe = false;
        for (Case c : cases) probe |= c.pattern() instanceof Pattern.Probe;
        hasProbe = probe;
        searchers = new Searcher[this.cases.size() * this.sessions.size()];
    }

    private ExpectPlan(List<Session> sessions, List<Case> cases, boolean hasProbe) {
        this.sessions = sessions;
        this.cases = cases;
        this.hasProbe = hasProbe;
        searchers = new Searcher[cases.size() * sessions.size()];
    }

    /** The same sessions and cases, with searchers that start afresh (another expect call). */
    public ExpectPlan again() {
        return new ExpectPlan(sessions, cases, hasProbe);
    }

    /** The same sessions and cases but case {@code index}, which is {@code c} instead; fresh searchers. */
    public ExpectPlan withCase(int index, Case c) {
        Case[] cs = cases.toArray(new Case[cases.size()]);
        cs[index] = c;
        boolean probe = false;
        for (Case k : cs) probe |= k.pattern() instanceof Pattern.Probe;
        return new ExpectPlan(sessions, List.of(cs), probe);
    }

    /** The searcher of text case {@code c} in session {@code s} (indices into this plan's lists). */
    Searcher searcher(int c, int s) {
        int at = c * sessions.size() + s;
        Searcher sr = searchers[at];
        if (sr == null) sr = searchers[at] = Searcher.forPattern(cases.get(c).pattern());
        return sr;
    }
}
