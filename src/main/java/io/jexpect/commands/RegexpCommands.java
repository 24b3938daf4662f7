package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.List;

/** regexp and regsub, following Tcl_RegexpObjCmd / Tcl_RegsubObjCmd step by step (offsets, empty matches). */
final class RegexpCommands {
    private RegexpCommands() {}

    private static final String[] REGEXP_OPTIONS =
            {"-all", "-about", "-indices", "-inline", "-expanded", "-line", "-linestop", "-lineanchor", "-nocase", "-start", "--"};
    private static final String[] REGSUB_OPTIONS =
            {"-all", "-nocase", "-expanded", "-line", "-linestop", "-lineanchor", "-start", "--"};

    static void install(Interp in) {
        in.register("regexp", RegexpCommands::regexp);
        in.register("regsub", RegexpCommands::regsub);
    }

    /**
     * Whether Tcl's compiler takes this regexp: {@code regexp ?-nocase? ?--? exp string}, where any
     * prefix of -nocase of two characters or more counts (the command itself wants exact options).
     */
    private static boolean compiledForm(Value[] a) {
        int i = 1;
        for (; i < a.length - 2; i++) {
            String w = a[i].toString();
            if (w.equals("--")) return i == a.length - 3;
            if (w.length() < 2 || !"-nocase".startsWith(w)) return false;
        }
        return i == a.length - 2;
    }

    /** The -start offset: an index whose end is the string length, clamped into [0, length]. */
    /** The -start offset, at least 0; past the end it stays there (Tcl then finds no ^ at it). */
    private static int startOffset(Value spec, int length) throws TclException {
        if (spec == null) return 0;
        return Math.max(0, Indices.parseWithEnd(spec, length));
    }

    /**
     * Tcl's rule for TCL_REG_NOTBOL (regexp and regsub): the text from offset on begins a line for ^
     * at the string's start or just after a newline, not past the end or elsewhere.
     */
    private static boolean notBol(String s, int offset) {
        return offset > 0 && (offset > s.length() || s.charAt(offset - 1) != '\n');
    }

    private static Value regexp(Interp in, Value[] a) throws TclException {
        String usage = "?-option ...? exp string ?matchVar? ?subMatchVar ...?";
        boolean compiled = compiledForm(a);
        boolean all = false, about = false, indices = false, inline = false;
        int flags = 0;
        Value start = null;
        int i = 1;
        for (; i < a.length; i++) {
            if (!a[i].toString().startsWith("-")) break;
            String opt = compiled && i < a.length - 2 && !a[i].toString().equals("--")
                    ? "-nocase" : REGEXP_OPTIONS[OptionTable.exact(a[i], "option", REGEXP_OPTIONS)];
            switch (opt) {
                case "-all" -> all = true;
                case "-about" -> about = true;
                case "-indices" -> indices = true;
                case "-inline" -> inline = true;
                case "-expanded" -> flags |= TclRegex.EXPANDED;
                case "-line" -> flags |= TclRegex.LINE;
                case "-linestop" -> flags |= TclRegex.LINESTOP;
                case "-lineanchor" -> flags |= TclRegex.LINEANCHOR;
                case "-nocase" -> flags |= TclRegex.NOCASE;
                case "-start" -> {
                    if (++i >= a.length) throw TclException.wrongArgs(a, 1, usage);
                    Indices.parse(a[i], 0); // validated now, resolved against the string below
                    start = a[i];
                }
                case "--" -> { }
                default -> throw new IllegalStateException(opt);
            }
            if (opt.equals("--")) {
                i++;
                break;
            }
        }
        if (a.length - i < (about ? 1 : 2)) throw TclException.wrongArgs(a, 1, usage);
        TclRegex.Compiled re = TclRegex.compile(in, a[i].toString(), flags);
        if (about) {
            return Value.ofList(List.of(Value.of(re.groups()), Value.ofStrings(re.infoNames())));
        }
        String s = a[i + 1].toString();
        int firstVar = i + 2;
        int nvars = a.length - firstVar;
        if (inline && nvars > 0) throw TclException.error("regexp match variables not allowed when using -inline");
        int slots = inline ? re.groups() + 1 : nvars;
        int offset = startOffset(start, s.length());
        boolean notBol = notBol(s, offset);
        offset = Math.min(offset, s.length());
        List<Value> inlined = inline ? new ArrayList<>() : null;
        int matches = 0;
        while (true) {
            int[] m = TclRegex.exec(re, s, offset, notBol);
            if (m == null) break;
            matches++;
            for (int k = 0; k < slots; k++) {
                Value v;
                int ms = k <= re.groups() ? m[2 * k] : -1, me = k <= re.groups() ? m[2 * k + 1] : -1;
                if (indices) {
                    v = ms < 0 ? Value.ofList(List.of(Value.of(-1), Value.of(-1)))
                            : Value.ofList(List.of(Value.of(ms), Value.of(me - 1)));
                } else {
                    v = ms < 0 ? Value.EMPTY : Value.of(s.substring(ms, me));
                }
                if (inline) inlined.add(v);
                else in.setVar(a[firstVar + k].toString(), v);
            }
            if (!all) break;
            // Step past the match, and one further for an empty match so the loop advances (Tcl's rule).
            offset = m[0] == m[1] ? m[1] + 1 : m[1];
            if (offset >= s.length()) break;
            notBol = notBol(s, offset);
        }
        if (inline) return Value.ofList(inlined);
        return Value.of(matches);
    }

