package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.time.Instant;

/**
 * The clock ensemble, shaped as Tcl 8.6's: seconds, milliseconds, microseconds and clicks read the
 * clock here; add, format and scan are ::tcl::clock::add, format and scan of Tcl's clock.tcl
 * (ClockLibrary), which use the helpers of ClockFields and ClockFreeScan.
 */
final class ClockCommands {
    private ClockCommands() {}

    private static final String[] SUBCOMMANDS = {"add", "clicks", "format", "microseconds", "milliseconds", "scan", "seconds"};
    private static final String[] CLICKS_OPTIONS = {"-milliseconds", "-microseconds"};

    static void install(Interp in) {
        in.register("clock", ClockCommands::clock);
        ClockFields.install(in);
        ClockFreeScan.install(in);
        ClockLibrary.install(in);
    }

    private static Value clock(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "subcommand ?arg ...?");
        String sub = Ensemble.subcommand(a[1], SUBCOMMANDS);
        switch (sub) {
            case "seconds", "milliseconds", "microseconds" -> {
                if (a.length != 2) throw TclException.wrongArgs(a, 2, "");
                Instant now = Instant.now();
                return Value.of(switch (sub) {
                    case "seconds" -> now.getEpochSecond();
                    case "milliseconds" -> now.toEpochMilli();
                    default -> micros(now);
                });
            }
            case "clicks" -> {
                if (a.length > 3) throw TclException.wrongArgs(a, 2, "?-switch?");
                if (a.length == 3 && OptionTable.lookup(a[2], "option", CLICKS_OPTIONS) == 0) {
                    return Value.of(Instant.now().toEpochMilli());
                }
                return Value.of(micros(Instant.now()));
            }
            default -> {
                Value[] argv = new Value[a.length - 1];
                argv[0] = Value.of("::tcl::clock::" + sub);
                System.arraycopy(a, 2, argv, 1, a.length - 2);
                return in.invokeEnsembleTarget(argv, a[0] + " " + sub, 1);
            }
        }
    }

    private static long micros(Instant now) {
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }
}
