package io.jexpect.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Expect's matching rules, fed through a stream session (and some real programs). */
class MatchingTest {
    static final Engine ENGINE = new Engine();
    final Expecter expecter = new Expecter();

    @AfterAll
    static void end() {
        ENGINE.close();
    }

    /** A stream session whose input we control (an in-memory blocking stream). */
    static final class Feed implements AutoCloseable {
        final java.util.concurrent.LinkedBlockingQueue<byte[]> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        final Session session;

        Feed() {
            java.io.InputStream in = new java.io.InputStream() {
                byte[] cur = new byte[0];
                int pos;

                @Override
                public int read() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read(byte[] b, int off, int len) throws java.io.IOException {
                    try {
                        while (pos == cur.length) {
                            cur = queue.take();
                            pos = 0;
                            if (cur.length == 0) return -1;
                        }
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                    int n = Math.min(len, cur.length - pos);
                    System.arraycopy(cur, pos, b, off, n);
                    pos += n;
                    return n;
                }
            };
            session = ENGINE.wrap(in, null, StandardCharsets.UTF_8, "test");
        }

        Feed write(String s) {
            queue.add(s.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        @Override
        public void close() {
            queue.add(new byte[0]);
        }
    }

    ExpectResult expect(Session s, long timeout, Pattern... ps) throws InterruptedException {
        List<Case> cases = new ArrayList<>();
        for (Pattern p : ps) cases.add(Case.of(p));
        return expecter.expect(List.of(s), cases, timeout);
    }

    /** Waits until the reader has everything we wrote, so one read sees it all. */
    static void settle(Session s, int chars) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (s.buffer().pendingLength() + s.buffer().length() < chars && System.nanoTime() < end) Thread.sleep(1);
    }

    @Test
    void globStarIsGreedyAndUnanchored() throws Exception {
        try (Feed f = new Feed().write("abcabcXabc")) {
            settle(f.session, 10);
            ExpectResult r = expect(f.session, 1000, Pattern.glob("a*c"));
            assertThat(r.match()).isEqualTo("abcabcXabc");
        }
    }

    @Test
    void manPageExampleAndIndices() throws Exception {
        try (Feed f = new Feed().write("abcdefgh\n")) {
            settle(f.session, 9);
            ExpectResult r = expect(f.session, 1000, Pattern.glob("cd"));
            assertThat(r.buffer()).isEqualTo("abcd");
            assertThat(r.groups().get(0)).isEqualTo(new ExpectResult.Group("cd", 2, 3));
            assertThat(f.session.buffer().toString()).isEqualTo("efgh\n");
        }
    }

    @Test
    void firstPatternInListOrderWinsNotEarliestPosition() throws Exception {
        try (Feed f = new Feed().write("hello world\n")) {
            settle(f.session, 12);
            ExpectResult r = expect(f.session, 1000, Pattern.glob("world"), Pattern.glob("hello"));
            assertThat(r.caseIndex()).isZero();
            assertThat(r.buffer()).isEqualTo("hello world");
        }
    }

    @Test
    void anchorsAndClasses() throws Exception {
        try (Feed f = new Feed().write("q1\r\n")) {
            settle(f.session, 4);
            assertThat(expect(f.session, 0, Pattern.glob("q1$")).outcome()).isEqualTo(ExpectResult.Outcome.TIMEOUT);
            assertThat(expect(f.session, 0, Pattern.glob("^1")).outcome()).isEqualTo(ExpectResult.Outcome.TIMEOUT);
            assertThat(expect(f.session, 0, Pattern.glob("1\r\n$")).match()).isEqualTo("1\r\n");
        }
        try (Feed f = new Feed().write("Hello World")) {
            settle(f.session, 11);
            assertThat(expect(f.session, 0, Pattern.glob("[World]")).match()).isEqualTo("l");
            assertThat(expect(f.session, 0, new Pattern.Glob("WOR?D", true)).match()).isEqualTo("World");
        }
    }

    @Test
    void tclRegexSemantics() throws Exception {
        try (Feed f = new Feed().write("abc")) {
            settle(f.session, 3);
            assertThat(expect(f.session, 0, Pattern.regex("a|ab")).match()).isEqualTo("ab");
        }
        try (Feed f = new Feed().write("ab cd ef")) {
            settle(f.session, 8);
            ExpectResult r = expect(f.session, 0, Pattern.regex("(.*)\\s(.*?)"));
            assertThat(r.groups().get(2).text()).isEqualTo("ef");
            assertThat(r.groups().get(0)).isEqualTo(new ExpectResult.Group("ab cd ef", 0, 7));
        }
        try (Feed f = new Feed().write("line1\nline2\nprompt> ")) {
            settle(f.session, 20);
            ExpectResult r = expect(f.session, 0, Pattern.regex("line.\nline(.)"));
            assertThat(r.groups().get(1)).isEqualTo(new ExpectResult.Group("2", 10, 10));
            assertThat(expect(f.session, 0, Pattern.regex("PROMPT>", true)).match()).isEqualTo("prompt>");
        }
    }

    @Test
    void literalRegexPrefixGateStillFindsMatches() throws Exception {
        assertThat(Searcher.Regex.literalPrefix("hi (\\w+)")).isEqualTo("hi ");
        assertThat(Searcher.Regex.literalPrefix("abc*")).isEqualTo("ab");
        assertThat(Searcher.Regex.literalPrefix("ab+")).isEqualTo("ab");
        assertThat(Searcher.Regex.literalPrefix("a|b")).isEmpty();
        assertThat(Searcher.Regex.literalPrefix("\\d+x")).isEmpty();
        assertThat(Searcher.Regex.literalPrefix("(?n)^ab")).isEmpty();
        try (Feed f = new Feed()) {
            f.write("noise hi th");
            settle(f.session, 11);
            assertThat(expect(f.session, 0, Pattern.regex("hi (\\w+)!")).outcome()).isEqualTo(ExpectResult.Outcome.TIMEOUT);
            f.write("ere!");
            assertThat(expect(f.session, 2000, Pattern.regex("hi (\\w+)!")).groups().get(1).text()).isEqualTo("there");
        }
    }

    @Test
    void regexGateKeeperNeverHidesAMatch() {
        // Anchored and unanchored patterns with literal prefixes, fed a character at a time: the
        // searcher (gate keeper, memo of "no match") finds what the regex engine finds on the same text.
        Random rnd = new Random(7);
        String[] shapes = {"^ab(c+)", "^a", "^ba*", "ab", "^b(a|c)", "^(ab)", "^a\\.b", "^\\$a", "^aa?b", "a+b(c)", "^cab$"};
        for (int i = 0; i < 3000; i++) {
            String pat = shapes[rnd.nextInt(shapes.length)];
            String text = randomString(rnd, "abc.$", rnd.nextInt(9));
            MatchBuffer b = new MatchBuffer(2000, true, () -> { }, () -> { });
            Searcher sr = Searcher.forPattern(Pattern.regex(pat));
            Searcher.Hit h = null;
            char[] t = text.toCharArray();
            for (int k = 0; k < t.length && h == null; k++) {
                b.append(t, k, 1);
                b.transfer(false);
                h = sr.search(b);
            }
            String seen = b.toString();
            io.jexpect.regex.ReMatcher m = ((Pattern.Regex) Pattern.regex(pat)).compiled().matcher(seen);
            String exp = m.find() ? m.start() + "+" + m.end() : "none";
            String got = h == null ? "none" : h.start() + "+" + h.end();
            assertThat(got).as("pattern %s text %s", pat, seen).isEqualTo(exp);
        }
    }

    @Test
    void timeoutIsPreciseAndLeavesTheBufferAlone() throws Exception {
        try (Feed f = new Feed().write("partial")) {
            settle(f.session, 7);
            long t0 = System.nanoTime();
            ExpectResult r = expect(f.session, 300, Pattern.exact("never"), new Pattern.Timeout());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.outcome()).isEqualTo(ExpectResult.Outcome.TIMEOUT);
            assertThat(r.caseIndex()).isEqualTo(1);
            assertThat(r.buffer()).isNull();
            assertThat(ms).isBetween(295L, 2000L); // generous: CI machines are loaded
            assertThat(f.session.buffer().toString()).isEqualTo("partial");
            assertThat(expect(f.session, 0, Pattern.exact("part")).buffer()).isEqualTo("part");
        }
    }

