/*
* Copyright 2014 Basis Technology Corp.
*
* Licensed under the Apache License, Version 2.0 (the "License");
* you may not use this file except in compliance with the License.
* You may obtain a copy of the License at
*
* http://www.apache.org/licenses/LICENSE-2.0
*
* Unless required by applicable law or agreed to in writing, software
* distributed under the License is distributed on an "AS IS" BASIS,
* WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
* See the License for the specific language governing permissions and
* limitations under the License.
*/

package io.jexpect.regex;

import java.util.Arrays;

/**
 * The matcher proper: Tcl 8.6.13's regexec.c, function by function (exec, simpleFind,
 * complicatedFind(Loop), zapallsubs, zaptreesubs, subset and the cdissect family); its DFAs are
 * the pattern's ({@link Dfas}), borrowed for each exec. Where C returns
 * REG_OKAY / REG_NOMATCH this returns true / false; C's other codes (REG_ESPACE, REG_ASSERT) are
 * exceptions here.
 */
class Runtime {
    Guts g;
    int eflags;
    /** Group spans as C's pmatch: so at [2n], eo at [2n+1], -1 for "no match". */
    int[] pmatch = new int[2];
    CharSequence data;
    int dataLength; // cache this, it gets examined _a lot_.
    /** The data as the DFAs read it: character i is chars[base + i]. */
    char[] chars;
    int base;
    /** The pattern's DFAs, borrowed for the exec. */
    Dfas dfas;

    /**
     * exec - match regular expression
     */
    boolean exec(HsrePattern re, CharSequence data, int eflags) throws RegexException {
        if (0 != (re.guts.info & Flags.REG_UIMPOSSIBLE)) {
            throw new RegexException("Regex marked impossible");
        }
        this.g = re.guts;
        this.eflags = eflags;
        CharWindow w = CharWindow.of(data);
        this.data = w;
        this.dataLength = w.length();
        this.chars = w.array;
        this.base = w.offset;
        int n = 2 * (g.nsub + 1);
        if (pmatch.length != n) {
            pmatch = new int[n];
        }
        Arrays.fill(pmatch, -1);
        assert g.tree != null;
        dfas = g.dfas.take(g);
        try {
            if (0 != (g.info & Flags.REG_UBACKREF)) {
                return complicatedFind();
            } else {
                return simpleFind();
            }
        } finally {
            g.dfas.giveBack(dfas);
            dfas = null;
        }
    }

    /**
     * getsubdfa - create or re-fetch the DFA for a subre node.
     * We only need to create the DFA once per overall regex execution.
     */
    private Dfa getsubdfa(RuntimeSubexpression t) {
        Dfa d = dfas.node(t);
        d.v = this;
        return d;
    }

    /**
     * simpleFind - find a match for the main NFA (no-complications case)
     */
    private boolean simpleFind() {
        int begin;
        int end = -1;
        int open;       /* open and close of range of possible starts */
        int close;
        boolean shorter = 0 != (g.tree.flags & Subre.SHORTER);

        Dfa d = dfas.main();
        d.v = this;
        if (g.anchored) {
            // jexpect: an anchored search machine is the main one without loops: a match can
            // start at 0 only, and there is one exactly when the main DFA finds one there. The
            // search pass (a whole scan of the match, to learn that much) is saved.
            open = 0;
            close = 0;
        } else {
            /* First, a shot with the search RE. */
            Dfa s = dfas.search();
            s.v = this;
            close = s.shortest(0, 0, dataLength, true);
            if (close == -1) {      /* not found */
                return false;
            }

            /* Find starting point and match. */
            open = s.cold;
        }
        for (begin = open; begin <= close; begin++) {
            if (shorter) {
                end = d.shortest(begin, begin, dataLength, false);
            } else {
                end = d.longest(begin, dataLength);
            }
            if (end != -1) {
                break;      /* NOTE BREAK OUT */
            }
        }
        if (end == -1) {
            assert g.anchored;  /* else the search RE succeeded, so the loop should */
            return false;
        }

        /* And pin down details. */
        pmatch[0] = begin;
        pmatch[1] = end;
        if (pmatch.length == 2) {   /* no need for submatches */
            return true;
        }

        /* Find submatches. */
        zapallsubs();
        return cdissect(g.tree, begin, end);
    }

