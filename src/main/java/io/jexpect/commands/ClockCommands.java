package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.time.Instant;

/**
 * The clock ensemble over ::tcl::clock, as Tcl 8.6 has it: seconds, milliseconds, microseconds
 * and clicks read the clock here; add, format and scan are those of Tcl's clock.tcl
 * (ClockLibrary), with the helpers of ClockFields, ClockFreeScan and ClockZones.
 */
final class ClockCommands {
    private ClockCommands() {}

    private static final String[] SUBCOMMANDS = {"add", "clicks", "format", "microseconds", "milliseconds", "scan", "seconds"};
    private static final String[] CLICKS_OPTIONS = {"-milliseconds", "-microseconds"};

    static void install(Interp in) {
        in.register("clock", ClockCommands::clock);
        in.register("::tcl::clock::seconds", (i, a) -> now(a, 1, Instant.now().getEpochSecond()));
        in.register("::tcl::clock::milliseconds", (i, a) -> now(a, 1, Instant.now().toEpochMilli()));
        in.register("::tcl::clock::microseconds", (i, a) -> now(a, 1, micros(Instant.now())));
        in.register("::tcl::clock::clicks", (i, a) -> clicks(a, 1));
        ClockFields.install(in);
        ClockFreeScan.install(in);
        ClockLibrary.install(in);
    }

    /** Tcl's clock ensemble maps each subcommand to ::tcl::clock::NAME; the clock readings are answered here. */
    private static Value clock(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "subcommand ?arg ...?");
        String sub = Ensemble.subcommand(a, 1, SUBCOMMANDS);
        return switch (sub) {
            case "seconds" -> now(a, 2, Instant.now().getEpochSecond());
            case "milliseconds" -> now(a, 2, Instant.now().toEpochMilli());
            case "microseconds" -> now(a, 2, micros(Instant.now()));
            case "clicks" -> clicks(a, 2);
            default -> {
                Value[] argv = new Value[a.length - 1];
                argv[0] = Value.of("::tcl::clock::" + sub);
                System.arraycopy(a, 2, argv, 1, a.length - 2);
                yield in.invokeEnsembleTarget(argv, a[0] + " " + sub, 1);
            }
        };
    }

    /** A clock reading; words is how many words name the command (its usage error shows them). */
    private static Value now(Value[] a, int words, long value) throws TclException {
        if (a.length != words) throw TclException.wrongArgs(a, words, "");
        return Value.of(value);
    }

    private static Value clicks(Value[] a, int words) throws TclException {
        if (a.length > words + 1) throw TclException.wrongArgs(a, words, "?-switch?");
        if (a.length == words + 1 && OptionTable.lookup(a[words], "option", CLICKS_OPTIONS) == 0) {
            return Value.of(Instant.now().toEpochMilli());
        }
        return Value.of(micros(Instant.now()));
    }

    private static long micros(Instant now) {
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }
}