    @Test
    void notransferKeepsTheBuffer() throws Exception {
        try (Feed f = new Feed().write("abc")) {
            settle(f.session, 3);
            ExpectResult r = expecter.expect(List.of(f.session),
                List.of(new Case(Pattern.exact("b"), List.of(), false)), 0);
            assertThat(r.buffer()).isEqualTo("ab");
            assertThat(f.session.buffer().toString()).isEqualTo("abc");
        }
    }

    @Test
    void eofGivesTheRestAndDefaultCatchesIt() throws Exception {
        Feed f = new Feed().write("left over");
        f.close();
        ExpectResult r = expect(f.session, 5000, Pattern.exact("zzz"), new Pattern.Default());
        assertThat(r.outcome()).isEqualTo(ExpectResult.Outcome.EOF);
        assertThat(r.caseIndex()).isEqualTo(1);
        assertThat(r.buffer()).isEqualTo("left over");
        ExpectResult again = expect(f.session, 5000, Pattern.exact("zzz"));
        assertThat(again.outcome()).isEqualTo(ExpectResult.Outcome.EOF);
        assertThat(again.caseIndex()).isEqualTo(-1);
    }

    @Test
    void fullBufferHandsOverEveryCharacter() throws Exception {
        try (Feed f = new Feed()) {
            f.session.buffer().setMatchMax(300);
            f.write("x".repeat(9000) + "END");
            int total = 0;
            int pieces = 0;
            while (true) {
                ExpectResult r = expect(f.session, 5000, new Pattern.FullBuffer(), Pattern.glob("END"));
                total += r.buffer().length();
                if (r.outcome() == ExpectResult.Outcome.FULL_BUFFER) {
                    pieces++;
                    assertThat(r.buffer()).matches("x+");
                    continue;
                }
                assertThat(r.caseIndex()).isEqualTo(1);
                break;
            }
            assertThat(pieces).isPositive();
            assertThat(total).isEqualTo(9003);
        }
        try (Feed f = new Feed()) {
            f.session.buffer().setMatchMax(300);
            f.write("y".repeat(9000) + "END");
            ExpectResult r = expect(f.session, 5000, Pattern.glob("END"));
            assertThat(r.buffer().length()).isLessThan(9003).isLessThanOrEqualTo(901);
            assertThat(r.buffer()).endsWith("yyyEND");
        }
    }

