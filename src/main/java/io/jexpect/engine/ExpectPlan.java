package io.jexpect.engine;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * What one expect command waits for: its sessions and cases, fixed, with a searcher per text case
 * and session that remembers what it has ruled out. An exp_continue loop waits on the same plan
 * again: the searchers' memory is kept in absolute buffer positions, so it stays true across
 * consumption, a nested expect on the same session and a {@code match_max} change.
 *
 * <p>Arrays, not lists: every turn of a loop walks them, and a List's methods are interface calls
 * C1's code makes through a stub each time.
 */
public final class ExpectPlan {
    final Session[] sessions;
    final Case[] cases;
    final boolean hasProbe;
    private final boolean[] applies;    // case by case, a row of sessions each: Case.appliesTo
    private final Searcher[] searchers; // the same layout

    /**
     * @param sessions the sessions to read (duplicates ignored); order decides ties
     * @param cases    the cases in priority order
     */
    public ExpectPlan(List<Session> sessions, List<Case> cases) {
        this(new LinkedHashSet<>(sessions).toArray(new Session[0]), cases.toArray(new Case[0]));
    }

    private ExpectPlan(Session[] sessions, Case[] cases) {
        this.sessions = sessions;
        this.cases = cases;
        boolean probe = false;
        for (Case c : cases) probe |= c.pattern() instanceof Pattern.Probe;
        hasProbe = probe;
        applies = new boolean[cases.length * sessions.length];
        for (int c = 0; c < cases.length; c++) {
            for (int s = 0; s < sessions.length; s++) applies[c * sessions.length + s] = cases[c].appliesTo(sessions[s]);
        }
        searchers = new Searcher[applies.length];
    }

    /** The same sessions and cases, with searchers that start afresh (another expect call). */
    public ExpectPlan again() {
        return new ExpectPlan(sessions, cases);
    }

    /** The same sessions and cases but case {@code index}, which is {@code c} instead; fresh searchers. */
    public ExpectPlan withCase(int index, Case c) {
        Case[] cs = cases.clone();
        cs[index] = c;
        return new ExpectPlan(sessions, cs);
    }

    /** Whether case {@code c} applies to session {@code s} (indices into this plan's arrays). */
    boolean applies(int c, int s) {
        return applies[c * sessions.length + s];
    }

    /** The searcher of text case {@code c} in session {@code s}. */
    Searcher searcher(int c, int s) {
        int at = c * sessions.length + s;
        Searcher sr = searchers[at];
        if (sr == null) sr = searchers[at] = Searcher.forPattern(cases[c].pattern());
        return sr;
    }
}
