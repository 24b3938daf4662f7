package io.jexpect.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
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
 * JMH: the engine's work for one read of bulk output that matches nothing yet (scripts/bench's
 * stream rows): 4 KB of base64 lines as a pty gives them (one read of its 4 KB line-discipline
 * buffer) are decoded, moved into the window read by read and searched for the end marker.
 * {@code kind}: the marker as {@code -ex}, as a glob, as {@code -re}; {@code matchMax}: Expect's
 * default and 1e6. Run with {@code scripts/jmh BulkBenchmarks}; C1 only, as the launcher.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BulkBenchmarks {
    @Param({"ex", "glob", "re"})
    public String kind;

    @Param({"2000", "1000000"})
    public int matchMax;

    private byte[] read;
    private IncrementalDecoder decoder;
    private IncrementalDecoder.Sink sink;
    private MatchBuffer buffer;
    private Searcher searcher;

    @Setup
    public void setUp() {
        byte[] random = new byte[3072];
        new Random(1).nextBytes(random);
        String lines = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(random);
        read = (lines + "\r\n").getBytes(StandardCharsets.US_ASCII);
        decoder = new IncrementalDecoder(StandardCharsets.UTF_8);
        buffer = new MatchBuffer(matchMax, true, () -> { }, () -> { });
        sink = buffer.sink(); // as a session's without an output hook
        Pattern p = switch (kind) {
            case "ex" -> Pattern.exact("##BENCH-END##");
            case "glob" -> Pattern.glob("##BENCH-END##");
            case "re" -> Pattern.regex("##BENCH-END##", false);
            default -> throw new IllegalArgumentException(kind);
        };
        searcher = Searcher.forPattern(p);
    }

    /** One read: decoded, moved into the window as the expect loop does, searched after each move. */
    @Benchmark
    public int read() {
        decoder.feed(read, 0, read.length, sink);
        int moved = 0;
        while (buffer.pendingLength() > 0) {
            moved += buffer.transfer(false);
            if (searcher.search(buffer) != null) throw new AssertionError("the marker is not in the data");
        }
        return moved;
    }
}
