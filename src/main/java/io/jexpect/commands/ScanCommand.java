package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** scan (Tcl_ScanObjCmd): the format is validated first (ValidateFormat), then applied to the input. */
final class ScanCommand {
    private ScanCommand() {}

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    static Value scan(Interp in, Value[] a) throws TclException {
        if (a.length < 3) throw TclException.wrongArgs(a, 1, "string format ?varName ...?");
        String str = a[1].toString();
        String f = a[2].toString();
        int numVars = a.length - 3;
        int totalVars = validate(f, numVars);
        Value[] objs = new Value[totalVars];
        boolean underflow = false;
        int nconversions = 0;
        int objIndex = 0;
        int s = 0, p = 0;
        int sn = str.length(), fn = f.length();
        scan:
        while (p < fn) {
            char ch = f.charAt(p++);
            if (isSpace(ch)) {
                while (s < sn && isSpace(str.charAt(s))) s++;
                continue;
            }
            if (ch != '%' || (p < fn && f.charAt(p) == '%')) {
                if (ch == '%') p++;
                if (s >= sn) {
                    underflow = true;
                    break;
                }
                if (str.charAt(s++) != ch) break;
                continue;
            }
            ch = f.charAt(p++);
            boolean suppress = false;
            if (ch == '*') {
                suppress = true;
                ch = f.charAt(p++);
            } else if (Character.isDigit(ch)) {
                int q = p - 1;
                while (q < fn && Character.isDigit(f.charAt(q))) q++;
                if (q < fn && f.charAt(q) == '$') {
                    objIndex = Integer.parseInt(f.substring(p - 1, q)) - 1;
                    p = q + 1;
                    ch = f.charAt(p++);
                }
            }
            int width = 0;
            if (Character.isDigit(ch)) {
                int q = p - 1;
                while (q < fn && Character.isDigit(f.charAt(q))) q++;
                width = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(f.substring(p - 1, q)));
                p = q;
                ch = f.charAt(p++);
            }
            int size = 0; // 0 long, 1 wide (l/L), 2 bignum (ll)
            if (ch == 'l' && p < fn && f.charAt(p) == 'l') {
                size = 2;
                p++;
                ch = f.charAt(p++);
            } else if (ch == 'l' || ch == 'L') {
                size = 1;
                ch = f.charAt(p++);
            } else if (ch == 'h') {
                ch = f.charAt(p++);
            }
            if (ch == 'n') {
                if (!suppress) objs[objIndex++] = Value.of(s);
                nconversions++;
                continue;
            }
            if (s >= sn) {
                underflow = true;
                break;
            }
            if (ch != 'c' && ch != '[') {
                while (s < sn && isSpace(str.charAt(s))) s++;
                if (s >= sn) {
                    underflow = true;
                    break;
                }
            }
            int limit = width == 0 ? sn : (int) Math.min(sn, (long) s + width);
            Value result;
            switch (ch) {
                case 's' -> {
                    int end = s;
                    while (end < limit && !isSpace(str.charAt(end))) end++;
                    result = Value.of(str.substring(s, end));
                    s = end;
                }
                case '[' -> {
                    int close = setEnd(f, p);
                    String set = f.substring(p, close);
                    p = close + 1;
                    int end = s;
                    while (end < limit && inSet(set, str.charAt(end))) end++;
                    if (end == s) break scan;
                    result = Value.of(str.substring(s, end));
                    s = end;
                }
                case 'c' -> {   // Tcl 8.6.13 joins a surrogate pair into one code point here
                    int cp = str.codePointAt(s);
                    s += Character.charCount(cp);
                    result = Value.of((long) cp);
                }
                case 'f', 'e', 'E', 'g', 'G' -> {
                    int end = floatPrefix(str, s, limit);
                    if (end < 0) {
                        if (-end - 1 >= limit && limit == sn) underflow = true;
                        break scan;
                    }
                    String text = str.substring(s, end);
                    String low = text.toLowerCase();
                    if (low.endsWith("nan")) break scan; // Tcl cannot hold a NaN here
                    double d = low.contains("inf") ? (text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                            : Double.parseDouble(text);
                    s = end;
                    result = Value.of(d);
                }
                default -> {
                    int radix = switch (ch) {
                        case 'o' -> 8;
                        case 'x', 'X' -> 16;
                        case 'b' -> 2;
                        case 'i' -> 0;
                        default -> 10;
                    };
                    long[] endOut = new long[1];
                    BigInteger v = intPrefix(str, s, limit, radix, endOut);
                    if (v == null) {
                        if (endOut[0] >= limit && limit == sn) underflow = true;
                        break scan;
                    }
                    s = (int) endOut[0];
                    boolean unsigned = ch == 'u';
                    if (size == 2) {
                        if (unsigned && v.signum() < 0) throw TclException.error("unsigned bignum scans are invalid");
                        result = Value.of(v);
                    } else {
                        // As TclGetLongFromObj: a magnitude below 2^64 wraps to 64 bits, a larger one is
                        // clamped by its sign; then unsigned reinterpretation for %u.
                        long l = v.abs().bitLength() <= 64 ? v.longValue() : v.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
                        result = unsigned && l < 0 ? Value.of(BigInteger.valueOf(l).add(TWO_64)) : Value.of(l);
                    }
                }
            }
            if (!suppress) objs[objIndex++] = result;
            nconversions++;
        }
        if (numVars > 0) {
            if (underflow && nconversions == 0) return Value.of(-1);
            int count = 0;
            TclException failed = null; // as Tcl: every variable is set, the first failure is reported
            for (int i = 0; i < totalVars; i++) {
                if (objs[i] != null) {
                    count++;
                    try {
                        in.setVar(a[3 + i].toString(), objs[i]);
                    } catch (TclException e) {
                        if (failed == null) failed = e;
                    }
                }
            }
            if (failed != null) throw failed;
            return Value.of(count);
        }
        if (underflow && nconversions == 0) return Value.EMPTY;
        List<Value> list = new ArrayList<>(totalVars);
        for (Value v : objs) list.add(v == null ? Value.EMPTY : v);
        return Value.ofList(list);
    }

