package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calendar helpers Tcl 8.6 writes in C for its clock.tcl (::tcl::clock::GetDateFields,
 * GetJulianDayFromEraYearMonthDay, GetJulianDayFromEraYearWeekDay, ConvertLocalToUTC,
 * ParseFormatArgs, getenv). Their arithmetic is Tcl's to the letter: 32-bit day counts, Julian
 * calendar before the changeover day, ISO 8601 weeks, and transitions looked up in the time zone
 * table clock.tcl built (an empty table means the system's local time, as C's localtime).
 */
final class ClockFields {
    private ClockFields() {}

    private static final long JULIAN_DAY_POSIX_EPOCH = 2440588;
    private static final long SECONDS_PER_DAY = 86400;
    private static final long JULIAN_SEC_POSIX_EPOCH = JULIAN_DAY_POSIX_EPOCH * SECONDS_PER_DAY;
    private static final int FOUR_CENTURIES = 146097;
    private static final int JDAY_1_JAN_1_CE_JULIAN = 1721424;
    private static final int JDAY_1_JAN_1_CE_GREGORIAN = 1721426;
    private static final int ONE_CENTURY_GREGORIAN = 36524;
    private static final int FOUR_YEARS = 1461;
    private static final int ONE_YEAR = 365;

    private static final int[][] DAYS_IN_MONTH = {
        {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
        {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}};
    private static final int[][] DAYS_IN_PRIOR_MONTHS = {
        {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
        {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366}};

    private static final Value CE = Value.of("CE");
    private static final Value BCE = Value.of("BCE");
    private static final Value DEFAULT_FORMAT = Value.of("%a %b %d %H:%M:%S %Z %Y");
    private static final Value C_LOCALE = Value.of("C");
    private static final Value GMT = Value.of(":GMT");
    private static final String[] FORMAT_OPTIONS = {"-format", "-gmt", "-locale", "-timezone"};

    /** The date fields of one moment, as TclDateFields. */
    private static final class Fields {
        long seconds;
        long localSeconds;
        int tzOffset;
        Value tzName;
        int julianDay;
        boolean bce;
        boolean gregorian;
        int year;
        int dayOfYear;
        int month;
        int dayOfMonth;
        int iso8601Year;
        int iso8601Week;
        int dayOfWeek;
    }

    static void install(Interp in) {
        in.register("::tcl::clock::GetDateFields", ClockFields::getDateFields);
        in.register("::tcl::clock::GetJulianDayFromEraYearMonthDay", ClockFields::julianDayFromEraYearMonthDay);
        in.register("::tcl::clock::GetJulianDayFromEraYearWeekDay", ClockFields::julianDayFromEraYearWeekDay);
        in.register("::tcl::clock::ConvertLocalToUTC", ClockFields::convertLocalToUtc);
        in.register("::tcl::clock::ParseFormatArgs", ClockFields::parseFormatArgs);
        in.register("::tcl::clock::getenv", ClockFields::getenv);
    }

    // ---- the commands ------------------------------------------------------------------------------

    private static Value getDateFields(Interp in, Value[] a) throws TclException {
        if (a.length != 4) throw TclException.wrongArgs(a, 1, "seconds tzdata changeover");
        Fields f = new Fields();
        f.seconds = wide(a[1]);
        int changeover = a[3].asInt();
        convertUtcToLocal(in, f, a[2], changeover);
        f.julianDay = (int) ((f.localSeconds + JULIAN_SEC_POSIX_EPOCH) / SECONDS_PER_DAY);
        gregorianEraYearDay(f, changeover);
        monthDay(f);
        yearWeekDay(f, changeover);
        Map<String, Value> d = new LinkedHashMap<>();
        d.put("localSeconds", Value.of(f.localSeconds));
        d.put("seconds", Value.of(f.seconds));
        d.put("tzName", f.tzName);
        d.put("tzOffset", Value.of(f.tzOffset));
        d.put("julianDay", Value.of(f.julianDay));
        d.put("gregorian", Value.of(f.gregorian ? 1 : 0));
        d.put("era", f.bce ? BCE : CE);
        d.put("year", Value.of(f.year));
        d.put("dayOfYear", Value.of(f.dayOfYear));
        d.put("month", Value.of(f.month));
        d.put("dayOfMonth", Value.of(f.dayOfMonth));
        d.put("iso8601Year", Value.of(f.iso8601Year));
        d.put("iso8601Week", Value.of(f.iso8601Week));
        d.put("dayOfWeek", Value.of(f.dayOfWeek));
        return DictCommands.toValue(d);
    }

    private static Value julianDayFromEraYearMonthDay(Interp in, Value[] a) throws TclException {
        return julianDay(a, false);
    }

    private static Value julianDayFromEraYearWeekDay(Interp in, Value[] a) throws TclException {
        return julianDay(a, true);
    }

    /** The dictionary given with its julianDay from era, year, month, day (or ISO year, week, weekday). */
    private static Value julianDay(Value[] a, boolean isoWeeks) throws TclException {
        if (a.length != 3) throw TclException.wrongArgs(a, 1, "dict changeover");
        Map<String, Value> d = DictCommands.parse(a[1]);
        Fields f = new Fields();
        f.bce = era(d);
        if (isoWeeks) {
            f.iso8601Year = intField(d, "iso8601Year");
            f.iso8601Week = intField(d, "iso8601Week");
            f.dayOfWeek = intField(d, "dayOfWeek");
            julianDayFromEraYearWeekDay(f, a[2].asInt());
        } else {
            f.year = intField(d, "year");
            f.month = intField(d, "month");
            f.dayOfMonth = intField(d, "dayOfMonth");
            julianDayFromEraYearMonthDay(f, a[2].asInt());
        }
        d.put("julianDay", Value.of(f.julianDay));
        return DictCommands.toValue(d);
    }

    private static Value convertLocalToUtc(Interp in, Value[] a) throws TclException {
        if (a.length != 4) throw TclException.wrongArgs(a, 1, "dict tzdata changeover");
        Map<String, Value> d = DictCommands.parse(a[1]);
        Value local = d.get("localSeconds");
        if (local == null) throw TclException.error("key \"localseconds\" not found in dictionary");
        Fields f = new Fields();
        f.localSeconds = wide(local);
        int changeover = a[3].asInt();
        List<Value> rows = a[2].asList();
        if (rows.isEmpty()) rows = envZoneRows(in);
        if (rows == null) localToUtcBySystem(f, changeover);
        else localToUtcByTable(f, rows);
        d.put("seconds", Value.of(f.seconds));
        return DictCommands.toValue(d);
    }

    /** The [clock format] options as {format locale timezone}; in C in Tcl because it is hot. */
    private static Value parseFormatArgs(Interp in, Value[] a) throws TclException {
        if (a.length < 2 || a.length % 2 != 0) {
            throw TclException.error("wrong # args: should be \"clock format clockval ?-format string? "
                    + "?-gmt boolean? ?-locale LOCALE? ?-timezone ZONE?\"", "CLOCK", "wrongNumArgs");
        }
        Value format = DEFAULT_FORMAT;
        Value locale = C_LOCALE;
        Value timezone = Value.EMPTY;
        boolean gmt = false;
        boolean sawGmt = false;
        boolean sawTimezone = false;
        for (int i = 2; i < a.length; i += 2) {
            String option;
            try {
                option = FORMAT_OPTIONS[OptionTable.lookup(a[i], "option", FORMAT_OPTIONS)];
            } catch (TclException e) {
                e.setErrorCode(Value.ofStrings(List.of("CLOCK", "badOption", a[i].toString())));
                throw e;
            }
            switch (option) {
                case "-format" -> format = a[i + 1];
                case "-gmt" -> {
                    gmt = a[i + 1].asBoolean();
                    sawGmt = true;
                }
                case "-locale" -> locale = a[i + 1];
                default -> {
                    timezone = a[i + 1];
                    sawTimezone = true;
                }
            }
        }
        wide(a[1]);
        if (sawGmt && sawTimezone) {
            throw TclException.error("cannot use -gmt and -timezone in same call", "CLOCK", "gmtWithTimezone");
        }
        if (gmt) timezone = GMT;
        return Value.ofList(List.of(format, locale, timezone));
    }

    /** The process environment as the script sees it: its env array. */
    private static Value getenv(Interp in, Value[] a) throws TclException {
        if (a.length != 2) throw TclException.wrongArgs(a, 1, "name");
        Map<String, Value> env = in.arrayView("::env");
        Value v = env == null ? null : env.get(a[1].toString());
        return v == null ? Value.EMPTY : v;
    }

    // ---- conversions -------------------------------------------------------------------------------

    /** Tcl_GetWideIntFromObj and then the check for a bignum that GetDateFields makes. */
    private static long wide(Value v) throws TclException {
        Number n = v.integerOrNull();
        if (n instanceof Long l) return l;
        if (n == null) throw TclException.error("expected integer but got \"" + v + "\"", "TCL", "VALUE", "NUMBER");
        if (((BigInteger) n).abs().bitLength() > 64) {
            String m = "integer value too large to represent";
            throw TclException.error(m, "ARITH", "IOVERFLOW", m);
        }
        throw TclException.error("integer value too large to represent");
    }

    private static boolean era(Map<String, Value> d) throws TclException {
        Value v = d.get("era");
        if (v == null) throw TclException.error("expected key(s) not found in dictionary");
        String s = v.toString();
        if (s.equals("CE")) return false;
        if (s.equals("BCE")) return true;
        throw TclException.error("bad era \"" + s + "\": must be CE or BCE", "TCL", "LOOKUP", "INDEX", "era", s);
    }

    private static int intField(Map<String, Value> d, String key) throws TclException {
        Value v = d.get(key);
        if (v == null) throw TclException.error("expected key(s) not found in dictionary");
        return v.asInt();
    }

    /** The transition row in effect at tick: the last one at or before it (the first if none is). */
    private static List<Value> lastTransition(long tick, List<Value> rows) throws TclException {
        if (tick < rows.get(0).asList().get(0).asLong()) return rows.get(0).asList();
        int l = 0;
        int u = rows.size() - 1;
        while (l < u) {
            int m = (l + u + 1) / 2;
            if (tick >= rows.get(m).asList().get(0).asLong()) l = m;
            else u = m - 1;
        }
        return rows.get(l).asList();
    }

    private static void convertUtcToLocal(Interp in, Fields f, Value tzdata, int changeover) throws TclException {
        List<Value> rows = tzdata.asList();
        if (!rows.isEmpty()) {
            List<Value> row = lastTransition(f.seconds, rows);
            f.tzOffset = row.get(1).asInt();
            f.tzName = row.get(3);
            f.localSeconds = f.seconds + f.tzOffset;
            return;
        }
        rows = envZoneRows(in);
        if (rows == null) {
            utcToLocalBySystem(f, changeover);
            return;
        }
        f.tzOffset = lastTransition(f.seconds, rows).get(1).asInt();
        f.localSeconds = f.seconds + f.tzOffset;
        f.tzName = Value.of(numericZoneName(f.tzOffset));
    }

    /**
     * For :localtime (an empty table), the rules of the script's env(TZ) as C's localtime would
     * read them: a POSIX TZ string or a zone name, turned into a table by clock.tcl itself; null
     * when TZ is unset or not understood (then the JVM's zone, which is the system's).
     */
    private static List<Value> envZoneRows(Interp in) {
        Map<String, Value> env = in.arrayView("::env");
        Value tz = env == null ? null : env.get("TZ");
        if (tz == null || tz.toString().isEmpty()) return null;
        try {
            in.invoke(new Value[] {Value.of("::tcl::clock::SetupTimeZone"), tz});
            List<Value> rows = in.getVar("::tcl::clock::TZData", tz.toString()).asList();
            return rows.isEmpty() ? null : rows;
        } catch (TclException e) {
            return null;
        }
    }

    /** Tcl's search: start from local == UTC and follow offsets until one repeats (a gap ends too). */
    private static void localToUtcByTable(Fields f, List<Value> rows) throws TclException {
        int[] have = new int[8];
        int nHave = 0;
        f.seconds = f.localSeconds;
        while (true) {
            f.tzOffset = lastTransition(f.seconds, rows).get(1).asInt();
            int i = 0;
            while (i < nHave && have[i] != f.tzOffset) i++;
            if (i < nHave) {
                f.tzOffset = have[i];
                f.seconds = f.localSeconds - f.tzOffset;
                return;
            }
            if (nHave == have.length) throw TclException.error("loop in ConvertLocalToUTCUsingTable");
            have[nHave++] = f.tzOffset;
            f.seconds = f.localSeconds - f.tzOffset;
        }
    }

    /** C's localtime: the system zone, the name being the offset as +hhmm(ss). */
    private static void utcToLocalBySystem(Fields f, int changeover) throws TclException {
        LocalDateTime t;
        try {
            t = LocalDateTime.ofInstant(Instant.ofEpochSecond(f.seconds), ZoneId.systemDefault());
        } catch (RuntimeException e) {
            throw TclException.error("localtime failed (clock value may be too large/small to represent)",
                    "CLOCK", "localtimeFailed");
        }
        f.bce = false;
        f.year = t.getYear();
        f.month = t.getMonthValue();
        f.dayOfMonth = t.getDayOfMonth();
        julianDayFromEraYearMonthDay(f, changeover);
        f.localSeconds = ((f.julianDay * 24L + t.getHour()) * 60 + t.getMinute()) * 60 + t.getSecond()
                - JULIAN_SEC_POSIX_EPOCH;
        f.tzOffset = (int) (f.localSeconds - f.seconds);
        f.tzName = Value.of(numericZoneName(f.tzOffset));
    }

    /** The zone name C's localtime path gives: the offset as +hhmm, seconds added when there are some. */
    private static String numericZoneName(int offset) {
        StringBuilder name = new StringBuilder(offset < 0 ? "-" : "+");
        int diff = Math.abs(offset);
        name.append(String.format("%02d%02d", diff / 3600, diff % 3600 / 60));
        if (diff % 60 > 0) name.append(String.format("%02d", diff % 60));
        return name.toString();
    }

    /** C's mktime: the local date and time in the system zone (the earlier offset in an overlap). */
    private static void localToUtcBySystem(Fields f, int changeover) throws TclException {
        long jsec = f.localSeconds + JULIAN_SEC_POSIX_EPOCH;
        f.julianDay = (int) (jsec / SECONDS_PER_DAY);
        int secondOfDay = (int) (jsec % SECONDS_PER_DAY);
        if (secondOfDay < 0) {
            secondOfDay += (int) SECONDS_PER_DAY;
            f.julianDay--;
        }
        gregorianEraYearDay(f, changeover);
        monthDay(f);
        try {
            LocalDateTime t = LocalDateTime.of(f.bce ? 1 - f.year : f.year, 1, 1, 0, 0)
                    .plusMonths(f.month - 1).plusDays(f.dayOfMonth - 1).plusSeconds(secondOfDay);
            f.seconds = t.atZone(ZoneId.systemDefault()).toEpochSecond();
        } catch (RuntimeException e) {
            throw TclException.error("time value too large/small to represent");
        }
    }

    // ---- calendar arithmetic (Tcl's, including its int truncation) -------------------------------------

    private static void yearWeekDay(Fields f, int changeover) {
        Fields temp = new Fields();
        temp.julianDay = f.julianDay - 3;
        gregorianEraYearDay(temp, changeover);
        temp.iso8601Year = temp.bce ? temp.year - 1 : temp.year + 1;
        temp.iso8601Week = 1;
        temp.dayOfWeek = 1;
        julianDayFromEraYearWeekDay(temp, changeover);
        if (f.julianDay < temp.julianDay) {
            temp.iso8601Year += temp.bce ? 1 : -1;
            julianDayFromEraYearWeekDay(temp, changeover);
        }
        f.iso8601Year = temp.iso8601Year;
        int dayOfFiscalYear = f.julianDay - temp.julianDay;
        f.iso8601Week = dayOfFiscalYear / 7 + 1;
        f.dayOfWeek = (dayOfFiscalYear + 1) % 7;
        if (f.dayOfWeek < 1) f.dayOfWeek += 7;
    }

    private static void gregorianEraYearDay(Fields f, int changeover) {
        int jday = f.julianDay;
        int day;
        int year = 1;
        int n;
        if (jday >= changeover) {
            f.gregorian = true;
            day = jday - JDAY_1_JAN_1_CE_GREGORIAN;
            n = day / FOUR_CENTURIES;
            day %= FOUR_CENTURIES;
            if (day < 0) {
                day += FOUR_CENTURIES;
                n--;
            }
            year += 400 * n;
            n = day / ONE_CENTURY_GREGORIAN;
            day %= ONE_CENTURY_GREGORIAN;
            if (n > 3) {
                n = 3; // 31 December in the last year of a 400-year cycle
                day += ONE_CENTURY_GREGORIAN;
            }
            year += 100 * n;
        } else {
            f.gregorian = false;
            day = jday - JDAY_1_JAN_1_CE_JULIAN;
        }
        n = day / FOUR_YEARS;
        day %= FOUR_YEARS;
        if (day < 0) {
            day += FOUR_YEARS;
            n--;
        }
        year += 4 * n;
        n = day / ONE_YEAR;
        day %= ONE_YEAR;
        if (n > 3) {
            n = 3; // 31 December of a leap year
            day += 365;
        }
        year += n;
        if (year <= 0) {
            f.bce = true;
            f.year = 1 - year;
        } else {
            f.bce = false;
            f.year = year;
        }
        f.dayOfYear = day + 1;
    }

    private static void monthDay(Fields f) {
        int day = f.dayOfYear;
        int[] h = DAYS_IN_MONTH[isLeapYear(f) ? 1 : 0];
        int month = 0;
        while (month < 12 && day > h[month]) day -= h[month++];
        f.month = month + 1;
        f.dayOfMonth = day;
    }

    private static void julianDayFromEraYearWeekDay(Fields f, int changeover) {
        Fields firstWeek = new Fields();
        firstWeek.bce = f.bce;
        firstWeek.year = f.iso8601Year;
        firstWeek.month = 1;
        firstWeek.dayOfMonth = 4; // 4 January is always in week 1
        julianDayFromEraYearMonthDay(firstWeek, changeover);
        int firstMonday = weekdayOnOrBefore(1, firstWeek.julianDay);
        f.julianDay = firstMonday + 7 * (f.iso8601Week - 1) + f.dayOfWeek - 1;
    }

    private static void julianDayFromEraYearMonthDay(Fields f, int changeover) {
        int year = f.bce ? 1 - f.year : f.year;
        int mm1 = f.month - 1;
        int q = mm1 / 12;
        int r = mm1 % 12;
        if (r < 0) {
            r += 12;
            q -= 1;
        }
        year += q;
        int month = r + 1;
        int ym1 = year - 1;
        f.gregorian = true;
        if (year < 1) {
            f.bce = true;
            f.year = 1 - year;
        } else {
            f.bce = false;
            f.year = year;
        }
        int ym1o4 = ym1 >= 0 ? ym1 / 4 : -(int) (Integer.toUnsignedLong(-ym1) / 4);
        if (ym1 % 4 < 0) ym1o4--;
        int ym1o100 = ym1 / 100;
        if (ym1 % 100 < 0) ym1o100--;
        int ym1o400 = ym1 / 400;
        if (ym1 % 400 < 0) ym1o400--;
        f.julianDay = JDAY_1_JAN_1_CE_GREGORIAN - 1 + f.dayOfMonth
                + DAYS_IN_PRIOR_MONTHS[isLeapYear(f) ? 1 : 0][month - 1]
                + ONE_YEAR * ym1 + ym1o4 - ym1o100 + ym1o400;
        if (f.julianDay < changeover) {
            f.gregorian = false;
            f.julianDay = JDAY_1_JAN_1_CE_JULIAN - 1 + f.dayOfMonth
                    + DAYS_IN_PRIOR_MONTHS[year % 4 == 0 ? 1 : 0][month - 1]
                    + 365 * ym1 + ym1o4;
        }
    }

    private static boolean isLeapYear(Fields f) {
        int year = f.bce ? 1 - f.year : f.year;
        if (year % 4 != 0) return false;
        if (!f.gregorian) return true;
        return year % 400 == 0 || year % 100 != 0;
    }

    private static int weekdayOnOrBefore(int dayOfWeek, int julianDay) {
        int k = (dayOfWeek + 6) % 7;
        if (k < 0) k += 7;
        return julianDay - (julianDay - k) % 7;
    }
}
