package io.jexpect.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A million lines through a real terminal with match_max 1000000 stay near pty speed. */
class ThroughputTest {
    @Test
    void millionLinesWithHugeMatchMax() throws Exception {
        try (Engine engine = new Engine()) {
            engine.setDefaultMatchMax(1_000_000);
            Session s = engine.spawn("sh", "-c", "seq 1 1000000; echo 'Hello there!!'");
            long t0 = System.nanoTime();
            ExpectResult r = new Expecter().expect(List.of(s), List.of(Case.of(Pattern.glob("Hello there!!\r\n"))), 60_000);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.matched()).isTrue();
            assertThat(ms).isLessThan(20_000);
            System.out.println("1M lines, match_max 1000000: " + ms + " ms");
        }
    }
}
