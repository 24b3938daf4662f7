package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ::tcl::clock::Oldscan, the free-form date parser of [clock scan] without -format: Tcl 8.6's
 * yacc grammar (tclGetDate.y) as a hand-written parser that takes the same decisions as the
 * generated LALR(1) one (a shift wins over a reduce, the number rule sees the digit count of the
 * token after it), with its words, zone table and "syntax error (characters F-L)" messages. It
 * returns the pieces clock.tcl's FreeScan assembles: date, time of day, zone, relative offsets,
 * relative weekday and ordinal month.
 */
final class ClockFreeScan {
    private ClockFreeScan() {}

    static void install(Interp in) {
        in.register("::tcl::clock::Oldscan", ClockFreeScan::oldscan);
    }

    // Token kinds; single characters are their own code, 0 is the end of the string.
    private static final int AGO = 256, DAY = 257, DAYZONE = 258, ID = 259, MERIDIAN = 260, MONTH = 261,
            MONTH_UNIT = 262, STARDATE = 263, SEC_UNIT = 264, UNUMBER = 265, ZONE = 266, EPOCH = 267, DST = 268,
            ISOBASE = 269, DAY_UNIT = 270, NEXT = 271;
    private static final int MER_AM = 0, MER_PM = 1, MER_24 = 2;
    private static final int DST_ON = 0, DST_OFF = 1, DST_MAYBE = 2;

    private record Word(int kind, long value) {}

    private static final Map<String, Word> MONTHS_AND_DAYS = table(
            "january", MONTH, 1, "february", MONTH, 2, "march", MONTH, 3, "april", MONTH, 4, "may", MONTH, 5,
            "june", MONTH, 6, "july", MONTH, 7, "august", MONTH, 8, "september", MONTH, 9, "sept", MONTH, 9,
            "october", MONTH, 10, "november", MONTH, 11, "december", MONTH, 12, "sunday", DAY, 0, "monday", DAY, 1,
            "tuesday", DAY, 2, "tues", DAY, 2, "wednesday", DAY, 3, "wednes", DAY, 3, "thursday", DAY, 4,
            "thur", DAY, 4, "thurs", DAY, 4, "friday", DAY, 5, "saturday", DAY, 6);
    private static final Map<String, Word> UNITS = table(
            "year", MONTH_UNIT, 12, "month", MONTH_UNIT, 1, "fortnight", DAY_UNIT, 14, "week", DAY_UNIT, 7,
            "day", DAY_UNIT, 1, "hour", SEC_UNIT, 3600, "minute", SEC_UNIT, 60, "min", SEC_UNIT, 60,
            "second", SEC_UNIT, 1, "sec", SEC_UNIT, 1);
    private static final Map<String, Word> OTHERS = table(
            "tomorrow", DAY_UNIT, 1, "yesterday", DAY_UNIT, -1, "today", DAY_UNIT, 0, "now", SEC_UNIT, 0,
            "last", UNUMBER, -1, "this", SEC_UNIT, 0, "next", NEXT, 1, "ago", AGO, 1, "epoch", EPOCH, 0,
            "stardate", STARDATE, 0);
    /** Minutes west of Greenwich (HOUR(x) of the C source is 60 * x, evaluated left to right). */
    private static final Map<String, Word> ZONES = table(
            "gmt", ZONE, 0, "ut", ZONE, 0, "utc", ZONE, 0, "uct", ZONE, 0, "wet", ZONE, 0, "bst", DAYZONE, 0,
            "wat", ZONE, 60, "at", ZONE, 120, "nft", ZONE, 210, "nst", ZONE, 210, "ndt", DAYZONE, 210,
            "ast", ZONE, 240, "adt", DAYZONE, 240, "est", ZONE, 300, "edt", DAYZONE, 300, "cst", ZONE, 360,
            "cdt", DAYZONE, 360, "mst", ZONE, 420, "mdt", DAYZONE, 420, "pst", ZONE, 480, "pdt", DAYZONE, 480,
            "yst", ZONE, 540, "ydt", DAYZONE, 540, "hst", ZONE, 600, "hdt", DAYZONE, 600, "cat", ZONE, 600,
            "ahst", ZONE, 600, "nt", ZONE, 660, "idlw", ZONE, 720, "cet", ZONE, -60, "cest", DAYZONE, -60,
            "met", ZONE, -60, "mewt", ZONE, -60, "mest", DAYZONE, -60, "swt", ZONE, -60, "sst", DAYZONE, -60,
            "fwt", ZONE, -60, "fst", DAYZONE, -60, "eet", ZONE, -120, "bt", ZONE, -180, "it", ZONE, -210,
            "zp4", ZONE, -240, "zp5", ZONE, -300, "ist", ZONE, -330, "zp6", ZONE, -360, "wast", ZONE, -420,
            "wadt", DAYZONE, -420, "jt", ZONE, -450, "cct", ZONE, -480, "jst", ZONE, -540, "jdt", DAYZONE, -540,
            "kst", ZONE, -540, "kdt", DAYZONE, -540, "cast", ZONE, -570, "cadt", DAYZONE, -570, "east", ZONE, -600,
            "eadt", DAYZONE, -600, "gst", ZONE, -600, "nzt", ZONE, -720, "nzst", ZONE, -720, "nzdt", DAYZONE, -720,
            "idle", ZONE, -720, "dst", DST, 0);
    /** Single letters: the military zones (j is not one). */
    private static final String MILITARY = "abcdefghiklmnopqrstuvwxyz";
    private static final int[] MILITARY_MINUTES = {-60, -120, -180, -240, -300, -360, -420, -480, -540, -600, -660, -720,
        60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 660, 720, 0};