    /**
     * complicatedFind - find a match for the main NFA (with complications)
     */
    private boolean complicatedFind() {
        Dfa s = dfas.search();
        Dfa d = dfas.main();
        s.v = this;
        d.v = this;
        return complicatedFindLoop(d, s);
    }

    /**
     * complicatedFindLoop - the heart of complicatedFind
     */
    private boolean complicatedFindLoop(Dfa d, Dfa s) {
        int begin;
        int end;
        int open;       /* open and close of range of possible starts */
        int close;
        int estart;
        int estop;
        boolean shorter = 0 != (g.tree.flags & Subre.SHORTER);

        assert d != null && s != null;
        close = 0;
        do {
            close = s.shortest(close, close, dataLength, true);
            if (close == -1) {
                break;              /* NOTE BREAK */
            }
            open = s.cold;
            for (begin = open; begin <= close; begin++) {
                estart = begin;
                estop = dataLength;
                for (;;) {
                    if (shorter) {
                        end = d.shortest(begin, estart, estop, false);
                    } else {
                        end = d.longest(begin, estop);
                    }
                    if (end == -1) {
                        break;      /* NOTE BREAK OUT */
                    }
                    zapallsubs();
                    if (cdissect(g.tree, begin, end)) {
                        pmatch[0] = begin;
                        pmatch[1] = end;
                        return true;
                    }
                    if (shorter ? end == estop : end == begin) {
                        break;
                    }
                    /* go around and try again */
                    if (shorter) {
                        estart = end + 1;
                    } else {
                        estop = end - 1;
                    }
                }
            }
        } while (close < dataLength);
        return false;
    }

    /**
     * zapallsubs - initialize all subexpression matches to "no match"
     */
    private void zapallsubs() {
        Arrays.fill(pmatch, 2, pmatch.length, -1);
    }

    /**
     * zaptreesubs - initialize subexpressions within subtree to "no match"
     */
    private void zaptreesubs(RuntimeSubexpression t) {
        if (t.op == '(') {
            int n = t.number;
            assert n > 0;
            pmatch[2 * n] = -1;
            pmatch[2 * n + 1] = -1;
        }
        if (t.left != null) {
            zaptreesubs(t.left);
        }
        if (t.right != null) {
            zaptreesubs(t.right);
        }
    }

    /**
     * subset - set subexpression match data for a successful subre
     */
    private void subset(RuntimeSubexpression sub, int begin, int end) {
        int n = sub.number;
        assert n > 0;
        pmatch[2 * n] = begin;
        pmatch[2 * n + 1] = end;
    }

    /**
     * cdissect - check backrefs and determine subexpression matches.
     * The proposed match runs from begin to end; the caller must have run the node's DFA and found
     * that the substring satisfies it, and cleared the subexpressions below (zaptreesubs).
     */
    private boolean cdissect(RuntimeSubexpression t, int begin, int end) {
        assert t != null;
        boolean er;
        switch (t.op) {
        case '=':       /* terminal node */
            assert t.left == null && t.right == null;
            er = true;  /* no action, parent did the work */
            break;
        case 'b':       /* back reference */
            assert t.left == null && t.right == null;
            er = cbrdissect(t, begin, end);
            break;
        case '.':       /* concatenation */
            assert t.left != null && t.right != null;
            int only = onlySplit(t, begin, end);
            if (only >= 0) {
                er = cdissect(t.left, begin, only) && cdissect(t.right, only, end);
            } else if (t.splitsAtLeftLongest) {
                // jexpect: the split ccondissect or crevcondissect would find, without the right
                // side's scans of the rest. The node matched, so some split m works, and it is the
                // only one: the left side's longest match M >= m; were M > m, the character at m
                // would start the right side's (then non-empty) match and be consumed inside the
                // left side's match up to M: a color in both sets, which splitsAtLeftLongest says
                // there is none. So m = M, whichever split the left side's preference tries first.
                only = getsubdfa(t.left).longest(begin, end);
                er = only != -1 && cdissect(t.left, begin, only) && cdissect(t.right, only, end);
            } else if (0 != (t.left.flags & Subre.SHORTER)) {  /* reverse scan */
                er = crevcondissect(t, begin, end);
            } else {
                er = ccondissect(t, begin, end);
            }
            break;
        case '|':       /* alternation */
            assert t.left != null;
            er = caltdissect(t, begin, end);
            break;
        case '*':       /* iteration */
            assert t.left != null;
            if (0 != (t.left.flags & Subre.SHORTER)) {  /* reverse scan */
                er = creviterdissect(t, begin, end);
            } else {
                er = citerdissect(t, begin, end);
            }
            break;
        case '(':       /* capturing */
            assert t.left != null && t.right == null;
            assert t.number > 0;
            er = cdissect(t.left, begin, end);
            if (er) {
                subset(t, begin, end);
            }
            break;
        default:
            throw new IllegalStateException("REG_ASSERT: subre op " + t.op);
        }
        /* a match failure only with backrefs below, else the DFA and the node disagree */
        assert er || 0 != (t.flags & Subre.BACKR);
        return er;
    }