    /** ValidateFormat: checks the format and returns the number of result slots. */
    private static int validate(String f, int numVars) throws TclException {
        List<Integer> nassign = new ArrayList<>();
        int objIndex = 0, xpgSize = 0;
        boolean gotXpg = false, gotSequential = false;
        int n = f.length(), p = 0;
        while (p < n) {
            char ch = f.charAt(p++);
            if (ch != '%') continue;
            ch = at(f, p++);
            if (ch == '%') continue;
            boolean suppress = false;
            if (ch == '*') {
                suppress = true;
                ch = at(f, p++);
            } else {
                boolean xpg = false;
                if (Character.isDigit(ch)) {
                    int q = p - 1;
                    while (q < n && Character.isDigit(f.charAt(q))) q++;
                    if (q < n && f.charAt(q) == '$') {
                        xpg = true;
                        long value;
                        try {
                            value = Long.parseLong(f.substring(p - 1, q));
                        } catch (NumberFormatException e) {
                            value = Long.MAX_VALUE;
                        }
                        p = q + 1;
                        ch = at(f, p++);
                        gotXpg = true;
                        if (gotSequential) throw mixed();
                        if (value < 1 || (numVars > 0 && value > numVars) || value > 1_000_000) {
                            throw TclException.error("\"%n$\" argument index out of range");
                        }
                        objIndex = (int) value - 1;
                        if (numVars == 0) xpgSize = Math.max(xpgSize, (int) value);
                    }
                }
                if (!xpg) {
                    gotSequential = true;
                    if (gotXpg) throw mixed();
                }
            }
            boolean gotWidth = false;
            if (Character.isDigit(ch)) {
                while (p < n && Character.isDigit(f.charAt(p))) p++;
                gotWidth = true;
                ch = at(f, p++);
            }
            boolean big = false;
            if (ch == 'l' && p < n && f.charAt(p) == 'l') {
                big = true;
                p++;
                ch = at(f, p++);
            } else if (ch == 'l' || ch == 'L' || ch == 'h') {
                ch = at(f, p++);
            }
            if (!suppress && numVars > 0 && objIndex >= numVars) throw badIndex(gotXpg);
            switch (ch) {
                case 'c', 'n', 's' -> {
                    if (ch == 'c' && gotWidth) throw TclException.error("field width may not be specified in %c conversion");
                    if (big) throw TclException.error("field size modifier may not be specified in %" + ch + " conversion");
                }
                case 'd', 'e', 'E', 'f', 'g', 'G', 'i', 'o', 'x', 'X', 'b' -> { }
                case 'u' -> {
                    if (big) throw TclException.error("unsigned bignum scans are invalid");
                }
                case '[' -> {
                    if (big) throw TclException.error("field size modifier may not be specified in %[ conversion");
                    p = setEnd(f, p) + 1;
                }
                default -> throw TclException.error("bad scan conversion character \"" + ch + "\"");
            }
            if (!suppress) {
                while (nassign.size() <= objIndex) nassign.add(0);
                nassign.set(objIndex, nassign.get(objIndex) + 1);
                objIndex++;
            }
        }
        int total = numVars > 0 ? numVars : xpgSize > 0 ? xpgSize : objIndex;
        for (int i = 0; i < total; i++) {
            int count = i < nassign.size() ? nassign.get(i) : 0;
            if (count > 1) throw TclException.error("variable is assigned by multiple \"%n$\" conversion specifiers");
            if (xpgSize == 0 && count == 0) throw TclException.error("variable is not assigned by any conversion specifiers");
        }
        return total;
    }