    private static Value regsub(Interp in, Value[] a) throws TclException {
        String usage = "?-option ...? exp string subSpec ?varName?";
        boolean all = false;
        int flags = 0;
        Value start = null;
        int i = 1;
        for (; i < a.length; i++) {
            if (!a[i].toString().startsWith("-")) break;
            String opt = REGSUB_OPTIONS[OptionTable.exact(a[i], "option", REGSUB_OPTIONS)];
            switch (opt) {
                case "-all" -> all = true;
                case "-nocase" -> flags |= TclRegex.NOCASE;
                case "-expanded" -> flags |= TclRegex.EXPANDED;
                case "-line" -> flags |= TclRegex.LINE;
                case "-linestop" -> flags |= TclRegex.LINESTOP;
                case "-lineanchor" -> flags |= TclRegex.LINEANCHOR;
                case "-start" -> {
                    if (++i >= a.length) throw TclException.wrongArgs(a, 1, usage);
                    Indices.parse(a[i], 0);
                    start = a[i];
                }
                case "--" -> { }
                default -> throw new IllegalStateException(opt);
            }
            if (opt.equals("--")) {
                i++;
                break;
            }
        }
        if (a.length - i < 3 || a.length - i > 4) throw TclException.wrongArgs(a, 1, usage);
        String pattern = a[i].toString();
        String s = a[i + 1].toString();
        String spec = a[i + 2].toString();
        TclRegex.Compiled re = TclRegex.compile(in, pattern, flags);
        int offset = startOffset(start, s.length());
        StringBuilder out = null;
        int count = 0;
        if (all && offset == 0 && pattern.isEmpty() && spec.indexOf('&') < 0 && spec.indexOf('\\') < 0) {
            // Tcl's literal fast path: an empty pattern inserts the spec before each char (not at the end).
            out = new StringBuilder();
            for (int k = 0; k < s.length(); k++) out.append(spec).append(s.charAt(k));
            count = s.length();
            offset = s.length();
        } else {
            while (offset <= s.length()) {
                int[] m = TclRegex.exec(re, s, offset, notBol(s, offset));
                if (m == null) break;
                if (out == null) out = new StringBuilder(s.substring(0, offset));
                count++;
                int ms = m[0], me = m[1];
                out.append(s, offset, ms);
                substitute(out, spec, s, m, re.groups());
                if (me == offset) {
                    // An empty match at the current position: copy one char so the loop advances.
                    if (offset < s.length()) out.append(s.charAt(offset));
                    offset++;
                } else {
                    offset = me;
                    if (ms == me) {
                        if (offset < s.length()) out.append(s.charAt(offset));
                        offset++;
                    }
                }
                if (!all) break;
            }
        }
        Value result;
        if (count == 0) {
            result = a[i + 1];
        } else {
            if (offset < s.length()) out.append(s, offset, s.length());
            result = Value.of(out.toString());
        }
        if (a.length - i == 4) {
            in.setVar(a[i + 3].toString(), result);
            return Value.of(count);
        }
        return result;
    }

    /** Appends subSpec with & and \0..\9 replaced by the match and its groups; \& and \\ are literal. */
    private static void substitute(StringBuilder out, String spec, String s, int[] m, int groups) {
        for (int k = 0; k < spec.length(); k++) {
            char c = spec.charAt(k);
            int idx;
            if (c == '&') {
                idx = 0;
            } else if (c == '\\' && k + 1 < spec.length()) {
                char n = spec.charAt(k + 1);
                if (n >= '0' && n <= '9') {
                    idx = n - '0';
                    k++;
                } else if (n == '\\' || n == '&') {
                    out.append(n);
                    k++;
                    continue;
                } else {
                    out.append(c);
                    continue;
                }
            } else {
                out.append(c);
                continue;
            }
            if (idx <= groups && m[2 * idx] >= 0) out.append(s, m[2 * idx], m[2 * idx + 1]);
        }
    }
}
