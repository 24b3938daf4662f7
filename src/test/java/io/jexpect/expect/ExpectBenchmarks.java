package io.jexpect.expect;

import io.jexpect.Jexpect;
import io.jexpect.interp.Channels;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: one whole {@code expect} with {@code exp_continue} over {@value #LINES} lines read from a
 * file through {@code spawn -open}, as scripts/bench's {@code regex5} (five anchored {@code -re}
 * with groups, a counter and a sum in the actions) and {@code lines} (one exact pattern) rows
 * meet it, without a terminal: the script thread's whole share of a line (the window, the cases,
 * expect_out, the action, the loop). Score: time per line. Run with
 * {@code scripts/jmh ExpectBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss16m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExpectBenchmarks {
    static final int LINES = 10_000;

    private static final String REGEX5 = """
        expect {
            -re {^INFO  \\[([a-z]+)\\] user=(\\w+) took (\\d+) ms\\r\\n} { incr n(info); incr sum $expect_out(3,string); exp_continue }
            -re {^WARN  \\[([a-z]+)\\] retry (\\d+)/(\\d+): ([^\\r\\n]*)\\r\\n} { incr n(warn); exp_continue }
            -re {^ERROR \\[([a-z]+)\\] code=(\\d+) ([^\\r\\n]*)\\r\\n} { incr n(error); exp_continue }
            -re {^DEBUG \\[([a-z]+)\\] ([a-z]+)=([0-9a-f]+)\\r\\n} { incr n(debug); exp_continue }
            -re {^(\\d+) bytes from ([0-9.]+): seq=(\\d+)\\r\\n} { incr n(bytes); exp_continue }
            -ex "=== END ===\\r\\n" {}
            timeout { error timeout }
            eof { error eof }
        }
        """;

    private static final String LINES_LOOP = """
        expect {
            "Hello there!!\\r\\n" { incr n(lines); exp_continue }
            "=== END ===\\r\\n" {}
            timeout { error timeout }
            eof { error eof }
        }
        """;

    @Param({"regex5", "lines"})
    public String workload;

    private Interp interp;
    private Path file;
    private Value script;

    @Setup
    public void setUp() throws IOException, TclException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            if (workload.equals("lines")) {
                text.append("Hello there!!\r\n");
                continue;
            }
            text.append(switch (i % 5) {
                case 0 -> "INFO  [db] user=alice took " + (i % 1000) + " ms\r\n";
                case 1 -> "WARN  [net] retry 2/3: connection reset by peer\r\n";
                case 2 -> "ERROR [disk] code=" + (400 + i % 200) + " request failed (see log)\r\n";
                case 3 -> "DEBUG [cache] hash=" + Integer.toHexString(i * 7919) + "\r\n";
                default -> "64 bytes from 10.0.3." + (i % 256) + ": seq=" + i + "\r\n";
            });
        }
        text.append("=== END ===\r\n");
        file = Files.createTempFile("jexpect-bench", ".txt");
        Files.writeString(file, text);
        interp = Jexpect.newInterpreter(new Channels(new ByteArrayInputStream(new byte[0]),
            new ByteArrayOutputStream(), new ByteArrayOutputStream()));
        interp.eval("log_user 0; set timeout 30");
        script = Value.of("set f [open " + file + "]; spawn -open $f; array set n {info 0 warn 0 error 0 debug 0 bytes 0 lines 0}\n"
            + "set sum 0\n" + (workload.equals("lines") ? LINES_LOOP : REGEX5) + "close\n"
            + "expr {$n(info) + $n(warn) + $n(error) + $n(debug) + $n(bytes) + $n(lines)}");
    }

    @TearDown
    public void tearDown() throws IOException {
        interp.shutdown();
        Files.deleteIfExists(file);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public String expectLoop() throws TclException {
        String counted = interp.eval(script.toString()).toString();
        if (!counted.equals(Integer.toString(LINES))) throw new IllegalStateException("counted " + counted);
        return counted;
    }
}