    private static char at(String f, int i) {
        return i < f.length() ? f.charAt(i) : 0;
    }

    private static TclException mixed() {
        return TclException.error("cannot mix \"%\" and \"%n$\" conversion specifiers");
    }

    private static TclException badIndex(boolean xpg) {
        return TclException.error(xpg ? "\"%n$\" argument index out of range"
                : "different numbers of variable names and field specifiers");
    }

    /** The index of the ] closing a set whose text starts at p (a leading ^ and a first ] are members). */
    private static int setEnd(String f, int p) throws TclException {
        int q = p;
        if (q < f.length() && f.charAt(q) == '^') q++;
        if (q < f.length() && f.charAt(q) == ']') q++;
        while (q < f.length() && f.charAt(q) != ']') q++;
        if (q >= f.length()) throw TclException.error("unmatched [ in format string");
        return q;
    }

    private static boolean inSet(String set, char c) {
        boolean negate = set.startsWith("^");
        int i = negate ? 1 : 0;
        boolean found = false;
        if (i < set.length() && set.charAt(i) == ']') {
            found = c == ']';
            i++;
        }
        for (; i < set.length() && !found; i++) {
            char a = set.charAt(i);
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                char b = set.charAt(i + 2);
                found = (a <= c && c <= b) || (b <= c && c <= a);
                i += 2;
            } else {
                found = a == c;
            }
        }
        return found != negate;
    }

    /**
     * The longest integer prefix of str[s, limit) in the radix (0: %i's 0x or 0 prefixes), as TclParseNumber finds it; null if there is none, with endOut at where it stopped.
     */
    private static BigInteger intPrefix(String str, int s, int limit, int radix, long[] endOut) {
        int i = s;
        boolean neg = false;
        if (i < limit && (str.charAt(i) == '+' || str.charAt(i) == '-')) {
            neg = str.charAt(i) == '-';
            i++;
        }
        int digitsStart = i;
        if (i + 1 < limit && str.charAt(i) == '0') {
            char x = Character.toLowerCase(str.charAt(i + 1));
            // As TclParseNumber with TCL_PARSE_SCAN_PREFIXES: 0x for %x and %i, 0b for %b; never 0o or 0d.
            int r = x == 'x' ? 16 : x == 'b' ? 2 : -1;
            if (r > 0 && (radix == 0 ? r == 16 : radix == r) && i + 2 < limit && Character.digit(str.charAt(i + 2), r) >= 0
                    && str.charAt(i + 2) < 0x80) {
                radix = r;
                i += 2;
                digitsStart = i;
            } else if (radix == 0) {
                radix = 8;
            }
        }
        if (radix == 0) radix = 10;
        int j = i;
        while (j < limit && str.charAt(j) < 0x80 && Character.digit(str.charAt(j), radix) >= 0) j++;
        if (j == digitsStart) {
            endOut[0] = j;
            return null;
        }
        endOut[0] = j;
        BigInteger v = new BigInteger(str.substring(digitsStart, j), radix);
        return neg ? v.negate() : v;
    }

    /** End of the longest decimal float prefix (also Inf/Infinity/NaN) of str[s, limit), or -(stop+1). */
    private static int floatPrefix(String str, int s, int limit) {
        int i = s;
        if (i < limit && (str.charAt(i) == '+' || str.charAt(i) == '-')) i++;
        for (String word : new String[] {"infinity", "inf", "nan"}) {
            if (str.regionMatches(true, i, word, 0, word.length()) && i + word.length() <= limit) return i + word.length();
        }
        int digits = 0;
        while (i < limit && isDigit(str.charAt(i))) { i++; digits++; }
        if (i < limit && str.charAt(i) == '.') {
            int j = i + 1;
            int frac = 0;
            while (j < limit && isDigit(str.charAt(j))) { j++; frac++; }
            if (digits + frac > 0) {
                i = j;
                digits += frac;
            }
        }
        if (digits == 0) return -(i + 1);
        if (i < limit && (str.charAt(i) == 'e' || str.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < limit && (str.charAt(j) == '+' || str.charAt(j) == '-')) j++;
            int k = j;
            while (k < limit && isDigit(str.charAt(k))) k++;
            if (k > j) i = k;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || Character.isSpaceChar(c);
    }
}
