package io.jexpect.commands;

import io.jexpect.interp.Numbers;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.List;

/**
 * Tcl 8.6 index syntax shared by string and list commands: {@code integer?[+-]integer?} or
 * {@code end?[+-]integer?}. Results are not range-checked (callers decide what out of range means).
 * As in Tcl 8.6, each number must fit in 32 bits, signed or unsigned ({@code 9999999999999} is a bad
 * index), and is taken, like the sum, modulo 2^32 ({@code 4294967295} is -1).
 */
public final class Indices {
    private Indices() {}

    /** The index {@code spec} denotes in a sequence of {@code length} items ({@code end} is length-1). */
    public static int parse(Value spec, int length) throws TclException {
        return parseWithEnd(spec, length - 1);
    }

    /** Like {@link #parse} with an explicit value for {@code end} (linsert uses the length). */
    public static int parseWithEnd(Value spec, int end) throws TclException {
        String s = spec.toString();
        if (!s.startsWith("e")) {
            Number n = spec.integerOrNull();
            if (n instanceof Long l && fits(l)) return (int) (long) l;
        }
        Integer v = parseOrNull(s, end);
        if (v == null) throw bad(s);
        return v;
    }

    /** The bad-index error for {@code spec}, with Tcl's hint when it looks like an octal number (TclCheckBadOctal). */
    public static TclException bad(String spec) {
        String hint = looksOctal(spec.startsWith("end-") ? spec.substring(4) : spec) ? " (looks like invalid octal number)" : "";
        return TclException.error("bad index \"" + spec
                + "\": must be integer?[+-]integer? or end?[+-]integer?" + hint, "TCL", "VALUE", "INDEX");
    }

    /**
     * TclIndexEncode's check for -index of lsort and lsearch: an index that is before the start
     * (negative) or after the end (end+1) of every list is refused, as is a malformed one; the
     * errorInfo names the item of the -index list.
     */
    public static void checkSelectable(List<Value> path) throws TclException {
        for (int i = 0; i < path.size(); i++) {
            Value spec = path.get(i);
            try {
                boolean fromEnd = spec.toString().startsWith("e");
                int v = parse(spec, 1); // end is 0, so an end-relative index gives its offset
                if (fromEnd ? v > 0 : v < 0) {
                    // "INDEX" "OUTOFRANGE" without a comma in Tcl's source: one word.
                    throw TclException.error("index \"" + spec + "\" cannot select an element from any list",
                            "TCL", "VALUE", "INDEXOUTOFRANGE");
                }
            } catch (TclException e) {
                e.appendErrorInfo("\n    (-index option item number " + i + ")");
                throw e;
            }
        }
    }

    /** Whether an index can be parsed at all (whatever end is). */
    public static boolean valid(Value spec) {
        try {
            parse(spec, 0);
            return true;
        } catch (TclException e) {
            return false;
        }
    }

    /** Optional space and sign, then "0", an optional "o" and digits only, then optional space. */
    private static boolean looksOctal(String s) {
        int p = 0, n = s.length();
        while (p < n && Character.isWhitespace(s.charAt(p))) p++;
        if (p < n && (s.charAt(p) == '+' || s.charAt(p) == '-')) p++;
        if (p >= n || s.charAt(p) != '0') return false;
        p++;
        if (p < n && (s.charAt(p) == 'o' || s.charAt(p) == 'O')) p++;
        while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9') p++;
        while (p < n && Character.isWhitespace(s.charAt(p))) p++;
        return p == n;
    }

    private static Integer parseOrNull(String s, int end) {
        if (s.equals("e") || s.equals("en")) return end; // Tcl 8.6 accepts these abbreviations alone
        if (s.startsWith("end")) {
            if (s.length() == 3) return end;
            char op = s.charAt(3);
            if (op != '+' && op != '-') return null;
            Integer off = offset(s.substring(4));
            if (off == null) return null;
            return op == '+' ? end + off : end - off;
        }
        Number whole = Numbers.parseInteger(s);
        if (whole != null) return whole instanceof Long l && fits(l) ? (int) (long) l : null;
        // integer?[+-]integer?: the operator is the first sign after the first operand's digits.
        int start = 0;
        while (start < s.length() && Character.isWhitespace(s.charAt(start))) start++;
        for (int k = start + 1; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c != '+' && c != '-') continue;
            String left = s.substring(start, k);
            if (left.isEmpty() || Character.isWhitespace(left.charAt(left.length() - 1))) return null;
            Number a = Numbers.parseInteger(left);
            Integer b = offset(s.substring(k + 1));
            if (!(a instanceof Long la) || !fits(la) || b == null) return null;
            return c == '+' ? (int) (long) la + b : (int) (long) la - b;
        }
        return null;
    }

    /** An offset operand: an integer that may carry trailing but not leading white space. */
    private static Integer offset(String t) {
        if (t.isEmpty() || Character.isWhitespace(t.charAt(0))) return null;
        return Numbers.parseInteger(t) instanceof Long l && fits(l) ? (int) (long) l : null;
    }

    /** Whether Tcl 8.6 takes v as an int: its magnitude fits in 32 unsigned bits. */
    private static boolean fits(long v) {
        return v >= -0xFFFFFFFFL && v <= 0xFFFFFFFFL;
    }
}