    @Test
    void nullsRemovedByDefaultAndMatchableWhenKept() throws Exception {
        Session s = ENGINE.spawn("printf", "a\\000b\\n");
        assertThat(expect(s, 5000, new Pattern.Eof()).buffer()).isEqualTo("ab\r\n");
        try (Feed f = new Feed()) {
            f.session.buffer().setRemoveNulls(false);
            f.write("c\0d");
            ExpectResult r = expect(f.session, 2000, new Pattern.Null());
            assertThat(r.outcome()).isEqualTo(ExpectResult.Outcome.MATCH);
            assertThat(r.buffer()).isEqualTo("c");
        }
    }

    @Test
    void observerSeesTextWhenExamined() throws Exception {
        StringBuilder seen = new StringBuilder();
        Expecter e = new Expecter((s, text) -> seen.append(text));
        try (Feed f = new Feed().write("one two")) {
            settle(f.session, 7);
            assertThat(seen).isEmpty();
            e.expect(List.of(f.session), List.of(Case.of(Pattern.exact("one"))), 1000);
            assertThat(seen.toString()).isEqualTo("one two");
        }
    }

    @Test
    void utf8SplitAtEveryByteBoundary() {
        String text = "héllo wörld ✓ 𝄞 end";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            StringBuilder sb = new StringBuilder();
            IncrementalDecoder d = new IncrementalDecoder(StandardCharsets.UTF_8);
            d.feed(bytes, 0, cut, (c, o, l) -> sb.append(c, o, l));
            d.feed(bytes, cut, bytes.length - cut, (c, o, l) -> sb.append(c, o, l));
            d.finish((c, o, l) -> sb.append(c, o, l));
            assertThat(sb.toString()).as("cut at %d", cut).isEqualTo(text);
        }
        StringBuilder bad = new StringBuilder();
        IncrementalDecoder d = new IncrementalDecoder(StandardCharsets.UTF_8);
        d.feed(new byte[]{'a', (byte) 0xff, 'b', (byte) 0xc3}, 0, 4, (c, o, l) -> bad.append(c, o, l));
        d.finish((c, o, l) -> bad.append(c, o, l));
        assertThat(bad.toString()).isEqualTo("a\uFFFDb\uFFFD");
    }

    @Test
    void utf8SplitAcrossSlowWritesOfARealProgram() throws Exception {
        Session s = ENGINE.spawn("sh", "-c", "printf '\\303'; sleep 0.2; printf '\\251\\342\\234'; sleep 0.2; printf '\\223\\n'");
        ExpectResult r = expect(s, 5000, new Pattern.Eof());
        assertThat(r.buffer()).isEqualTo("é✓\r\n");
    }

    @Test
    void globFastPathsAgreeWithTheFaithfulMatcher() {
        Random rnd = new Random(42);
        String alphabet = "ab$^*?[]\\c";
        for (int i = 0; i < 20000; i++) {
            String pat = randomString(rnd, alphabet, 1 + rnd.nextInt(5));
            String text = randomString(rnd, "abc$^*?[]\\", rnd.nextInt(12));
            boolean nocase = rnd.nextBoolean();
            char[] t = text.toCharArray();
            long expected = GlobMatcher.match(t, 0, t.length, pat.toCharArray(), nocase);
            MatchBuffer b = new MatchBuffer(2000, true, () -> { }, () -> { });
            b.append(t, 0, t.length);
            b.transfer(false);
            Searcher.Hit h = Searcher.forPattern(new Pattern.Glob(pat, nocase)).search(b);
            String exp = expected < 0 ? "none" : (expected >>> 32) + "+" + (int) expected;
            String got = h == null ? "none" : h.start() + "+" + (h.end() - h.start());
            assertThat(got).as("pattern %s text %s nocase %s", pat, text, nocase).isEqualTo(exp);
        }
    }

