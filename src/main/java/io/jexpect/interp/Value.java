package io.jexpect.interp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Tcl value: a string that also keeps the number or list form it was last used as, so a loop that
 * does arithmetic on a variable does not reparse its text each time. Values are immutable; the
 * cached forms are derived data.
 */
public final class Value {
    public static final Value EMPTY = new Value("", Collections.emptyList());
    public static final Value ZERO = new Value(0L);
    public static final Value ONE = new Value(1L);

    /**
     * tcl_precision: as in Tcl, one setting per thread, shared by the interpreters that run on it;
     * 0 means the shortest digits that read back as the same double.
     */
    private static final ThreadLocal<int[]> PRECISION = ThreadLocal.withInitial(() -> new int[1]);

    private String string;
    /**
     * Long, BigInteger, Double, or an unmodifiable List&lt;Value&gt;; null when only the string is
     * known; an AppendableText (append's result) until its string is asked for.
     */
    private Object rep;
    /** Built from its elements, its string (if any) made from them: Tcl's canonical list. */
    private boolean canonicalList;
    /** Built as a dictionary: what tcl::unsupported::representation reports. */
    private boolean dict;
    /**
     * TIP 280: where backslash-newlines were folded into spaces in this text (offsets), when the
     * value is a script word as written (Tcl's ContLineLoc); null for any other value.
     */
    private int[] continuations;
    /**
     * This text parsed as code (a script or an expression), as Tcl keeps a body's bytecode in its
     * object: a loop or an action body run again needs no lookup by its text. Null until parsed.
     */
    private Object code;

    private Value(String string) {
        this.string = string;
    }

    private Value(String string, Object rep) {
        this.string = string;
        this.rep = rep;
    }

    private Value(Object rep) {
        this.rep = rep;
    }

    public static Value of(String s) {
        return s.isEmpty() ? EMPTY : new Value(s);
    }

    public static Value of(long n) {
        if (n == 0) return ZERO;
        if (n == 1) return ONE;
        return new Value(n);
    }

    public static Value of(boolean b) {
        return b ? ONE : ZERO;
    }

    public static Value of(double d) {
        return new Value(d);
    }

    public static Value of(BigInteger n) {
        return n.bitLength() < 64 ? of(n.longValue()) : new Value(n);
    }

    /** Text in which backslash-newlines were folded into spaces at {@code continuations} (null: none). */
    public static Value ofFolded(String s, int[] continuations) {
        if (continuations == null || s.isEmpty()) return of(s);
        Value v = new Value(s);
        v.continuations = continuations;
        return v;
    }

    /**
     * TclContinuationsEnterDerived: this value is the text of {@code whole} from offset
     * {@code start} on, and takes the folds of whole's {@code continuations} inside it.
     */
    void deriveContinuations(int[] continuations, String whole, int start) {
        String s = toString();
        if (continuations == null || s.isEmpty() || !whole.startsWith(s, start)) return;
        int[] inside = java.util.Arrays.stream(continuations)
                .filter(c -> c >= start && c < start + s.length()).map(c -> c - start).toArray();
        if (inside.length > 0) this.continuations = inside;
    }

    /** This text's parsed form as code (see {@link #code}), or null. */
    public Object code() {
        return code;
    }

    /** Keeps this text's parsed form; the parse must depend on the text alone. */
    public void keepCode(Object parsed) {
        code = parsed;
    }

    /** Where this value's text had backslash-newlines folded (see ofFolded), or null. */
    public int[] continuations() {
        return continuations;
    }

    /** A number that keeps the text it was written as ("0x10", "01"), as a Tcl literal does. */
    public static Value ofNumber(String text, Number n) {
        return new Value(text, n);
    }

    /** A list value; the list must not be modified afterwards. */
    public static Value ofList(List<Value> items) {
        if (items.isEmpty()) return EMPTY;
        Value v = new Value(Collections.unmodifiableList(items));
        v.canonicalList = true;
        return v;
    }

    /** The list {@code base} followed by {@code items[from..]}: lappend, amortised constant time per item. */
    public static Value ofAppended(Value base, Value[] items, int from) throws TclException {
        List<Value> list = AppendableList.extend(base.asList(), items, from);
        if (list.isEmpty()) return EMPTY;
        Value v = new Value(list);
        v.canonicalList = true;
        return v;
    }

    /**
     * The text of {@code base} followed by those of {@code items[from..]}, keeping base's folded
     * continuation lines: Tcl's append, amortised constant time per char.
     */
    public static Value ofAppendedText(Value base, Value[] items, int from) {
        AppendableText text = AppendableText.extend(base, items, from);
        if (text.length() == 0) return EMPTY;
        Value v = new Value(text);
        v.continuations = base.continuations;
        return v;
    }

    /** A dictionary built by the dict commands: a list of keys and values that says it is a dict. */
    public static Value ofDict(List<Value> keysAndValues) {
        Value v = ofList(keysAndValues);
        if (v != EMPTY) v.dict = true;
        return v;
    }

