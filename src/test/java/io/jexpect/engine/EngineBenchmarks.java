package io.jexpect.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the engine's hot path for one line of output, as an exp_continue loop meets it: the line
 * enters the match buffer (one read), the cases' searchers are tried in order and the match is
 * consumed. {@code cases}: regex5 (scripts/bench's five anchored {@code -re} with groups), a
 * {@code -ex} literal, a glob with wildcards. Run with {@code scripts/jmh EngineBenchmarks}; the
 * launcher's flags (C1 only) are the default fork's, {@code -jvmArgs} changes them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EngineBenchmarks {
    private static final String[] LINES = {
        "INFO  [db] user=alice took 319 ms\r\n",
        "WARN  [net] retry 2/3: connection reset by peer\r\n",
        "ERROR [disk] code=503 request failed (see log)\r\n",
        "DEBUG [cache] hash=1f3a9c0\r\n",
        "64 bytes from 10.0.3.7: seq=12\r\n",
    };

    @Param({"regex5", "exact", "glob"})
    public String cases;

    private List<Pattern> patterns;
    private Searcher[] searchers;
    private MatchBuffer buffer;
    private char[][] lines;
    private int next;

    @Setup
    public void setUp() {
        patterns = switch (cases) {
            case "regex5" -> List.of(
                Pattern.regex("^INFO  \\[([a-z]+)\\] user=(\\w+) took (\\d+) ms\\r\\n", false),
                Pattern.regex("^WARN  \\[([a-z]+)\\] retry (\\d+)/(\\d+): ([^\\r\\n]*)\\r\\n", false),
                Pattern.regex("^ERROR \\[([a-z]+)\\] code=(\\d+) ([^\\r\\n]*)\\r\\n", false),
                Pattern.regex("^DEBUG \\[([a-z]+)\\] ([a-z]+)=([0-9a-f]+)\\r\\n", false),
                Pattern.regex("^(\\d+) bytes from ([0-9.]+): seq=(\\d+)\\r\\n", false));
            case "exact" -> List.of(Pattern.exact("\r\n"));
            case "glob" -> List.of(Pattern.glob("*\\]*\r\n"), Pattern.glob("*seq=*\r\n"));
            default -> throw new IllegalArgumentException(cases);
        };
        searchers = patterns.stream().map(Searcher::forPattern).toArray(Searcher[]::new);
        buffer = new MatchBuffer(2000, true, () -> { }, () -> { });
        lines = new char[LINES.length][];
        for (int i = 0; i < LINES.length; i++) lines[i] = LINES[i].toCharArray();
    }

    /** One line in, searched and consumed, with the searchers kept (as across exp_continue). */
    @Benchmark
    public int line() {
        char[] l = lines[next++ % lines.length];
        buffer.append(l, 0, l.length);
        buffer.transfer(false);
        for (Searcher s : searchers) {
            Searcher.Hit h = s.search(buffer);
            if (h != null) {
                buffer.consume(h.end());
                return h.end();
            }
        }
        buffer.consume(buffer.length());
        return -1;
    }

    /** The same with new searchers for every line (what each expect call without a kept plan pays). */
    @Benchmark
    public int lineFreshSearchers() {
        char[] l = lines[next++ % lines.length];
        buffer.append(l, 0, l.length);
        buffer.transfer(false);
        for (Pattern p : patterns) {
            Searcher.Hit h = Searcher.forPattern(p).search(buffer);
            if (h != null) {
                buffer.consume(h.end());
                return h.end();
            }
        }
        buffer.consume(buffer.length());
        return -1;
    }
}
