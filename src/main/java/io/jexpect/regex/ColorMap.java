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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Manage the assignment of colors for characters. Arcs are labelled with colors, which group characters.
 * Original code was in regc_color.c.
 * <p/>
 * At any point in time, all possible characters are assigned a color.
 * Initially, all characters are color 0 (WHITE). Characters get other colors when the compiler encounters them
 * in an expression. The compiler processes characters two ways: either as single characters,
 * or in ranges. When the compiler sees a single character in isolation, it calls {@link #subcolor(int)}.
 * When it processes a range, it calls {@link #subrange}.
 * <p/>
 * This class expects the compiler to call {@link #okcolors} at the end of each 'atom'. An atom is character in isolation, a range, or a subexpression.
 * <p/>
 * During the period from one call to {@link #okcolors} to the next, this class can maintain an open 'subcolor' for each color.
 * The idea here is that each new item moves some characters from the color they have at the beginning of the period to a new color.
 * One period is always connecting two states with one or more arcs. If all the characters have the same color, there is one arc;
 * if the characters end up with disparate colors, it is multiple arcs. In a single period, all the characters that are moved out of
 * a particular color have to move into the same new color. Thus, the process of allocating a subcolor works like:
 *
 * <pre>
 * - It gets the ColorDesc for the color currently assigned to the character.
 * - It allocates a new color desc and color number.
 * - It fills in the new color number as the 'sub' of the old color.
 * - It returns the sub color number to the rest of the compiler.
 * </pre>
 *
 * Subsequent calls to subcolor in an epoch for other characters with the same current color get the same subcolor.
 * Note that in the subrange case, it will call newsub for each item, but once a color has a subcolor, it reuses it, so all the other characters
 * in the range end up (sub)colored identically.
 *
 * So, for an expression like [a-z]ab, we start with color 0 owning everything. When we hit the range, we allocate subcolors for all of a-z -- but they
 * all get the same subcolor. At the ']', okcolors ends the epoch, and 'promotes' the subcolors to colors. Then it processes 'a'. Now a is in color 1,
 * which gets a subcolor of 2. At the end of the epoch, that promotes, and now a is color 2 and color 1 has no subcolor. The same thing
 * happens to 'b', giving it yet another color split from color 1.
 *
 * As colors are promoted, the nfa gets new arcs. It does not appear to lose the old arcs; I suspect that the optimization process somehow
 * removes them.
 */
class ColorMap {
    /**
     * The colors of the 65,536 characters (Tcl 8.6's are 16 bits), in blocks of 256 as regc_color.c's
     * tree: a block all of one color is that color's shared solid block until a range splits it, so a
     * class of hundreds of ranges paints whole blocks at once and a compiled pattern keeps a few
     * blocks, not a 128 KB table (jexpect: was a TreeMap of runs, then copied into such a table).
     */
    private final short[][] blocks = new short[BLOCKS][];
    /** The color of each block while it is a shared solid block, else SPLIT. */
    private final short[] solidColor = new short[BLOCKS];
    /** Each color's solid block, made when first needed (a color number keeps its block when reused). */
    private short[][] solids = new short[8][];
    // this is called 'v' in the C code.
    private Compiler compiler; // for compile error reporting
    private final List<ColorDesc> colorDescs; // all the color descs. A list for resizability.

    ColorMap(Compiler compiler) {
        // the color map starts by assigning all characters to WHITE
        Arrays.fill(blocks, solid(Constants.WHITE));
        Arrays.fill(solidColor, Constants.WHITE);
        this.compiler = compiler;

        colorDescs = new ArrayList<>();

        ColorDesc white = new ColorDesc(); // [WHITE]
        colorDescs.add(white);
        assert colorDescs.size() == 1;
        white.sub = Constants.NOSUB;
        white.setNChars(65536);
    }

    /**
     * Retrieve the color for a character.
     * @param c input char.
     * @return output color.
     */
    /** Tcl's MAX_COLOR: colors are shorts. */
    private static final int MAX_COLOR = Short.MAX_VALUE;
    /** jexpect: the colors whose subcolor is open (okcolors() visits only these). */
    private final java.util.BitSet opened = new java.util.BitSet();
    /** How many slots of colorDescs are free (null). */
    private int freeColors;

    private static final int BLOCK_BITS = 8;
    private static final int BLOCK_SIZE = 1 << BLOCK_BITS;
    private static final int BLOCKS = (Character.MAX_VALUE + 1) >>> BLOCK_BITS;
    private static final short SPLIT = -1;

    private short getcolor(int c) {
        return blocks[c >>> BLOCK_BITS][c & (BLOCK_SIZE - 1)];
    }

    private short[] solid(short co) {
        if (co >= solids.length) {
            solids = Arrays.copyOf(solids, Math.max(co + 1, 2 * solids.length));
        }
        if (solids[co] == null) {
            solids[co] = new short[BLOCK_SIZE];
            Arrays.fill(solids[co], co);
        }
        return solids[co];
    }

    /**
     * Maximum valid color, which might encompass some free colors.
     *
     * @return
     */
    short maxcolor() {
        return (short)(colorDescs.size() - 1);
    }

    private short newcolor() {
        short colorIndex = -1;
        if (freeColors > 0) {
            for (short x = 0; x < colorDescs.size(); x++) {
                if (colorDescs.get(x) == null) {
                    colorIndex = x;
                    freeColors--;
                    break;
                }
            }
        }

        ColorDesc newcd = new ColorDesc();
        if (colorIndex == -1) {
            if (colorDescs.size() - 1 >= MAX_COLOR) {
                throw new RegexRuntimeException(new RegexException("too many colors"));
            }
            colorIndex = (short)colorDescs.size();
            colorDescs.add(newcd);
        } else {
            colorDescs.set(colorIndex, newcd);
        }
        return colorIndex;
    }

    private void freecolor(short co) {
        assert co >= 0;
        if (co == Constants.WHITE) {
            return;
        }

        // if this is the very last one, shrink
        if (co == colorDescs.size() - 1) {
            colorDescs.remove(co); // just shrink the List.
            return;
        }

        colorDescs.set(co, null);
        freeColors++;
    }

    /**
     * pseudocolor - allocate a false color to be managed by other means.
     *
     * @return a color, otherwise unused.
     */
    short pseudocolor() {
        short co = newcolor();
        ColorDesc cd = colorDescs.get(co);
        cd.setNChars(1);
        cd.markPseudo();
        return co;
    }

    /**
     * subcolor - allocate a new subcolor (if necessary) for n characters now of color co, which
     * the caller then paints with the result.
     */
    private short subcolor(short co, int n) throws RegexException {
        short sco = newsub(co);       /* new subcolor */
        assert sco != Constants.COLORLESS;

        if (co != sco) {    /* else already in an open subcolor */
            colorDescs.get(co).incrementNChars(-n);
            colorDescs.get(sco).incrementNChars(n);
        }
        return sco;
    }

    /**
     * Allocate a color for one character. In the range case, call {@link #subrange}.
     * @param c the character
     * @return the subcolor
     * @throws RegexException
     */
    short subcolor(int c) throws RegexException {
        short co = getcolor(c);
        short sco = subcolor(co, 1);
        if (sco != co) {
            splitBlock(c >>> BLOCK_BITS)[c & (BLOCK_SIZE - 1)] = sco;
        }
        return sco;
    }

    /** The block of characters b, made its own (a copy of the solid block it was) to be painted. */
    private short[] splitBlock(int b) {
        if (solidColor[b] != SPLIT) {
            blocks[b] = blocks[b].clone();
            solidColor[b] = SPLIT;
        }
        return blocks[b];
    }

    /**
     * newsub - allocate a new subcolor (if necessary) for a color
     */
    private short newsub(short co) throws RegexException {
        short sco; // new subcolor.

        ColorDesc cd = colorDescs.get(co);

        sco = colorDescs.get(co).sub;
        if (sco == Constants.NOSUB) {       /* color has no open subcolor */
            if (cd.getNChars() == 1) { /* optimization */
                return co;
            }
            sco = newcolor();   /* must create subcolor */
            if (sco == Constants.COLORLESS) {
                throw new RegexException("Invalid color allocation");
            }

            ColorDesc subcd = colorDescs.get(sco);
            cd.sub = sco;
            subcd.sub = sco;    /* open subcolor points to self */
            opened.set(co);
        }

        return sco;
    }

    /**
     * subrange - allocate new subcolors to this range of chars, fill in arcs.
     * For each run of one color the range overlaps (in ascending order: colors are made in the
     * order Tcl's character by character walk makes them), the run moves to that color's subcolor
     * and an arc of the subcolor joins lp to rp; a whole solid block is one step, as Tcl's subblock().
     */
    void subrange(int from, int to, State lp, State rp) throws RegexException {
        Nfa nfa = compiler.getNfa();
        short arced = Constants.COLORLESS;    /* the last arc's color: runs of one block often repeat it */
        for (int b = from >>> BLOCK_BITS; b <= to >>> BLOCK_BITS; b++) {
            int base = b << BLOCK_BITS;
            int lo = Math.max(from, base) - base;
            int hi = Math.min(to, base + BLOCK_SIZE - 1) - base;
            short sco;
            if (solidColor[b] != SPLIT && lo == 0 && hi == BLOCK_SIZE - 1) {
                sco = subcolor(solidColor[b], BLOCK_SIZE);
                blocks[b] = solid(sco);
                solidColor[b] = sco;
                if (sco != arced) {
                    nfa.newarc(Compiler.PLAIN, sco, lp, rp);
                    arced = sco;
                }
                continue;
            }
            short[] block = blocks[b];
            for (int i = lo; i <= hi; ) {
                short co = block[i];
                int end = i + 1;
                while (end <= hi && block[end] == co) {
                    end++;
                }
                sco = subcolor(co, end - i);
                if (sco != co) {
                    block = splitBlock(b);
                    Arrays.fill(block, i, end, sco);
                }
                if (sco != arced) {
                    nfa.newarc(Compiler.PLAIN, sco, lp, rp);
                    arced = sco;
                }
                i = end;
            }
        }
    }

    /**
     * okcolors - promote subcolors to full colors
     */
    void okcolors(Nfa nfa) {
        ColorDesc cd;
        ColorDesc scd;
        Arc a;
        short sco;

        // jexpect: only the colors with an open subcolor, in ascending order as Tcl's full scan
        for (int next = opened.nextSetBit(0); next >= 0; next = opened.nextSetBit(next + 1)) {
            short co = (short)next;
            opened.clear(co);   /* each case below closes the subcolor */
            cd = colorDescs.get(co);

            sco = cd.sub;

            if (sco == Constants.NOSUB) {
            /* has no subcolor, no further action */
            } else if (sco == co) {
            /* is subcolor, let parent deal with it */
            } else if (cd.getNChars() == 0) {
            /* parent empty, its arcs change color to subcolor */
                cd.sub = Constants.NOSUB;
                scd = colorDescs.get(sco);

                assert scd.getNChars() > 0;
                assert scd.sub == sco;

                scd.sub = Constants.NOSUB;
                while ((a = cd.arcs) != null) {
                    assert a.co == co;
                    uncolorchain(a);
                    a.setColor(sco);
                    colorchain(a);
                }
                freecolor(co);
            } else {
                /* parent's arcs must gain parallel subcolor arcs */
                cd.sub = Constants.NOSUB;
                scd = colorDescs.get(sco);

                assert scd.getNChars() > 0;
                assert scd.sub == sco;

                scd.sub = Constants.NOSUB;

                for (a = cd.arcs; a != null; a = a.colorchain) {
                    assert a.co == co;
                    nfa.newarc(a.type, sco, a.from, a.to);
                }
            }
        }
    }

    /**
     * colorchain - add this arc to the color chain of its color
     */
    void colorchain(Arc a) {
        ColorDesc cd = colorDescs.get(a.co);
        if (cd.arcs != null) {
            cd.arcs.colorchainRev = a;
        }
        a.colorchain = cd.arcs;
        a.colorchainRev = null;
        cd.arcs = a;
        cd.narcs++;
    }

    /**
     * jexpect: the arc's color chain when it is shorter than n (for newarc's duplicate check, which
     * may then scan it instead of a longer in- or out-chain), else null.
     */
    Arc colorchainShorterThan(short co, int n) {
        ColorDesc cd = colorDescs.get(co);
        return cd.narcs < n ? cd.arcs : null;
    }

    /**
     * uncolorchain - delete this arc from the color chain of its color (in constant time, through
     * the back-links, as Tcl 8.6 does)
     */
    void uncolorchain(Arc a) {
        ColorDesc cd = colorDescs.get(a.co);
        Arc aa = a.colorchainRev;

        if (aa == null) {
            assert cd.arcs == a;
            cd.arcs = a.colorchain;
        } else {
            assert aa.colorchain == a;
            aa.colorchain = a.colorchain;
        }
        if (a.colorchain != null) {
            a.colorchain.colorchainRev = aa;
        }
        a.colorchain = null;    /* paranoia */
        a.colorchainRev = null;
        cd.narcs--;
    }

    /**
     * rainbow - add arcs of all full colors (but one) between specified states
     *
     * @param but is COLORLESS if no exceptions
     */
    void rainbow(Nfa nfa, int type, short but, State from, State to) {
        ColorDesc cd;
        short co;

        for (co = 0; co < colorDescs.size(); co++) {
            cd = colorDescs.get(co);
            if (cd != null
                    && cd.sub != co
                    && co != but
                    && !cd.pseudo()) {
                nfa.newarc(type, co, from, to);
            }
        }
    }

    /**
     * colorcomplement - add arcs of complementary colors
     * The calling sequence ought to be reconciled with cloneouts().
     *
     * @param of complements of this guy's PLAIN outarcs
     */
    void colorcomplement(Nfa nfa, int type, State of, State from, State to) {
        ColorDesc cd;
        short co;

        assert of != from;
        for (co = 0; co < colorDescs.size(); co++) {
            cd = colorDescs.get(co);
            if (cd != null && !cd.pseudo()) {
                if (of.findarc(Compiler.PLAIN, co) == null) {
                    nfa.newarc(type, co, from, to);
                }
            }
        }
    }

    /** The map for the runtime: its blocks, which compiling no longer changes. */
    /**
     * jexpect: lets go of the compile once it is done (a pattern with nodes left for later keeps
     * its color map, for the colors alone): no compiler, no arc chains.
     */
    void detach() {
        compiler = null;
        for (ColorDesc cd : colorDescs) {
            if (cd != null) {
                cd.arcs = null;
                cd.narcs = 0;
            }
        }
    }

    short[][] blocks() {
        return blocks.clone();
    }
}