    /**
     * A list built from its elements (Tcl's canonical list): evaluated as a script, it is one
     * command whose words are those elements, unparsed.
     */
    public boolean isCanonicalList() {
        return canonicalList;
    }

    public static Value ofStrings(List<String> items) {
        List<Value> vs = new ArrayList<>(items.size());
        for (String s : items) vs.add(of(s));
        return ofList(vs);
    }

    /**
     * The kind of internal form this value holds besides its text, in Tcl's words ("int",
     * "bignum", "double", "list", "dict"), or "pure string" when it holds only text.
     */
    public String internalType() {
        if (rep == null || rep instanceof AppendableText) return "pure string";
        if (rep instanceof Long) return "int";
        if (rep instanceof BigInteger) return "bignum";
        if (rep instanceof Double) return "double";
        return dict ? "dict" : "list";
    }

    /** Whether the text of the value has been generated (or was given) yet. */
    public boolean hasStringRep() {
        return string != null || rep instanceof AppendableText;
    }

    /** Whether the text is empty, answered without generating the text. */
    public boolean isEmptyString() {
        if (string != null) return string.isEmpty();
        return rep instanceof List<?> l && l.isEmpty();
    }

    @Override
    public String toString() {
        String s = string;
        if (s == null) {
            // instanceof, not a pattern switch: each of those costs a class generated at start-up.
            if (rep instanceof Long l) s = l.toString();
            else if (rep instanceof BigInteger b) s = b.toString();
            else if (rep instanceof Double d) s = formatDouble(d);
            else if (rep instanceof List<?> l) s = ListFormat.format(asListUnchecked(l));
            else if (rep instanceof AppendableText t) s = t.toString();
            else throw new IllegalStateException();
            string = s;
        }
        return s;
    }

    /** The internal form, for the appendable forms of this package. */
    Object rep() {
        return rep;
    }

    @SuppressWarnings("unchecked")
    private static List<Value> asListUnchecked(List<?> l) {
        return (List<Value>) l;
    }

    // ---- numbers ----------------------------------------------------------------------------------

    /** This value as an integer, or null when its text is not one. */
    public Number integerOrNull() {
        if (rep instanceof Long || rep instanceof BigInteger) return (Number) rep;
        Number n = Numbers.parseInteger(toString());
        if (n != null && !(rep instanceof List<?>)) rep = n;
        return n;
    }

    public long asLong() throws TclException {
        if (rep instanceof Long l) return l;
        Number n = integerOrNull();
        if (n instanceof Long l) return l;
        if (n instanceof BigInteger b) {
            // As Tcl_GetLongFromObj: a magnitude that fits in 64 bits wraps, a larger one fails.
            if (b.abs().bitLength() <= 64) return b.longValue();
            String message = "integer value too large to represent";
            throw TclException.error(message, "ARITH", "IOVERFLOW", message);
        }
        throw TclException.error("expected integer but got \"" + this + "\"", "TCL", "VALUE", "INTEGER");
    }

    /**
     * As Tcl_GetIntFromObj on a 64-bit machine: a value in [-UINT_MAX, UINT_MAX] wraps to 32 bits
     * (4294967295 is -1), anything larger is too large, 64-bit or not.
     */
    public int asInt() throws TclException {
        Number n = rep instanceof Long l ? l : integerOrNull();
        if (n instanceof Long l && l >= -0xFFFF_FFFFL && l <= 0xFFFF_FFFFL) return (int) (long) l;
        if (n == null) throw TclException.error("expected integer but got \"" + this + "\"", "TCL", "VALUE", "INTEGER");
        String message = "integer value too large to represent";
        throw TclException.error(message, "ARITH", "IOVERFLOW", message);
    }

    /** This value as a number (Long, BigInteger or Double), or null if it is not numeric. */
    public Number numberOrNull() {
        if (rep instanceof Number n) return n;
        if (string == null && rep instanceof List<?> l && l.size() != 1) return null; // never a number: keep it textless
        String s = toString();
        Number n = Numbers.parseInteger(s);
        if (n == null) n = Numbers.parseDouble(s);
        if (n != null && !(rep instanceof List<?>)) rep = n;
        return n;
    }

    public double asDouble() throws TclException {
        if (rep instanceof Double d) return d;
        Number n = numberOrNull();
        if (n == null) throw TclException.error("expected floating-point number but got \"" + this + "\"");
        return n.doubleValue();
    }

