package io.jexpect.expect;

import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.List;

/**
 * The parsed arguments and plans of the latest expect calls, by their words. A loop or a proc calls
 * expect with the same words again and again, and parsing them and binding their cases to sessions
 * cost as much as the rest of a short wait while the JVM still interprets the path. A call whose
 * words differ only in patterns a flag took as they are ({@code expect -ex $want}) keeps the rest
 * and binds those cases anew. A plan is taken again only while expect_before and expect_after are
 * as they were and every spawn id it was bound to is still open under its name; plans with
 * {@code -screen} cases (which keep state of their own) are never kept.
 */
final class PlanCache {
    private static final int SIZE = 8;

    /** One call's arguments and what it waits for (with searchers of its own). */
    record Bound(ExpectArgs args, ExpectCommand.Plan plan) {}

    private record Entry(String[] words, String defaultId, String whoAsks, ExpectArgs args, ExpectCommand.Plan plan) {}

    private final Entry[] entries = new Entry[SIZE]; // the most recently used first

    /**
     * The arguments and plan of an expect with these words; {@code whoAsks} as for
     * {@link ExpectCommand#plan}. Errors are those parsing and planning would raise.
     */
    Bound bind(ExpectState st, List<Value> words, String defaultId, String whoAsks) throws TclException {
        int n = words.size();
        for (int e = 0; e < SIZE && entries[e] != null; e++) {
            Entry en = entries[e];
            if (en.words.length != n || en.plan.version() != st.tableVersion || !en.defaultId.equals(defaultId)
                    || !en.whoAsks.equals(whoAsks) || !sameButVerbatim(en, words)) {
                continue;
            }
            if (!stillBound(st, en.plan)) {
                drop(e);
                break;
            }
            ExpectArgs args = en.args;
            ExpectCommand.Plan plan = en.plan;
            String[] seen = en.words;
            for (int i = 0; i < n; i++) {
                String w = words.get(i).toString();
                if (w.equals(seen[i])) continue;
                if (seen == en.words) seen = seen.clone();
                seen[i] = w;
                int c = args.verbatimCase(i);
                args = args.withPattern(c, w);
                plan = ExpectCommand.rebind(st, plan, args, c); // fresh searchers
            }
            if (seen == en.words) plan = plan.again();
            remember(e, new Entry(seen, defaultId, whoAsks, args, plan));
            return new Bound(args, plan);
        }
        return bindAnew(st, words, defaultId, whoAsks);
    }

    /** Parses and plans words no entry holds (a method apart: C1 compiles the path above often, this rarely). */
    private Bound bindAnew(ExpectState st, List<Value> words, String defaultId, String whoAsks) throws TclException {
        int n = words.size();
        ExpectArgs args = ExpectArgs.parse(words);
        ExpectCommand.Plan plan = ExpectCommand.plan(st, args, defaultId, whoAsks);
        boolean screen = false;
        for (CaseSpec c : args.cases) screen |= c.screen();
        if (!screen) {
            String[] seen = new String[n];
            for (int i = 0; i < n; i++) seen[i] = words.get(i).toString();
            remember(SIZE - 1, new Entry(seen, defaultId, whoAsks, args, plan));
        }
        return new Bound(args, plan);
    }

    /** Whether the words are the entry's, but for patterns a flag took as they are. */
    private static boolean sameButVerbatim(Entry en, List<Value> words) {
        for (int i = 0; i < en.words.length; i++) {
            if (en.args.verbatimCase(i) < 0 && !words.get(i).toString().equals(en.words[i])) return false;
        }
        return true;
    }

    /** Every spawn id the plan was bound to is open and still the one its name gives. */
    private static boolean stillBound(ExpectState st, ExpectCommand.Plan plan) {
        for (SpawnId id : plan.named()) if (id.closed || !st.isCurrent(id)) return false;
        return true;
    }

    /** Puts {@code en} first, in place of entry {@code at} (the others move down one). */
    private void remember(int at, Entry en) {
        System.arraycopy(entries, 0, entries, 1, at);
        entries[0] = en;
    }

    private void drop(int at) {
        System.arraycopy(entries, at + 1, entries, at, SIZE - at - 1);
        entries[SIZE - 1] = null;
    }
}
