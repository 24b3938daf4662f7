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


/**
 * subexpression tree
 */
class Subre {
    static final int LONGER = 01;   /* prefers longer match */
    static final int SHORTER = 02;  /* prefers shorter match */
    static final int MIXED = 04;    /* mixed preference below */
    static final int CAP = 010; /* capturing parens below */
    static final int BACKR = 020;   /* back reference below */
    static final int INUSE = 0100;  /* in use in final tree */
    static final int LOCAL = 03;    /* bits which may not propagate up */
    char op;        /* '|', '.' (concat), 'b' (backref), '*' (iteration), '(', '=' */
    int flags;
    short id;           /* ID of subre (1..ntree-1) */
    int subno;      /* subexpression number (for 'b' and '(') */
    short min;      /* min repetitions for iteration or backref */
    short max;      /* max repetitions for iteration or backref */
    Subre left; /* left child, if any (also freelist chain) */
    Subre right;    /* right child, if any */
    State begin;    /* outarcs from here... */
    State end;  /* ...ending in inarcs here */
    Cnfa cnfa;
    /** jexpect: for a node whose NFA the compile left for later ({@link Fragment}), how to build it, and its shape. */
    LazyMachine lazy;
    NodeShape shape;

    Subre(char op, int flags, State initState, State finalState) {

        // 0 is valid for lacons.
        assert  "\u0000|.b(=*".indexOf(op) != -1 : "invalid op " + Integer.toHexString((int)op);

        this.op = op;
        this.flags = flags;
        min = 1;
        max = 1;
        begin = initState;
        end = finalState;
    }

    /**
     * LONGER -> MIXED
     */
    static int lmix(int f) {
        return f << 2;
    }

    /**
     * SHORTER -> MIXED
     */
    static int smix(int f) {
        return f << 1;
    }

    static int up(int f) {
        return (f & ~LOCAL) | (lmix(f) & smix(f) & MIXED);
    }

    static boolean messy(int f) {
        return 0 != (f & (MIXED | CAP | BACKR));
    }

    static int pref(int f) {
        return f & LOCAL;
    }

    static int pref2(int f1, int f2) {
        return pref(f1) != 0 ? pref(f1) : pref(f2);
    }

    static int combine(int f1, int f2) {
        return up(f1 | f2) | pref2(f1, f2);
    }



    @Override
    public String toString() {
        return "Subre{" + "op=" + op + ", " + "flags=" + flags + ", " + "id=" + id + ", " + "subno=" + subno + ", " + "min=" + min + ", " + "max=" + max + "}";
    }
}