    /** Tcl_GetBooleanFromObj: a boolean word, or any number (nonzero is true), as if/while/expr take it. */
    public boolean asBoolean() throws TclException {
        if (rep instanceof Long l) return l != 0;
        Boolean b = Numbers.parseBoolean(toString());
        if (b != null) return b;
        Number n = numberOrNull();
        if (n instanceof Long l) return l != 0;
        if (n instanceof BigInteger bi) return bi.signum() != 0;
        if (n instanceof Double d) {
            if (d.isNaN()) throw TclException.error("floating point value is Not a Number", "TCL", "VALUE", "DOUBLE", "NAN");
            return d != 0;
        }
        throw TclException.error("expected boolean value but got \"" + this + "\""
                + (Numbers.isBadOctal(toString()) ? " (looks like invalid octal number)" : ""), "TCL", "VALUE", "NUMBER");
    }

    // ---- lists ------------------------------------------------------------------------------------

    /** This value as a list of elements (parsed once, then cached). */
    public List<Value> asList() throws TclException {
        if (rep instanceof List<?> l) return asListUnchecked(l);
        if (string != null && string.isEmpty()) return Collections.emptyList();
        if (rep instanceof Number) return List.of(this);
        List<Value> items = Collections.unmodifiableList(ListFormat.parse(toString()));
        rep = items;
        return items;
    }

    // ---- doubles as Tcl prints them ----------------------------------------------------------------

    public static int precision() {
        return PRECISION.get()[0];
    }

    /** Sets tcl_precision (0..17) for this thread. */
    public static void setPrecision(int digits) {
        PRECISION.get()[0] = digits;
    }

    /**
     * A double as Tcl_PrintDouble writes it: the shortest round-trip digits (or tcl_precision
     * digits, trailing zeros dropped, with an exponent of at least two digits), in Tcl's layout:
     * 1.0, 0.0001, 1e-5, 1e+17, Inf, NaN.
     */
    public static String formatDouble(double d) {
        if (Double.isNaN(d)) return formatNaN(d);
        if (Double.isInfinite(d)) return d > 0 ? "Inf" : "-Inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        int precision = precision();
        if (precision > 0) {
            ExactDecimal.Digits r = ExactDecimal.significant(d, precision);
            String digits = r.digits();
            int end = digits.length();
            while (end > 1 && digits.charAt(end - 1) == '0') end--;
            return layout(d < 0, digits.substring(0, end), r.exponent() + 1, "%02d");
        }
        String js = Double.toString(Math.abs(d));
        String mantissa = js;
        int exp = 0;
        int e = js.indexOf('E');
        if (e >= 0) {
            mantissa = js.substring(0, e);
            exp = Integer.parseInt(js.substring(e + 1));
        }
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int pointPos = dot + exp; // digits[0..pointPos) is the integer part
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') { lead++; pointPos--; }
        digits = digits.substring(lead);
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') end--;
        digits = digits.substring(0, end);
        if (digits.length() == 2) {
            // Java writes at least two digits (4.9E-324) where one may already read back (5e-324).
            String one = oneDigit(Math.abs(d), digits, pointPos);
            if (one != null) return layout(d < 0, one.substring(1), pointPos + one.charAt(0) - '0', "%d");
        }
        return layout(d < 0, digits, pointPos, "%d");
    }

    /** As TclFormatNaN: the sign bit, then the payload below the quiet bit in hex, as in -NaN(3456789abcdef). */
    private static String formatNaN(double d) {
        long bits = Double.doubleToRawLongBits(d);
        long payload = bits & ((1L << 51) - 1);
        return (bits < 0 ? "-" : "") + "NaN" + (payload == 0 ? "" : "(" + Long.toHexString(payload) + ")");
    }

    /**
     * The single digit nearest to the two-digit form that still reads back as d, prefixed by how
     * far the point moves (1 when 9x rounds up to 10), or null.
     */
    private static String oneDigit(double d, String digits, int pointPos) {
        int first = digits.charAt(0) - '0';
        int[] order = digits.charAt(1) >= '5' ? new int[] {first + 1, first} : new int[] {first, first + 1};
        for (int candidate : order) {
            int shift = candidate == 10 ? 1 : 0;
            String digit = candidate == 10 ? "1" : Integer.toString(candidate);
            if (Double.parseDouble(digit + "e" + (pointPos + shift - 1)) == d) return shift + digit;
        }
        return null;
    }

    /** Places significant digits around the point: digits[0..pointPos) is the integer part. */
    private static String layout(boolean negative, String digits, int pointPos, String exponentFormat) {
        int decExp = pointPos - 1; // exponent in d.ddd form
        StringBuilder out = new StringBuilder();
        if (negative) out.append('-');
        if (decExp < -4 || decExp >= 17) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) out.append('.').append(digits, 1, digits.length());
            out.append('e').append(decExp < 0 ? "-" : "+").append(String.format(exponentFormat, Math.abs(decExp)));
        } else if (pointPos <= 0) {
            out.append("0.");
            out.repeat('0', -pointPos);
            out.append(digits);
        } else if (pointPos >= digits.length()) {
            out.append(digits);
            out.repeat('0', pointPos - digits.length());
            out.append(".0");
        } else {
            out.append(digits, 0, pointPos).append('.').append(digits, pointPos, digits.length());
        }
        return out.toString();
    }
}
