package io.jexpect.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tree nodes whose part of the NFA holds only plain and empty arcs get their compacted NFAs when a
 * match first needs their DFAs, not at compile time; what dissection reads of them before that
 * (length, consumed and first colors) comes from the parsed NFA and must agree with the built one.
 */
class LazyMachineTest {

    private static HsrePattern compile(String re, EnumSet<PatternFlags> flags) throws RegexException {
        return (HsrePattern) HsrePattern.compile(re, flags);
    }

    private static int built(RuntimeSubexpression t) {
        return t == null ? 0 : (t.built() ? 1 : 0) + built(t.left) + built(t.right);
    }

    @Test
    void onlyTheNodesAMatchNeedsAreBuilt() throws Exception {
        HsrePattern p = compile("^INFO  \\[([a-z]+)\\] user=(\\w+) took (\\d+) ms\\r\\n", EnumSet.of(PatternFlags.ADVANCED));
        // The top (the main NFA) and the literal that holds the ^ constraint; 15 nodes wait.
        assertThat(built(p.guts.tree)).isEqualTo(2);
        ReMatcher m = p.matcher("INFO  [db] user=alice took 319 ms\r\n");
        assertThat(m.find()).isTrue();
        assertThat(new int[] {m.start(1), m.end(1), m.start(2), m.end(2), m.start(3), m.end(3)})
                .containsExactly(7, 9, 16, 21, 27, 30);
        // The dissection ran the DFAs of the two groups before a varying rest, nothing else.
        assertThat(built(p.guts.tree)).isEqualTo(4);
    }

    /** Every node of every fixture pattern: the shape read from the parsed NFA against the compacted NFA's. */
    @Test
    void shapesFromTheParsedNfaAgreeWithTheBuiltOnes() throws Exception {
        Set<String> seen = new HashSet<>();
        int nodes = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/regex/tcl-are-fixture.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                if (!seen.add(f[0] + " " + f[1])) continue;
                EnumSet<PatternFlags> flags = EnumSet.of(PatternFlags.ADVANCED);
                if (f[0].equals("-nocase")) flags.add(PatternFlags.ICASE);
                if (f[0].equals("-line")) flags.addAll(EnumSet.of(PatternFlags.NLSTOP, PatternFlags.NLANCH));
                HsrePattern p;
                try {
                    p = compile(f[1], flags);
                } catch (RegexException | RegexRuntimeException e) {
                    continue;
                }
                nodes += check(f[1], p.guts.tree);
            }
        }
        assertThat(nodes).isGreaterThan(1000);
    }

    private static int check(String re, RuntimeSubexpression t) {
        if (t == null) return 0;
        NodeShape early = t.shape();
        NodeShape built = NodeShape.of(t.machine());
        assertThat(early.fixedLength()).as(re).isEqualTo(built.fixedLength());
        assertThat(missing(early.consumedColors(), built.consumedColors())).as(re).isEmpty();
        assertThat(missing(early.firstColors(), built.firstColors())).as(re).isEmpty();
        return 1 + check(re, t.left) + check(re, t.right);
    }

    /** The colors in inner that outer lacks ("" for none). */
    private static String missing(BitSet outer, BitSet inner) {
        BitSet m = (BitSet) inner.clone();
        m.andNot(outer);
        return m.isEmpty() ? "" : m.toString();
    }
}