    /**
     * jexpect: where a concatenation matching [begin, end) must split when one side matches only
     * strings of one length, else -1. The node's DFA matched the whole, so some split works, and
     * it can only be this one: both DFA scans that look for it are saved (a back reference below
     * may still fail where the DFA matched: those nodes take the scans).
     */
    private static int onlySplit(RuntimeSubexpression t, int begin, int end) {
        if (0 != (t.flags & Subre.BACKR)) {
            return -1;
        }
        int mid = t.left.fixedLength >= 0 ? begin + t.left.fixedLength
                : t.right.fixedLength >= 0 ? end - t.right.fixedLength : -1;
        return mid >= begin && mid <= end ? mid : -1;
    }

    /**
     * ccondissect - dissect match for concatenation node
     */
    private boolean ccondissect(RuntimeSubexpression t, int begin, int end) {
        assert t.op == '.';
        assert 0 == (t.left.flags & Subre.SHORTER);
        Dfa d = getsubdfa(t.left);
        Dfa d2 = getsubdfa(t.right);

        /* pick a tentative midpoint */
        int mid = d.longest(begin, end);
        if (mid == -1) {
            return false;
        }

        /* iterate until satisfaction or failure */
        for (;;) {
            /* try this midpoint on for size */
            if (d2.longest(mid, end) == end
                    && cdissect(t.left, begin, mid)
                    && cdissect(t.right, mid, end)) {
                return true;    /* satisfaction */
            }

            /* that midpoint didn't work, find a new one */
            if (mid == begin) {
                return false;   /* all possibilities exhausted */
            }
            mid = d.longest(begin, mid - 1);
            if (mid == -1) {
                return false;   /* failed to find a new one */
            }
            zaptreesubs(t.left);
            zaptreesubs(t.right);
        }
    }

    /**
     * crevcondissect - dissect match for concatenation node, shortest-first
     */
    private boolean crevcondissect(RuntimeSubexpression t, int begin, int end) {
        assert t.op == '.';
        assert 0 != (t.left.flags & Subre.SHORTER);
        Dfa d = getsubdfa(t.left);
        Dfa d2 = getsubdfa(t.right);

        /* pick a tentative midpoint */
        int mid = d.shortest(begin, begin, end, false);
        if (mid == -1) {
            return false;
        }

        /* iterate until satisfaction or failure */
        for (;;) {
            /* try this midpoint on for size */
            if (d2.longest(mid, end) == end
                    && cdissect(t.left, begin, mid)
                    && cdissect(t.right, mid, end)) {
                return true;    /* satisfaction */
            }

            /* that midpoint didn't work, find a new one */
            if (mid == end) {
                return false;   /* all possibilities exhausted */
            }
            mid = d.shortest(begin, mid + 1, end, false);
            if (mid == -1) {
                return false;   /* failed to find a new one */
            }
            zaptreesubs(t.left);
            zaptreesubs(t.right);
        }
    }