    @Test
    void literalSearchOverManyReadsFindsTheFirstOccurrenceEvenAmongCharactersSharingALowByte() {
        // The literal search skips ahead by a table of the characters' low bytes: 'a' and '\u0161',
        // 'b' and '\u0162' share theirs, and '\u0160' is '\u0161' in upper case (for -nocase).
        Random rnd = new Random(11);
        String alphabet = "ab#\u0160\u0161\u0162";
        for (int i = 0; i < 5000; i++) {
            String lit = randomString(rnd, alphabet, 1 + rnd.nextInt(5));
            String text = randomString(rnd, alphabet, rnd.nextInt(40));
            boolean nocase = rnd.nextBoolean();
            int expected = -1;
            for (int s = 0; s + lit.length() <= text.length() && expected < 0; s++) {
                boolean all = true;
                for (int k = 0; k < lit.length() && all; k++) all = Searcher.eq(text.charAt(s + k), lit.charAt(k), nocase);
                if (all) expected = s;
            }
            MatchBuffer b = new MatchBuffer(2000, true, () -> { }, () -> { });
            Searcher sr = Searcher.forPattern(new Pattern.Exact(lit, nocase));
            Searcher.Hit h = null;
            char[] t = text.toCharArray();
            for (int at = 0; at < t.length && h == null; ) {
                int n = Math.min(t.length - at, 1 + rnd.nextInt(8));
                b.append(t, at, n);
                b.transfer(false);
                h = sr.search(b);
                at += n;
            }
            assertThat(h == null ? -1 : h.start()).as("literal %s text %s nocase %s", lit, text, nocase).isEqualTo(expected);
        }
    }

    @Test
    void asciiTakenStraightIntoTheBufferStopsAtOtherBytesAndNullsAreStillRemoved() {
        MatchBuffer b = new MatchBuffer(2000, true, () -> { }, () -> { });
        IncrementalDecoder.Sink sink = b.sink(); // as a session's without an output hook
        IncrementalDecoder d = new IncrementalDecoder(StandardCharsets.UTF_8);
        byte[] bytes = "ab\0c\u00e9d\0e \u2713".getBytes(StandardCharsets.UTF_8);
        d.feed(bytes, 0, 6, sink); // "ab\0c" and the first byte of \u00e9
        d.feed(bytes, 6, bytes.length - 6, sink);
        while (b.pendingLength() > 0) b.transfer(false);
        assertThat(b.toString()).isEqualTo("abc\u00e9de \u2713");
        b.setRemoveNulls(false);
        byte[] kept = "x\0y".getBytes(StandardCharsets.US_ASCII);
        d.feed(kept, 0, kept.length, sink);
        b.transfer(false);
        assertThat(b.toString()).endsWith("x\0y");
    }

    @Test
    void incrementalGlobOverManyReadsMatchesLikeOneRead() throws Exception {
        String[] pats = {"foo*bar", "x?z", "[0-9][0-9]:", "*END", "END", "a*b*c"};
        String data = "..fo fooo x_ 12 3:45: bar zzz xyz a1b2c END tail";
        for (String pat : pats) {
            char[] t = data.toCharArray();
            long expected = GlobMatcher.match(t, 0, t.length, pat.toCharArray(), false);
            MatchBuffer b = new MatchBuffer(2000, true, () -> { }, () -> { });
            Searcher sr = Searcher.forPattern(Pattern.glob(pat));
            Searcher.Hit h = null;
            for (int i = 0; i < t.length && h == null; i++) {
                b.append(t, i, 1);
                b.transfer(false);
                h = sr.search(b);
            }
            // Fed one char at a time, the first match found is where Expect would stop reading.
            assertThat(h).as(pat).isNotNull();
            if (!pat.startsWith("*")) {
                char[] prefix = b.toString().toCharArray();
                long again = GlobMatcher.match(prefix, 0, prefix.length, pat.toCharArray(), false);
                assertThat(h.start() + "+" + (h.end() - h.start())).isEqualTo((again >>> 32) + "+" + (int) again);
            }
            assertThat(expected).isNotNegative();
        }
    }

    static String randomString(Random r, String alphabet, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return sb.toString();
    }
}