    private static Map<String, Word> table(Object... rows) {
        Map<String, Word> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < rows.length; i += 3) {
            m.put((String) rows[i], new Word((Integer) rows[i + 1], ((Integer) rows[i + 2]).longValue()));
        }
        return m;
    }

    private static Value oldscan(Interp in, Value[] a) throws TclException {
        if (a.length != 5) throw TclException.wrongArgs(a, 1, "stringToParse baseYear baseMonth baseDay");
        Parser p = new Parser(a[1].toString().getBytes(StandardCharsets.UTF_8));
        p.year = a[2].asInt();
        p.month = a[3].asInt();
        p.day = a[4].asInt();
        p.parse();
        if (p.haveDate > 1) throw multiple("date");
        if (p.haveTime > 1) throw multiple("time of day");
        if (p.haveZone > 1) throw multiple("time zone");
        if (p.haveDay > 1) throw multiple("weekday");
        if (p.haveOrdinalMonth > 1) throw multiple("ordinal month");
        List<Value> result = new ArrayList<>();
        result.add(p.haveDate > 0 ? ints(p.year, p.month, p.day) : Value.EMPTY);
        result.add(p.haveTime > 0 ? Value.of((int) toSeconds(p.hour, p.minutes, p.seconds, p.meridian)) : Value.EMPTY);
        result.add(p.haveZone > 0 ? ints(-p.timezone, 1 - p.dstMode) : Value.EMPTY);
        result.add(p.haveRel > 0 ? ints(p.relMonth, p.relDay, p.relSeconds) : Value.EMPTY);
        result.add(p.haveDay > 0 && p.haveDate == 0 ? ints(p.dayOrdinal, p.dayNumber) : Value.EMPTY);
        result.add(p.haveOrdinalMonth > 0 ? ints(p.monthOrdinal, p.month) : Value.EMPTY);
        return Value.ofList(result);
    }

    private static TclException multiple(String what) {
        return TclException.error("more than one " + what + " in string", "TCL", "VALUE", "DATE", "MULTIPLE");
    }

    private static Value ints(long... values) {
        List<Value> l = new ArrayList<>();
        for (long v : values) l.add(Value.of((int) v));
        return Value.ofList(l);
    }

    private static long toSeconds(long hours, long minutes, long seconds, int meridian) {
        if (minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) return -1;
        return switch (meridian) {
            case MER_24 -> hours < 0 || hours > 23 ? -1 : (hours * 60 + minutes) * 60 + seconds;
            case MER_AM -> hours < 1 || hours > 12 ? -1 : ((hours % 12) * 60 + minutes) * 60 + seconds;
            default -> hours < 1 || hours > 12 ? -1 : ((hours % 12 + 12) * 60 + minutes) * 60 + seconds;
        };
    }

    private record Token(int kind, long value, int first, int last, String word) {
        Token(int kind, long value, int first, int last) {
            this(kind, value, first, last, null);
        }

        /** The letter T (the military zone word) that joins an ISO 8601 date and time. */
        boolean isT() {
            return "t".equals(word);
        }
    }

    /** Raised to end the parse: a syntax error carries its message, an abort an empty one. */
    private static final class Stop extends Exception {
        Stop(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Parser {
        final byte[] in;
        int pos;
        int digitCount;
        Token ahead;

        long year, month, day, hour, minutes, seconds, timezone, relMonth, relDay, relSeconds;
        long monthOrdinal, dayOrdinal, dayNumber;
        int meridian = MER_24, dstMode = DST_MAYBE;
        int haveDate, haveTime, haveZone, haveRel, haveOrdinalMonth, haveDay;

        Parser(byte[] in) {
            this.in = in;
        }

        void parse() throws TclException {
            try {
                while (peek().kind != 0) item();
            } catch (Stop s) {
                throw TclException.error(s.getMessage(), "TCL", "VALUE", "DATE", "PARSE");
            }
        }

        // ---- the grammar ------------------------------------------------------------------------

        private void item() throws Stop {
            Token t = next();
            switch (t.kind) {
                case UNUMBER -> afterNumber(t);
                case ISOBASE -> afterIsoBase(t);
                case ZONE -> {
                    timezone = t.value;
                    dstMode = DST_OFF;
                    if (peek().kind == DST) {
                        next();
                        dstMode = DST_ON;
                    }
                    haveZone++;
                }
                case DAYZONE -> {
                    timezone = t.value;
                    dstMode = DST_ON;
                    haveZone++;
                }
                case DAY -> {
                    if (peek().kind == ',') next();
                    weekday(1, t.value);
                }
                case '-', '+' -> {
                    long sign = t.kind == '-' ? -1 : 1;
                    long n = expect(UNUMBER).value;
                    int k = peek().kind;
                    if (k == DAY) {
                        weekday(sign * n, next().value);
                    } else if (k == SEC_UNIT || k == DAY_UNIT || k == MONTH_UNIT) {
                        relative(sign * n, unit());
                    } else {
                        timezone = -sign * (n % 100 + (n / 100) * 60); // +hhmm
                        dstMode = DST_OFF;
                        haveZone++;
                    }
                }
                case NEXT -> afterNext();
                case MONTH -> {
                    long d = expect(UNUMBER).value;
                    if (peek().kind == ',') {
                        next();
                        date(expect(UNUMBER).value, t.value, d);
                    } else {
                        date(year, t.value, d);
                    }
                }
                case EPOCH -> date(1970, 1, 1);
                case STARDATE -> {
                    long n = expect(UNUMBER).value;
                    expect('.');
                    long fraction = expect(UNUMBER).value;
                    // The year is offset by -377 so that the years fall in a 32-bit clock's range.
                    year = n / 1000 + 2323 - 377;
                    day = 1;
                    month = 1;
                    relDay += ((n % 1000) * (365 + (isLeapYear(year) ? 1 : 0))) / 1000;
                    relSeconds += fraction * 144 * 60;
                    haveTime++;
                    haveDate++;
                    haveRel++;
                }
                case SEC_UNIT, DAY_UNIT, MONTH_UNIT -> {
                    ahead = t;
                    relative(1, unit());
                }
                default -> throw syntaxError(t);
            }
        }

        private void afterNumber(Token n) throws Stop {
            Token t = peek();
            switch (t.kind) {
                case MERIDIAN -> time(n.value, 0, 0, (int) next().value);
                case ':' -> {
                    next();
                    long m = expect(UNUMBER).value;
                    Token u = peek();
                    if (u.kind == MERIDIAN) {
                        time(n.value, m, 0, (int) next().value);
                    } else if (u.kind == ':') {
                        next();
                        long s = expect(UNUMBER).value;
                        if (peek().kind == MERIDIAN) time(n.value, m, s, (int) next().value);
                        else time(n.value, m, s, MER_24);
                    } else {
                        time(n.value, m, 0, MER_24);
                    }
                }
                case DAY -> weekday(n.value, next().value);
                case '/' -> {
                    next();
                    long d = expect(UNUMBER).value;
                    if (peek().kind == '/') {
                        next();
                        date(expect(UNUMBER).value, n.value, d);
                    } else {
                        date(year, n.value, d);
                    }
                }
                case '-' -> {
                    next();
                    Token u = next();
                    if (u.kind == MONTH) {
                        expect('-');
                        date(expect(UNUMBER).value, u.value, n.value);
                    } else if (u.kind == UNUMBER) {
                        expect('-');
                        long d = expect(UNUMBER).value;
                        if (peek().kind == ZONE) {
                            // ISO 8601 yyyy-mm-ddThh:mm:ss
                            Token zone = next();
                            long h = expect(UNUMBER).value;
                            expect(':');
                            long mi = expect(UNUMBER).value;
                            expect(':');
                            long se = expect(UNUMBER).value;
                            if (!zone.isT()) throw new Stop("");
                            isoDateTime(n.value * 10000 + u.value * 100 + d, h, mi, se);
                        } else {
                            date(n.value, u.value, d);
                        }
                    } else {
                        throw syntaxError(u);
                    }
                }
                case MONTH -> {
                    next();
                    if (peek().kind == UNUMBER) date(next().value, t.value, n.value);
                    else date(year, t.value, n.value);
                }
                case SEC_UNIT, DAY_UNIT, MONTH_UNIT -> relative(n.value, unit());
                default -> number(n.value);
            }
        }

        private void afterIsoBase(Token base) throws Stop {
            Token t = peek();
            if (t.kind == ZONE) {
                next();
                Token u = next();
                long h, m, s;
                if (u.kind == ISOBASE) {
                    h = u.value / 10000;
                    m = (u.value % 10000) / 100;
                    s = u.value % 100;
                } else if (u.kind == UNUMBER) {
                    h = u.value;
                    expect(':');
                    m = expect(UNUMBER).value;
                    expect(':');
                    s = expect(UNUMBER).value;
                } else {
                    throw syntaxError(u);
                }
                if (!t.isT()) throw new Stop(""); // only the letter T may join date and time
                isoDateTime(base.value, h, m, s);
            } else if (t.kind == ISOBASE) {
                next();
                isoDateTime(base.value, t.value / 10000, (t.value % 10000) / 100, t.value % 100);
            } else {
                date(base.value / 10000, (base.value % 10000) / 100, base.value % 100);
            }
        }

        private void afterNext() throws Stop {
            Token t = next();
            switch (t.kind) {
                case DAY -> weekday(2, t.value);
                case MONTH -> ordinalMonth(1, t.value);
                case UNUMBER -> {
                    if (peek().kind == MONTH) ordinalMonth(t.value, next().value);
                    else relative(t.value, unit());
                }
                case SEC_UNIT, DAY_UNIT, MONTH_UNIT -> {
                    ahead = t;
                    relative(1, unit());
                }
                default -> throw syntaxError(t);
            }
        }

        /** The number rule: a year after a date and time, else a time of hours or hhmm. */
        private void number(long n) {
            if (haveTime > 0 && haveDate > 0 && haveRel == 0) {
                year = n;
                return;
            }
            haveTime++;
            if (digitCount <= 2) {
                hour = n;
                minutes = 0;
            } else {
                hour = n / 100;
                minutes = n % 100;
            }
            seconds = 0;
            meridian = MER_24;
        }

        private void time(long h, long m, long s, int mer) {
            hour = h;
            minutes = m;
            seconds = s;
            meridian = mer;
            haveTime++;
        }

        private void date(long y, long m, long d) {
            year = y;
            month = m;
            day = d;
            haveDate++;
        }

        private void isoDateTime(long base, long h, long m, long s) {
            year = base / 10000;
            month = (base % 10000) / 100;
            day = base % 100;
            hour = h;
            minutes = m;
            seconds = s;
            haveTime++;
            haveDate++;
        }

        private void weekday(long ordinal, long number) {
            dayOrdinal = ordinal;
            dayNumber = number;
            haveDay++;
        }

        private void ordinalMonth(long ordinal, long m) {
            monthOrdinal = ordinal;
            month = m;
            haveOrdinalMonth++;
        }

        /** A unit word: its kind says which relative field the amount goes to. */
        private Token unit() throws Stop {
            Token t = next();
            if (t.kind != SEC_UNIT && t.kind != DAY_UNIT && t.kind != MONTH_UNIT) throw syntaxError(t);
            return t;
        }

        /** relspec: amount units, then an optional "ago" that negates all relative fields. */
        private void relative(long amount, Token unit) throws Stop {
            long delta = amount * unit.value;
            switch (unit.kind) {
                case SEC_UNIT -> relSeconds += delta;
                case DAY_UNIT -> relDay += delta;
                default -> relMonth += delta;
            }
            if (peek().kind == AGO) {
                next();
                relSeconds *= -1;
                relMonth *= -1;
                relDay *= -1;
            }
            haveRel++;
        }

        private Token expect(int kind) throws Stop {
            Token t = next();
            if (t.kind != kind) throw syntaxError(t);
            return t;
        }

        private Stop syntaxError(Token t) {
            return new Stop("syntax error (characters " + t.first + "-" + t.last + ")");
        }

        // ---- the lexer --------------------------------------------------------------------------

        private Token peek() {
            if (ahead == null) ahead = lex();
            return ahead;
        }

        private Token next() {
            Token t = peek();
            ahead = null;
            return t;
        }

        private int at(int i) {
            return i < in.length ? in[i] : 0;
        }

        private Token lex() {
            int first = pos;
            while (true) {
                while (isSpace(at(pos))) pos++;
                int c = at(pos);
                if (c >= '0' && c <= '9') {
                    long value = 0;
                    int count = 0;
                    while (at(pos) >= '0' && at(pos) <= '9') {
                        value = 10 * value + at(pos++) - '0';
                        count++;
                    }
                    digitCount = count;
                    // A number of 6 or more digits is an ISO 8601 date or time.
                    return new Token(count >= 6 ? ISOBASE : UNUMBER, value, first, pos - 1);
                }
                if (isAlpha(c)) {
                    StringBuilder word = new StringBuilder();
                    while (isAlpha(at(pos)) || at(pos) == '.') {
                        if (word.length() < 19) word.append((char) at(pos));
                        pos++;
                    }
                    String lower = word.toString().toLowerCase(Locale.ROOT);
                    Word w = lookupWord(lower);
                    return new Token(w.kind, w.value, first, pos - 1, lower);
                }
                if (c != '(') {
                    Token t = new Token(c, 0, first, pos);
                    if (pos < in.length) pos++;
                    return t;
                }
                int depth = 0; // a parenthesised comment, nested
                do {
                    c = at(pos);
                    if (pos < in.length) pos++;
                    if (c == 0) return new Token(0, 0, first, pos - 1);
                    if (c == '(') depth++;
                    else if (c == ')') depth--;
                } while (depth > 0);
            }
        }

        private static boolean isSpace(int c) {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }

        private static boolean isAlpha(int c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static Word lookupWord(String buff) {
            if (buff.equals("am") || buff.equals("a.m.")) return new Word(MERIDIAN, MER_AM);
            if (buff.equals("pm") || buff.equals("p.m.")) return new Word(MERIDIAN, MER_PM);
            boolean abbrev = buff.length() == 3;
            if (buff.length() == 4 && buff.charAt(3) == '.') {
                abbrev = true;
                buff = buff.substring(0, 3);
            }
            for (Map.Entry<String, Word> e : MONTHS_AND_DAYS.entrySet()) {
                if (abbrev ? e.getKey().startsWith(buff) : e.getKey().equals(buff)) return e.getValue();
            }
            Word w = ZONES.get(buff);
            if (w == null) w = UNITS.get(buff);
            if (w != null) return w;
            // A plural: the word stays without its s for the lookups that follow, as in Tcl.
            if (buff.length() > 1 && buff.endsWith("s")) {
                buff = buff.substring(0, buff.length() - 1);
                w = UNITS.get(buff);
                if (w != null) return w;
            }
            w = OTHERS.get(buff);
            if (w != null) return w;
            if (buff.length() == 1 && MILITARY.indexOf(buff.charAt(0)) >= 0) {
                return new Word(ZONE, MILITARY_MINUTES[MILITARY.indexOf(buff.charAt(0))]);
            }
            String undotted = buff.replace(".", "");
            if (!undotted.equals(buff)) {
                w = ZONES.get(undotted);
                if (w != null) return w;
            }
            return new Word(ID, 0);
        }

        private static boolean isLeapYear(long y) {
            return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        }
    }
}