    /**
     * cbrdissect - dissect match for backref node
     */
    private boolean cbrdissect(RuntimeSubexpression t, int begin, int end) {
        int n = t.number;
        int min = t.min;
        int max = t.max;

        assert t.op == 'b';
        assert n >= 0;

        /* get the backreferenced string */
        if (pmatch[2 * n] == -1) {
            return false;
        }
        int brstring = pmatch[2 * n];
        int brlen = pmatch[2 * n + 1] - pmatch[2 * n];

        /* special cases for zero-length strings */
        if (brlen == 0) {
            /* matches only if target is zero length, but any number of repetitions can be considered to be present */
            return begin == end && min <= max;
        }
        if (begin == end) {
            /* matches only if zero repetitions are okay */
            return min == 0;
        }

        /* check target length to see if it could possibly be an allowed number of repetitions of brstring */
        assert end > begin;
        int tlen = end - begin;
        if (tlen % brlen != 0) {
            return false;
        }
        int numreps = tlen / brlen;
        if (numreps < min || (numreps > max && max != Compiler.INFINITY)) {
            return false;
        }

        /* okay, compare the actual string contents */
        for (int p = begin; numreps-- > 0; p += brlen) {
            if (g.compare.compare(data, brstring, p, brlen) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * caltdissect - dissect match for alternation node
     */
    private boolean caltdissect(RuntimeSubexpression t, int begin, int end) {
        /* We loop, rather than tail-recurse, to handle a chain of alternatives */
        while (t != null) {
            assert t.op == '|';
            assert t.left != null;
            Dfa d = getsubdfa(t.left);
            if (d.longest(begin, end) == end && cdissect(t.left, begin, end)) {
                return true;
            }
            t = t.right;
        }
        return false;
    }

    /**
     * The size of an iteration's workspace (C's max_matches): normally only nonzero-length
     * sub-matches are considered, so there can be at most end-begin of them; if min is larger
     * than that, zero-length sub-matches are considered too, to find enough matches.
     */
    private static int maxMatches(RuntimeSubexpression t, int begin, int end, int minMatches) {
        int maxMatches = end - begin;
        if (maxMatches > t.max && t.max != Compiler.INFINITY) {
            maxMatches = t.max;
        }
        return Math.max(maxMatches, minMatches);
    }

    /**
     * The slow part of an iteration's dissection: recurse to verify sub-matches nverified+1..k
     * (endpts[0] is the iteration's begin). Returns how many are now known okay (k: all).
     */
    private int verify(RuntimeSubexpression t, int[] endpts, int nverified, int k) {
        for (int i = nverified + 1; i <= k; i++) {
            zaptreesubs(t.left);
            if (!cdissect(t.left, endpts[i - 1], endpts[i])) {
                return i - 1;
            }
        }
        return k;
    }

    /**
     * citerdissect - dissect match for iteration node
     */
    private boolean citerdissect(RuntimeSubexpression t, int begin, int end) {
        assert t.op == '*';
        assert 0 == (t.left.flags & Subre.SHORTER);
        assert begin <= end;

        /*
         * If zero matches are allowed, and target string is empty, just declare victory.  OTOH, if
         * target string isn't empty, zero matches can't work so we pretend the min is 1.
         */
        int minMatches = t.min;
        if (minMatches <= 0) {
            if (begin == end) {
                return true;
            }
            minMatches = 1;
        }

        int maxMatches = maxMatches(t, begin, end, minMatches);
        int[] endpts = new int[maxMatches + 1];
        endpts[0] = begin;

        Dfa d = getsubdfa(t.left);

        /*
         * Our strategy is to first find a set of sub-match endpoints that are valid according to
         * the child node's DFA, and then recursively dissect each sub-match to confirm validity.
         * If any validity check fails, backtrack the last sub-match and try again.  nverified
         * remembers how many sub-matches are currently known okay.
         */
        int nverified = 0;
        int k = 1;
        int limit = end;

        /* iterate until satisfaction or failure */
        while (k > 0) {
            boolean backtrack = false;
            /* try to find an endpoint for the k'th sub-match */
            endpts[k] = d.longest(endpts[k - 1], limit);
            if (endpts[k] == -1) {
                /* no match possible, so see if we can shorten previous one */
                k--;
                backtrack = true;
            } else {
                /* k'th sub-match can no longer be considered verified */
                if (nverified >= k) {
                    nverified = k - 1;
                }
                if (endpts[k] != end) {
                    /* haven't reached end yet, try another iteration if allowed */
                    if (k >= maxMatches) {
                        /* must try to shorten some previous match */
                        k--;
                        backtrack = true;
                    } else if (endpts[k] == endpts[k - 1]
                            && (k >= minMatches || minMatches - k < end - endpts[k])) {
                        /* reject zero-length match unless necessary to achieve min */
                        backtrack = true;
                    } else {
                        k++;
                        limit = end;
                        continue;
                    }
                } else if (k < minMatches) {
                    backtrack = true;
                } else {
                    /*
                     * We've identified a way to divide the string into k sub-matches that works so
                     * far as the child DFA can tell.  Start the slow part: recurse to verify each
                     * sub-match.
                     */
                    nverified = verify(t, endpts, nverified, k);
                    if (nverified == k) {
                        return true;    /* satisfaction */
                    }
                    /* match failed to verify, so backtrack */
                    backtrack = true;
                }
            }
            assert backtrack;

            /* Must consider shorter versions of the current sub-match.  However, we'll only ask for a zero-length match if necessary. */
            while (k > 0) {
                int prevEnd = endpts[k - 1];
                if (endpts[k] > prevEnd) {
                    limit = endpts[k] - 1;
                    if (limit > prevEnd || (k < minMatches && minMatches - k >= end - prevEnd)) {
                        /* break out of backtrack loop, continue the outer one */
                        break;
                    }
                }
                /* can't shorten k'th sub-match any more, consider previous one */
                k--;
            }
        }

        /* all possibilities exhausted */
        return false;
    }

    /**
     * creviterdissect - dissect match for iteration node, shortest-first
     */
    private boolean creviterdissect(RuntimeSubexpression t, int begin, int end) {
        assert t.op == '*';
        assert 0 != (t.left.flags & Subre.SHORTER);
        assert begin <= end;

        /* zero matches: as in citerdissect */
        int minMatches = t.min;
        if (minMatches <= 0) {
            if (begin == end) {
                return true;
            }
            minMatches = 1;
        }

        int maxMatches = maxMatches(t, begin, end, minMatches);
        int[] endpts = new int[maxMatches + 1];
        endpts[0] = begin;

        Dfa d = getsubdfa(t.left);

        /* initialize to consider first sub-match */
        int nverified = 0;
        int k = 1;
        int limit = begin;

        /* iterate until satisfaction or failure */
        while (k > 0) {
            boolean backtrack = false;
            /* disallow zero-length match unless necessary to achieve min */
            if (limit == endpts[k - 1] && limit != end
                    && (k >= minMatches || minMatches - k < end - limit)) {
                limit++;
            }

            /* if this is the last allowed sub-match, it must reach to the end */
            if (k >= maxMatches) {
                limit = end;
            }

            /* try to find an endpoint for the k'th sub-match */
            endpts[k] = d.shortest(endpts[k - 1], limit, end, false);
            if (endpts[k] == -1) {
                /* no match possible, so see if we can lengthen previous one */
                k--;
                backtrack = true;
            } else {
                /* k'th sub-match can no longer be considered verified */
                if (nverified >= k) {
                    nverified = k - 1;
                }
                if (endpts[k] != end) {
                    /* haven't reached end yet, try another iteration if allowed */
                    if (k >= maxMatches) {
                        /* must try to lengthen some previous match */
                        k--;
                        backtrack = true;
                    } else {
                        k++;
                        limit = endpts[k - 1];
                        continue;
                    }
                } else if (k < minMatches) {
                    backtrack = true;
                } else {
                    nverified = verify(t, endpts, nverified, k);
                    if (nverified == k) {
                        return true;    /* satisfaction */
                    }
                    backtrack = true;
                }
            }
            assert backtrack;

            /* Must consider longer versions of the current sub-match. */
            while (k > 0) {
                if (endpts[k] < end) {
                    limit = endpts[k] + 1;
                    /* break out of backtrack loop, continue the outer one */
                    break;
                }
                /* can't lengthen k'th sub-match any more, consider previous one */
                k--;
            }
        }

        /* all possibilities exhausted */
        return false;
    }
}
