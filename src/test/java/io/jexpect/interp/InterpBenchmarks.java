package io.jexpect.interp;

import io.jexpect.api.TclInterpreter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the interpreter's share of one expect iteration of the benchmarks' loops: setting
 * {@code expect_out} elements and running a small action body (compare, incr, a captured number
 * summed), a plain {@code expr}/{@code incr} loop turn, and an {@code append} to a string that grows to
 * 1.3 MB (as cheap as a loop turn while append extends in place). Run with {@code scripts/jmh InterpBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss16m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InterpBenchmarks {
    private TclInterpreter tcl;

    @Setup
    public void setUp() {
        tcl = TclInterpreter.create();
        tcl.eval("""
            set sent 0; set echoed 0; set sum 0
            proc action {} {
                global expect_out sent echoed sum
                set expect_out(0,string) "Echo: line 12\\r\\n"
                set expect_out(1,string) 12
                set expect_out(buffer) "Echo: line 12\\r\\n"
                if {$expect_out(1,string) == $sent} { incr echoed }
                incr sum $expect_out(1,string)
                incr sent
            }
            proc turn {} {
                global i
                if {[incr i] % 3 == 0} { return [expr {$i * 2 + 1}] }
                string length "line $i"
            }
            proc grow {} {
                global text n
                if {[incr n] == 100000} { set text ""; set n 0 }
                append text "line of text\n"
                return
            }""");
    }

    @TearDown
    public void tearDown() {
        tcl.close();
    }

    @Benchmark
    public String expectAction() {
        return tcl.eval("action");
    }

    @Benchmark
    public String loopTurn() {
        return tcl.eval("turn");
    }

    @Benchmark
    public void appendToALongString() {
        tcl.eval("grow");
    }
}
