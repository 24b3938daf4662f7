package io.jexpect.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The DFA states a compiled pattern keeps across matches: reused, bounded, never shared by two matchers at once. */
class DfaStatesTest {

    private static HsrePattern compile(String re) throws RegexException {
        return (HsrePattern) HsrePattern.compile(re, PatternFlags.ADVANCED);
    }

    private static String find(RePattern p, String s) {
        ReMatcher m = p.matcher(s);
        if (!m.find()) return "none";
        StringBuilder sb = new StringBuilder(m.start() + "-" + m.end());
        for (int g = 1; g <= m.groupCount(); g++) sb.append(' ').append(m.start(g)).append('-').append(m.end(g));
        return sb.toString();
    }

    @Test
    void matchesOfOneShapeBuildTheStatesOnce() throws Exception {
        HsrePattern p = compile("^INFO  \\[([a-z]+)\\] user=(\\w+) took (\\d+) ms$");
        assertThat(find(p, "INFO  [db] user=alice took 12 ms")).isEqualTo("0-32 7-9 16-21 27-29");
        int search = p.guts.dfas.idle().stateCounts()[0];
        int main = p.guts.dfas.idle().stateCounts()[1];
        assertThat(search).isZero(); // anchored: the main DFA alone finds the match
        assertThat(main).isPositive();
        for (int i = 0; i < 200; i++) {
            assertThat(find(p, "INFO  [net] user=bob took " + i + " ms")).startsWith("0-");
        }
        // Digits past the first line's add no state: the DFA is the same one, warm.
        assertThat(p.guts.dfas.idle().stateCounts()[0]).isEqualTo(search);
        assertThat(p.guts.dfas.idle().stateCounts()[1]).isEqualTo(main);
    }

    @Test
    void aMachineWithManyStatesStaysBoundedAndRight() throws Exception {
        // The 13th character from the end is an a: the DFA needs 2^13 states, more than the cache holds.
        HsrePattern p = compile("a[ab]{12}$");
        java.util.regex.Pattern ref = java.util.regex.Pattern.compile("a[ab]{12}$");
        Random rnd = new Random(11);
        for (int i = 0; i < 400; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < 60; k++) s.append(rnd.nextBoolean() ? 'a' : 'b');
            java.util.regex.Matcher m = ref.matcher(s);
            String expected = m.find() ? m.start() + "-" + m.end() : "none";
            assertThat(find(p, s.toString())).as(s.toString()).isEqualTo(expected);
            assertThat(p.guts.dfas.idle().stateCounts()[0]).isLessThanOrEqualTo(DfaStates.LIMIT);
        }
    }

    @Test
    void concurrentMatchersOfOnePatternDoNotShareStates() throws Exception {
        HsrePattern p = compile("(\\d+)-(\\w+)x|y(\\d*)");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                Callable<String> work = () -> {
                    Random rnd = new Random(seed);
                    for (int i = 0; i < 3000; i++) {
                        int n = rnd.nextInt(100000);
                        String word = Long.toString(rnd.nextLong() & 0xffffff, 36);
                        String s = "..." + n + "-" + word + "x";
                        int start = 3;
                        String expected = start + "-" + s.length() + " " + start + "-" + (start + ("" + n).length()) + " "
                                + (start + ("" + n).length() + 1) + "-" + (s.length() - 1) + " -1--1";
                        String got = find(p, s);
                        if (!got.equals(expected)) return s + ": " + got + " expected " + expected;
                    }
                    return "ok";
                };
                results.add(pool.submit(work));
            }
            for (Future<String> r : results) assertThat(r.get()).isEqualTo("ok");
        } finally {
            pool.shutdownNow();
        }
    }
}
