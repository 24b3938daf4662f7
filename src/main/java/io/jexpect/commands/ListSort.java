package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** lsort, and the element comparisons lsearch shares with it. */
final class ListSort {
    private ListSort() {}

    enum Mode { ASCII, DICTIONARY, INTEGER, REAL, COMMAND }

    private static final String[] OPTIONS = {"-ascii", "-command", "-decreasing", "-dictionary", "-increasing",
        "-index", "-indices", "-integer", "-nocase", "-real", "-stride", "-unique"};

    @FunctionalInterface
    interface Comparison {
        int compare(Value x, Value y) throws TclException;
    }

    static Value lsort(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "?-option value ...? list");
        Mode mode = Mode.ASCII;
        boolean nocase = false, decreasing = false, unique = false, indices = false;
        Value command = null;
        List<Value> index = null;
        int stride = 1;
        for (int i = 1; i < a.length - 1; i++) {
            switch (OptionTable.lookup(a[i], "option", OPTIONS)) {
                case 0 -> mode = Mode.ASCII;
                case 1 -> {
                    if (i == a.length - 2) throw TclException.error("\"-command\" option must be followed by comparison command");
                    command = a[++i];
                    mode = Mode.COMMAND;
                }
                case 2 -> decreasing = true;
                case 3 -> mode = Mode.DICTIONARY;
                case 4 -> decreasing = false;
                case 5 -> {
                    if (i == a.length - 2) throw TclException.error("\"-index\" option must be followed by list index");
                    index = a[++i].asList();
                    Indices.checkSelectable(index);
                }
                case 6 -> indices = true;
                case 7 -> mode = Mode.INTEGER;
                case 8 -> nocase = true;
                case 9 -> mode = Mode.REAL;
                case 10 -> {
                    if (i == a.length - 2) throw TclException.error("\"-stride\" option must be followed by stride length");
                    long s = a[++i].asLong();
                    if (s < 2) throw TclException.error("stride length must be at least 2");
                    stride = (int) Math.min(s, Integer.MAX_VALUE);
                }
                case 11 -> unique = true;
                default -> throw new IllegalStateException();
            }
        }
        List<Value> items = a[a.length - 1].asList();
        if (stride > 1) {
            if (items.size() % stride != 0) throw TclException.error("list size must be a multiple of the stride length");
            if (index != null && !index.isEmpty()) {
                int first = Indices.parse(index.get(0), stride);
                if (first < 0 || first >= stride) throw TclException.error(
                        "when used with \"-stride\", the leading \"-index\" value must be within the group",
                        "TCL", "OPERATION", "LSORT", "BADINDEX");
            }
        }
        int groups = items.size() / stride;
        // Each sort entry: the position of its group; the key is computed once. Tcl allocates its
        // sort entries before it starts and fails the sort, not the process, when it cannot.
        Value[] keys;
        int[] order, scratch;
        try {
            keys = new Value[groups];
            order = new int[groups];
            scratch = new int[groups];
        } catch (OutOfMemoryError e) {
            throw TclException.error("no enough memory to proccess sort of " + groups + " items", "TCL", "MEMORY");
        }
        for (int g = 0; g < groups; g++) {
            if (stride > 1) {
                Value group = Value.ofList(new ArrayList<>(items.subList(g * stride, (g + 1) * stride)));
                keys[g] = index == null || index.isEmpty() ? items.get(g * stride) : element(group, index);
            } else {
                keys[g] = index == null ? items.get(g) : element(items.get(g), index);
            }
            if (mode == Mode.INTEGER) integer(keys[g]); // as Tcl: each key is converted as it is taken
            else if (mode == Mode.REAL) keys[g].asDouble();
        }
        Comparison cmp = comparison(in, mode, nocase, command);
        for (int g = 0; g < groups; g++) order[g] = g;
        final boolean desc = decreasing;
        mergeSort(order, scratch, (p, q) -> {
            int c = cmp.compare(keys[p], keys[q]);
            return desc ? -Integer.signum(c) : c;
        });
        List<Value> out = new ArrayList<>(groups * stride);
        for (int k = 0; k < groups; k++) {
            if (unique && k + 1 < groups && cmp.compare(keys[order[k]], keys[order[k + 1]]) == 0) {
                continue; // keep the last of a run of equals
            }
            int g = order[k];
            for (int s = 0; s < stride; s++) {
                out.add(indices ? Value.of((long) g * stride + s) : items.get(g * stride + s));
            }
        }
        return Value.ofList(out);
    }

    /** The sub-element of {@code v} at a nested index path, as -index selects it. */
    static Value element(Value v, List<Value> path) throws TclException {
        return element(v, path, null);
    }

    /** Like {@link #element(Value, List)}, adding the index each step resolves to (for lsearch -subindices). */
    static Value element(Value v, List<Value> path, List<Value> resolved) throws TclException {
        Value cur = v;
        for (Value spec : path) {
            List<Value> items = cur.asList();
            int k = Indices.parse(spec, items.size());
            if (k < 0 || k >= items.size()) {
                throw TclException.error("element " + k + " missing from sublist \"" + cur + "\"",
                        "TCL", "OPERATION", "LSORT", "INDEXFAILED");
            }
            if (resolved != null) resolved.add(Value.of(k));
            cur = items.get(k);
        }
        return cur;
    }

    static Comparison comparison(Interp in, Mode mode, boolean nocase, Value command) {
        return switch (mode) {
            case ASCII -> nocase ? (x, y) -> compareNoCase(x.toString(), y.toString())
                    : (x, y) -> x.toString().compareTo(y.toString());
            case DICTIONARY -> (x, y) -> dictionaryCompare(x.toString(), y.toString());
            case INTEGER -> (x, y) -> compareIntegers(integer(x), integer(y));
            case REAL -> (x, y) -> Double.compare(x.asDouble() + 0.0, y.asDouble() + 0.0);
            case COMMAND -> {
                List<Value> prefix = new ArrayList<>();
                yield (x, y) -> {
                    if (prefix.isEmpty()) prefix.addAll(command.asList());
                    List<Value> words = new ArrayList<>(prefix);
                    words.add(x);
                    words.add(y);
                    Value r;
                    try {
                        r = in.eval(Value.ofList(words).toString());
                    } catch (TclException e) {
                        if (e.isError()) e.appendErrorInfo("\n    (-compare command)");
                        throw e;
                    }
                    Number n = r.integerOrNull();
                    if (n == null) throw TclException.error("-compare command returned non-integer result");
                    return n instanceof BigInteger b ? b.signum() : Long.signum(n.longValue());
                };
            }
        };
    }

    static Number integer(Value v) throws TclException {
        Number n = v.integerOrNull();
        if (n == null) throw TclException.error("expected integer but got \"" + v + "\"", "TCL", "VALUE", "NUMBER");
        return n;
    }

    static int compareIntegers(Number x, Number y) {
        if (x instanceof Long p && y instanceof Long q) return Long.compare(p, q);
        return big(x).compareTo(big(y));
    }

    private static BigInteger big(Number n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    }

    static int compareNoCase(String x, String y) {
        int n = Math.min(x.length(), y.length());
        for (int k = 0; k < n; k++) {
            char c = Character.toLowerCase(x.charAt(k));
            char d = Character.toLowerCase(y.charAt(k));
            if (c != d) return c - d;
        }
        return x.length() - y.length();
    }

    /** Tcl's DictionaryCompare: case-insensitive, embedded numbers compared as numbers. */
    static int dictionaryCompare(String left, String right) {
        int li = 0, ri = 0;
        int secondary = 0;
        int ln = left.length(), rn = right.length();
        while (true) {
            if (ri < rn && li < ln && isDigit(right.charAt(ri)) && isDigit(left.charAt(li))) {
                int zeros = 0;
                while (right.charAt(ri) == '0' && ri + 1 < rn && isDigit(right.charAt(ri + 1))) { ri++; zeros--; }
                while (left.charAt(li) == '0' && li + 1 < ln && isDigit(left.charAt(li + 1))) { li++; zeros++; }
                if (secondary == 0) secondary = zeros;
                int diff = 0;
                while (true) {
                    if (diff == 0) diff = left.charAt(li) - right.charAt(ri);
                    ri++;
                    li++;
                    boolean rd = ri < rn && isDigit(right.charAt(ri));
                    boolean ld = li < ln && isDigit(left.charAt(li));
                    if (!rd) {
                        if (ld) return 1;
                        if (diff != 0) return diff;
                        break;
                    } else if (!ld) {
                        return -1;
                    }
                }
                continue;
            }
            if (li >= ln || ri >= rn) {
                int diff = (li < ln ? 1 : 0) - (ri < rn ? 1 : 0);
                return diff != 0 ? diff : secondary;
            }
            // Code points, as Tcl 8.6.13 here (a surrogate pair sorts after U+FFFF); only the BMP folds case.
            int lc = left.codePointAt(li), rc = right.codePointAt(ri);
            li += Character.charCount(lc);
            ri += Character.charCount(rc);
            int diff = lower(lc) - lower(rc);
            if (diff != 0) return diff;
            if (secondary == 0) {
                if (Character.isUpperCase(lc) && Character.isLowerCase(rc)) secondary = -1;
                else if (Character.isUpperCase(rc) && Character.isLowerCase(lc)) secondary = 1;
            }
        }
    }

    private static int lower(int c) {
        return c <= 0xFFFF ? Character.toLowerCase((char) c) : c;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @FunctionalInterface
    interface IntComparison {
        int compare(int p, int q) throws TclException;
    }

    /** A stable merge sort that tolerates inconsistent comparisons and lets Tcl errors through. */
    private static void mergeSort(int[] a, int[] tmp, IntComparison cmp) throws TclException {
        for (int width = 1; width < a.length; width *= 2) {
            for (int lo = 0; lo < a.length - width; lo += 2 * width) {
                int mid = lo + width, hi = Math.min(lo + 2 * width, a.length);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) tmp[k++] = cmp.compare(a[i], a[j]) <= 0 ? a[i++] : a[j++];
                while (i < mid) tmp[k++] = a[i++];
                while (j < hi) tmp[k++] = a[j++];
                System.arraycopy(tmp, lo, a, lo, hi - lo);
            }
        }
    }
}
