package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ::tcl::unsupported::timerate ?-direct? ?-calibrate? ?-overhead double? command ?time ?max-count??:
 * runs a script for a time (milliseconds, 1000 by default) or a number of iterations, and reports
 * the time per iteration, the count, the rate and the net time, as Tcl 8.6.13's Tcl_TimeRateObjCmd.
 */
final class TimeRateCommand {
    private TimeRateCommand() {}

    private static final String USAGE = "?-direct? ?-calibrate? ?-overhead double? command ?time ?max-count??";
    private static final String MICROS = "\u00b5s/#";

    /** The measured cost of one iteration of the loop itself (-calibrate), per interpreter. */
    private static final class Overhead {
        double micros;
    }

    static void install(Interp in) {
        in.register("::tcl::unsupported::timerate", TimeRateCommand::timerate);
        // As in Tcl, the unsupported commands are exported: namespace import brings timerate in.
        in.findNamespace("::tcl::unsupported").exportPatterns().add("*");
    }

    private static Value timerate(Interp in, Value[] a) throws TclException {
        boolean direct = false, calibrate = false;
        double overhead = -1;
        int i = 1;
        for (; i < a.length - 1; i++) {
            String opt = a[i].toString();
            if (opt.equals("--")) {
                i++;
                break;
            } else if (opt.equals("-direct")) {
                direct = true;
            } else if (opt.equals("-calibrate")) {
                calibrate = true;
            } else if (opt.equals("-overhead")) {
                if (++i >= a.length - 1) throw TclException.wrongArgs(a, 1, USAGE);
                overhead = a[i].asDouble();
            } else {
                break;
            }
        }
        if (i >= a.length || i < a.length - 3) throw TclException.wrongArgs(a, 1, USAGE);
        Value script = a[i++];
        Long maxMillis = i < a.length ? a[i++].asLong() : null;
        long maxCount = Long.MAX_VALUE;
        if (i < a.length) maxCount = Math.max(0, a[i].asLong());

        Overhead measured = in.extension(Overhead.class, Overhead::new);
        if (calibrate) {
            if (maxMillis == null) return calibrateLoop(in, a[0], script, direct, measured);
            if (maxMillis == 0) {
                measured.micros = 0;
                return Value.ZERO;
            }
            // A positive time measures afresh; a negative one refines the overhead already known.
            if (maxMillis > 0) measured.micros = Double.MAX_VALUE;
            else maxMillis = -maxMillis;
        }
        if (maxMillis == null) maxMillis = 1000L;
        if (overhead == -1) overhead = measured.micros;

        if (!direct) in.compile(script);
        long start = micros();
        long stop = start + Math.max(0, maxMillis) * 1000;
        long now = start;
        long count = 0;
        while (count < maxCount) {
            count++;
            try {
                in.evalAction(script);
            } catch (TclException e) {
                // break ends the measurement, continue ends the iteration.
                if (e.code() == TclException.BREAK) {
                    now = micros();
                    break;
                }
                if (e.code() != TclException.CONTINUE) throw e;
            }
            now = micros();
            if (now >= stop) break;
        }
        return result(count, now - start, calibrate, overhead, measured);
    }

    /** -calibrate without a time: a warm-up, then rounds that refine the overhead while it improves. */
    private static Value calibrateLoop(Interp in, Value name, Value script, boolean direct, Overhead measured)
            throws TclException {
        measured.micros = 0;
        List<Value> warmUp = new ArrayList<>(List.of(name));
        if (direct) warmUp.add(Value.of("-direct"));
        warmUp.add(script);
        warmUp.add(Value.of(100));
        timerate(in, warmUp.toArray(new Value[0]));
        measured.micros = Double.MAX_VALUE;
        long budget = 5000;
        long millis = -1000;
        Value result;
        double last;
        do {
            last = measured.micros;
            List<Value> round = new ArrayList<>(List.of(name));
            if (direct) round.add(Value.of("-direct"));
            round.addAll(List.of(Value.of("-calibrate"), script, Value.of(millis)));
            result = timerate(in, round.toArray(new Value[0]));
            budget += millis;
            millis -= -millis / 4;
        } while ((measured.micros >= last || measured.micros / last <= 0.9995) && budget > 0);
        return result;
    }

    private static Value result(long count, long elapsed, boolean calibrate, double overhead, Overhead measured) {
        if (count == 0) {
            return Value.ofList(List.of(Value.ZERO, Value.of(MICROS), Value.ZERO, Value.of("#"),
                    Value.ZERO, Value.of("#/sec"), Value.ZERO, Value.of("net-ms")));
        }
        List<Value> out = new ArrayList<>();
        if (!calibrate) {
            if (overhead > 0) {
                long cost = (long) (overhead * count);
                elapsed = elapsed > cost ? elapsed - cost : 0;
            }
        } else {
            measured.micros = Math.min(measured.micros, (double) elapsed / count);
            out.add(Value.of(measured.micros));
            out.add(Value.of(MICROS + "-overhead"));
        }
        long perIteration = elapsed / count;
        out.add(perIteration >= 1_000_000 ? Value.of(perIteration) : Value.of(String.format(Locale.ROOT,
                perIteration < 10 ? "%.6f" : perIteration < 100 ? "%.4f" : perIteration < 1000 ? "%.3f"
                        : perIteration < 10000 ? "%.2f" : "%.1f", (double) elapsed / count)));
        out.add(Value.of(MICROS));
        out.add(Value.of(count));
        out.add(Value.of("#"));
        if (elapsed == 0) elapsed = 1; // no division by zero: one microsecond
        long rate = count * 1_000_000 / elapsed;
        out.add(count >= Long.MAX_VALUE / 1_000_000 ? Value.of(count / elapsed * 1_000_000)
                : rate >= 100_000 ? Value.of(rate)
                : Value.of(String.format(Locale.ROOT, rate < 100 ? "%.3f" : rate < 1000 ? "%.2f" : "%.1f",
                        count * 1e6 / elapsed)));
        out.add(Value.of("#/sec"));
        if (!calibrate) {
            out.add(Value.of(String.format(Locale.ROOT, "%.3f", elapsed / 1000.0)));
            out.add(Value.of("net-ms"));
        }
        return Value.ofList(out);
    }

    private static long micros() {
        return System.nanoTime() / 1000;
    }
}
