package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.WeekFields;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** clock: seconds, milliseconds, microseconds, clicks, format, scan, add (in the C locale). */
final class ClockCommands {
    private ClockCommands() {}

    private static final String DEFAULT_FORMAT = "%a %b %d %H:%M:%S %Z %Y";
    private static final String FORMAT_USAGE = "clockval ?-format string? ?-gmt boolean? ?-locale LOCALE? ?-timezone ZONE?";

    static void install(Interp in) {
        in.register("clock", ClockCommands::clock);
    }

    private static Value clock(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "subcommand ?arg ...?");
        String sub = Ensemble.subcommand(a[1],
                new String[] {"add", "clicks", "format", "microseconds", "milliseconds", "scan", "seconds"});
        switch (sub) {
            case "seconds", "milliseconds", "microseconds" -> {
                if (a.length != 2) throw TclException.wrongArgs(a, 2, "");
                Instant now = Instant.now();
                return Value.of(switch (sub) {
                    case "seconds" -> now.getEpochSecond();
                    case "milliseconds" -> now.toEpochMilli();
                    default -> now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
                });
            }
            case "clicks" -> {
                if (a.length > 3) throw TclException.wrongArgs(a, 2, "?-switch?");
                String opt = a.length == 3 ? a[2].toString() : "";
                Instant now = Instant.now();
                return switch (opt) {
                    case "-milliseconds" -> Value.of(now.toEpochMilli());
                    case "-microseconds", "" -> Value.of(now.getEpochSecond() * 1_000_000 + now.getNano() / 1000);
                    default -> throw TclException.error("bad option \"" + opt + "\": must be -milliseconds or -microseconds",
                            "TCL", "LOOKUP", "INDEX", "option", opt);
                };
            }
            case "format" -> {
                return format(in, a);
            }
            case "scan" -> {
                return scan(in, a);
            }
            default -> {
                return add(in, a);
            }
        }
    }

    /** Options common to format, scan and add; returns the zone. */
    private static final class Options {
        String format;
        ZoneId zone;
        Long base;
    }

    private static Options options(Interp in, Value[] a, int from, boolean allowFormat, boolean allowBase, String usage)
            throws TclException {
        Options o = new Options();
        for (int i = from; i < a.length; i += 2) {
            String opt = a[i].toString();
            if (i + 1 >= a.length) throw wrongNumArgs(a, usage);
            Value v = a[i + 1];
            switch (opt) {
                case "-format" -> {
                    if (!allowFormat) throw badOption(opt);
                    o.format = v.toString();
                }
                case "-gmt" -> {
                    if (v.asBoolean()) o.zone = ZoneId.of("GMT");
                }
                case "-timezone" -> o.zone = zone(in, v.toString());
                case "-locale" -> { }
                case "-base" -> {
                    if (!allowBase) throw badOption(opt);
                    o.base = v.asLong();
                }
                default -> throw badOption(opt);
            }
        }
        if (o.zone == null) o.zone = localZone(in);
        return o;
    }

    private static TclException wrongNumArgs(Value[] a, String usage) {
        TclException e = TclException.error("wrong # args: should be \"" + a[0] + " " + a[1] + " " + usage + "\"");
        e.setErrorCode(Value.ofStrings(java.util.List.of("CLOCK", "wrongNumArgs")));
        return e;
    }

    private static TclException badOption(String opt) {
        TclException e = TclException.error("bad option \"" + opt + "\": must be -format, -gmt, -locale, or -timezone");
        e.setErrorCode(Value.ofStrings(java.util.List.of("CLOCK", "badOption", opt)));
        return e;
    }

    private static ZoneId localZone(Interp in) throws TclException {
        Map<String, Value> env = in.arrayView("env");
        Value tz = env == null ? null : env.get("TZ");
        if (tz != null && !tz.toString().isEmpty()) return zone(in, tz.toString());
        return ZoneId.systemDefault();
    }

    private static ZoneId zone(Interp in, String name) throws TclException {
        String n = name.startsWith(":") ? name.substring(1) : name;
        if (n.isEmpty() || n.equals("localtime")) return ZoneId.systemDefault();
        if (n.equals("UTC") || n.equals("GMT") || n.equals("Etc/UTC")) return ZoneId.of(n);
        try {
            if (n.matches("[+-]\\d{2}:?\\d{2}(:?\\d{2})?")) return ZoneOffset.of(n.length() == 5 ? n.substring(0, 3) + ":" + n.substring(3) : n);
            return ZoneId.of(n);
        } catch (RuntimeException e) {
            TclException err = TclException.error("time zone \"" + name + "\" not found");
            err.setErrorCode(Value.ofStrings(java.util.List.of("CLOCK", "badTimeZone", name)));
            throw err;
        }
    }

    private static long clockValue(Value v) throws TclException {
        Number n = v.integerOrNull();
        if (n == null) throw TclException.error("expected integer but got \"" + v + "\"", "TCL", "VALUE", "NUMBER");
        // Past a 64-bit integer Tcl refuses too; past Java's calendar (about 1e9 years) Tcl's own
        // arithmetic overflows into a meaningless date, so say so instead.
        if (n instanceof java.math.BigInteger big && big.bitLength() > 63
                || n.longValue() < Instant.MIN.getEpochSecond() || n.longValue() > Instant.MAX.getEpochSecond()) {
            throw TclException.error("integer value too large to represent");
        }
        return n.longValue();
    }

    // ---- format -----------------------------------------------------------------------------------

    private static Value format(Interp in, Value[] a) throws TclException {
        if (a.length < 3 || a.length % 2 == 0) throw wrongNumArgs(a, FORMAT_USAGE);
        long t = clockValue(a[2]);
        Options o = options(in, a, 3, true, false, FORMAT_USAGE);
        ZonedDateTime zt = Instant.ofEpochSecond(t).atZone(o.zone);
        return Value.of(format(zt, o.format == null ? DEFAULT_FORMAT : o.format));
    }

    static String format(ZonedDateTime t, String fmt) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 >= fmt.length()) {
                sb.append(c);
                continue;
            }
            char f = fmt.charAt(++i);
            if ((f == 'E' || f == 'O') && i + 1 < fmt.length()) f = fmt.charAt(++i);
            sb.append(field(t, f));
        }
        return sb.toString();
    }

    private static String field(ZonedDateTime t, char f) {
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return switch (f) {
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
            case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
            case 'c' -> format(t, "%a %b %e %H:%M:%S %Y");
            case 'C' -> two(t.getYear() / 100);
            case 'd' -> two(t.getDayOfMonth());
            case 'D' -> format(t, "%m/%d/%Y");
            case 'e' -> pad(t.getDayOfMonth());
            case 'g' -> two(t.get(IsoFields.WEEK_BASED_YEAR) % 100);
            case 'G' -> String.format("%04d", t.get(IsoFields.WEEK_BASED_YEAR));
            case 'H' -> two(t.getHour());
            case 'I' -> two(hour12);
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'J' -> Long.toString(t.toLocalDate().toEpochDay() + 2440588);
            case 'k' -> pad(t.getHour());
            case 'l' -> pad(hour12);
            case 'm' -> two(t.getMonthValue());
            case 'M' -> two(t.getMinute());
            case 'n' -> "\n";
            case 'N' -> pad(t.getMonthValue());
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'P' -> t.getHour() < 12 ? "am" : "pm";
            case 'r' -> format(t, "%I:%M:%S %p");
            case 'R' -> format(t, "%H:%M");
            case 's' -> Long.toString(t.toEpochSecond());
            case 'S' -> two(t.getSecond());
            case 't' -> "\t";
            case 'T', 'X' -> format(t, "%H:%M:%S");
            case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
            case 'U' -> two(t.get(WeekFields.of(DayOfWeek.SUNDAY, 7).weekOfYear()));
            case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'w' -> Integer.toString(t.getDayOfWeek().getValue() % 7);
            case 'W' -> two(t.get(WeekFields.of(DayOfWeek.MONDAY, 7).weekOfYear()));
            case 'x' -> format(t, "%m/%d/%Y");
            case 'y' -> two(Math.floorMod(t.getYear(), 100));
            case 'Y' -> String.format("%04d", t.getYear());
            case 'z' -> offset(t.getOffset().getTotalSeconds());
            case 'Z' -> zoneName(t);
            case '%' -> "%";
            default -> "%" + f;
        };
    }

    private static String two(int n) {
        return n < 10 && n >= 0 ? "0" + n : Integer.toString(n);
    }

    private static String pad(int n) {
        return n < 10 ? " " + n : Integer.toString(n);
    }

    private static String offset(int secs) {
        int abs = Math.abs(secs);
        String s = (secs < 0 ? "-" : "+") + two(abs / 3600) + two(abs / 60 % 60);
        return abs % 60 != 0 ? s + two(abs % 60) : s;
    }

    private static String zoneName(ZonedDateTime t) {
        ZoneId z = t.getZone();
        if (z.getId().equals("GMT") || z.getId().equals("UTC")) return z.getId();
        if (z instanceof ZoneOffset off) return offset(off.getTotalSeconds());
        String name = java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.US).format(t);
        return name.startsWith("GMT") && name.length() > 3 ? offset(t.getOffset().getTotalSeconds()) : name;
    }

    // ---- scan -------------------------------------------------------------------------------------

    private static final String SCAN_USAGE = "string ?-base seconds? ?-format string? ?-gmt boolean? ?-locale LOCALE? ?-timezone ZONE?";

    private static Value scan(Interp in, Value[] a) throws TclException {
        if (a.length < 3 || a.length % 2 == 0) throw wrongNumArgs(a, SCAN_USAGE);
        Options o = options(in, a, 3, true, true, SCAN_USAGE);
        long base = o.base != null ? o.base : Instant.now().getEpochSecond();
        String text = a[2].toString();
        if (o.format != null) return Value.of(ClockScan.withFormat(text, o.format, o.zone, base));
        return Value.of(ClockScan.freeForm(text, o.zone, base));
    }

    // ---- add --------------------------------------------------------------------------------------

    private static final String ADD_USAGE = "clockval ?number units?... ?-gmt boolean? ?-locale LOCALE? ?-timezone ZONE?";

    private static Value add(Interp in, Value[] a) throws TclException {
        if (a.length < 3) throw wrongNumArgs(a, ADD_USAGE);
        long t = clockValue(a[2]);
        int i = 3;
        int optStart = a.length;
        for (int k = 3; k < a.length; k += 2) {
            if (a[k].toString().startsWith("-") && a[k].integerOrNull() == null) {
                optStart = k;
                break;
            }
        }
        if ((optStart - 3) % 2 != 0 || (a.length - optStart) % 2 != 0) throw wrongNumArgs(a, ADD_USAGE);
        Options o = options(in, a, optStart, false, false, ADD_USAGE);
        ZonedDateTime zt = Instant.ofEpochSecond(t).atZone(o.zone);
        for (; i < optStart; i += 2) {
            long n = a[i].asLong();
            String unit = a[i + 1].toString();
            zt = switch (unit.endsWith("s") && unit.length() > 1 ? unit.substring(0, unit.length() - 1) : unit) {
                case "year" -> zt.plusYears(n);
                case "month" -> zt.plusMonths(n);
                case "week" -> zt.plusWeeks(n);
                case "day" -> zt.plusDays(n);
                case "hour" -> zt.plus(n, ChronoUnit.HOURS);
                case "minute" -> zt.plus(n, ChronoUnit.MINUTES);
                case "second" -> zt.plus(n, ChronoUnit.SECONDS);
                default -> {
                    TclException e = TclException.error("unknown unit \"" + unit + "\", must be  years, months, weeks, days, hours, minutes or seconds");
                    e.setErrorCode(Value.ofStrings(java.util.List.of("CLOCK", "badUnit", unit)));
                    throw e;
                }
            };
        }
        return Value.of(zt.toEpochSecond());
    }

    static LocalDateTime at(long epoch, ZoneId zone) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(epoch), zone);
    }

    static long epoch(LocalDate d, LocalTime t, ZoneId zone) {
        return ZonedDateTime.of(d, t, zone).toEpochSecond();
    }

    static Matcher match(String regex, String text) {
        Matcher m = Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(text);
        return m.matches() ? m : null;
    }
}
