package io.jexpect.commands;

import io.jexpect.regex.CharWindow;
import io.jexpect.regex.ExecFlags;
import io.jexpect.engine.Are;
import io.jexpect.regex.PatternFlags;
import io.jexpect.regex.ReMatcher;
import io.jexpect.regex.RePattern;
import io.jexpect.regex.RegexException;
import io.jexpect.regex.RegexRuntimeException;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import java.lang.ref.SoftReference;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tcl ARE regular expressions (Henry Spencer's engine, io.jexpect.regex), compiled once per
 * (pattern, flags) in a small per-interpreter LRU cache. Used by regexp/regsub, switch -regexp,
 * lsearch -regexp and Expect's -re.
 */
public final class TclRegex {
    public static final int NOCASE = 1, EXPANDED = 2, LINESTOP = 4, LINEANCHOR = 8, LINE = LINESTOP | LINEANCHOR;

    private static final int CACHE_SIZE = 64;

    private TclRegex() {}

    /**
     * A compiled pattern and its number of capturing groups; {@code never} when it can never match
     * (pattern may then be null: see {@link Are#compile}).
     */
    public record Compiled(RePattern pattern, int groups, boolean never) {
        /** The REG_U* names of the compile-time info bits, as {@code regexp -about} lists them. */
        public java.util.List<String> infoNames() {
            if (pattern == null) return java.util.List.of();
            long info = pattern.info();
            java.util.List<String> names = new java.util.ArrayList<>();
            for (int k = 0; k < INFO_NAMES.length; k++) {
                if ((info & (1L << k)) != 0) names.add(INFO_NAMES[k]);
            }
            return names;
        }
    }

    /** Bit k of the info word is INFO_NAMES[k] (regex.h's REG_U* values). */
    private static final String[] INFO_NAMES = {"REG_UBACKREF", "REG_ULOOKAHEAD", "REG_UBOUNDS", "REG_UBRACES",
        "REG_UBSALNUM", "REG_UPBOTCH", "REG_UBBS", "REG_UNONPOSIX", "REG_UUNSPEC", "REG_UUNPORT", "REG_ULOCALE",
        "REG_UEMPTYMATCH", "REG_UIMPOSSIBLE", "REG_USHORTEST"};

    /** Per-interpreter cache; access-ordered so the least recently used pattern is evicted. */
    private static final class Cache extends LinkedHashMap<String, Compiled> {
        Cache() {
            super(32, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
            return size() > CACHE_SIZE;
        }
    }

    /** Compiles (or fetches from the interpreter's cache) {@code pattern} with the given flag bits. */
    public static Compiled compile(Interp interp, String pattern, int flags) throws TclException {
        Cache cache = interp.extension(Cache.class, Cache::new);
        String key = flags + ":" + pattern;
        Compiled c = cache.get(key);
        if (c == null) {
            c = compile(pattern, flags);
            cache.put(key, c);
        }
        return c;
    }

    /** Compiles without caching. */
    public static Compiled compile(String pattern, int flags) throws TclException {
        EnumSet<PatternFlags> f = EnumSet.of(PatternFlags.ADVANCED);
        if ((flags & NOCASE) != 0) f.add(PatternFlags.ICASE);
        if ((flags & EXPANDED) != 0) f.add(PatternFlags.EXPANDED);
        if ((flags & LINESTOP) != 0) f.add(PatternFlags.NLSTOP);
        if ((flags & LINEANCHOR) != 0) f.add(PatternFlags.NLANCH);
        try {
            RePattern re = Are.compile(pattern, f);
            return new Compiled(re, re == null ? 0 : re.groupCount(), Are.neverMatches(re));
        } catch (RegexException | RegexRuntimeException e) {
            String m = tclMessage(e.getMessage());
            throw TclException.error("couldn't compile regular expression pattern: " + m, "REGEXP", errorName(m), m);
        }
    }

    /** A string and the char array the engine reads it from. */
    private record Converted(String string, CharWindow window) {}

    /**
     * The last string searched on this thread, converted: a loop of searches over one string
     * (regexp -all, regsub -all, a script's regexp -start loop) converts it once, as Tcl keeps a
     * string's Unicode form in its object. Soft, so a large string does not stay for that alone.
     */
    private static final ThreadLocal<SoftReference<Converted>> LAST = new ThreadLocal<>();

    private static CharWindow window(String s) {
        SoftReference<Converted> ref = LAST.get();
        Converted c = ref == null ? null : ref.get();
        if (c == null || c.string() != s) {
            c = new Converted(s, CharWindow.of(s));
            LAST.set(new SoftReference<>(c));
        }
        return c.window();
    }

    /**
     * Matches {@code re} against {@code s} from {@code offset}, as Tcl does: the engine sees only the
     * text from offset on, and {@code notBol} says that its start is not a beginning of line for ^.
     * Returns null for no match, else start/end pairs per group (group 0 first), absolute in s, with
     * -1/-1 for groups that did not participate.
     */
    public static int[] exec(Compiled re, CharSequence s, int offset, boolean notBol) throws TclException {
        if (re.never()) return null;
        CharSequence text = s instanceof String str ? window(str) : s;
        CharSequence view = offset == 0 ? text : text.subSequence(offset, text.length());
        try {
            ReMatcher m = notBol ? re.pattern().matcher(view, ExecFlags.NOTBOL) : re.pattern().matcher(view);
            if (!m.find()) return null;
            int[] spans = new int[2 * (re.groups() + 1)];
            for (int g = 0; g <= re.groups(); g++) {
                int start = m.start(g); // -1 for a group that did not participate
                spans[2 * g] = start < 0 ? -1 : start + offset;
                spans[2 * g + 1] = start < 0 ? -1 : m.end(g) + offset;
            }
            return spans;
        } catch (RegexRuntimeException e) {
            throw TclException.error("error while matching regular expression: " + e.getMessage(), "REGEXP", "EXEC");
        }
    }

    /** Whether the pattern matches anywhere in s (an unanchored search, like regexp without options). */
    public static boolean find(Interp interp, String pattern, int flags, CharSequence s) throws TclException {
        return exec(compile(interp, pattern, flags), s, 0, false) != null;
    }

    /** regex.h's name for an error text, as Tcl puts it in errorCode. */
    private static String errorName(String message) {
        return switch (message) {
            case "parentheses () not balanced" -> "REG_EPAREN";
            case "brackets [] not balanced" -> "REG_EBRACK";
            case "braces {} not balanced" -> "REG_EBRACE";
            case "quantifier operand invalid" -> "REG_BADRPT";
            case "invalid escape \\ sequence" -> "REG_EESCAPE";
            case "invalid repetition count(s)" -> "REG_BADBR";
            case "invalid embedded option" -> "REG_BADOPT";
            case "invalid character class" -> "REG_ECTYPE";
            case "invalid backreference number" -> "REG_ESUBREG";
            case "invalid character range" -> "REG_ERANGE";
            case "invalid collating element" -> "REG_ECOLLATE";
            case "regular expression is too complex" -> "REG_ETOOBIG";
            case "out of memory" -> "REG_ESPACE";
            case "too many colors" -> "REG_ECOLORS";
            default -> "REG_ASSERT";
        };
    }

    /** Tcl's regerror texts for the messages the engine produces. */
    private static String tclMessage(String m) {
        if (m == null) return "invalid regexp (reg version 0.8)";
        String l = m.toLowerCase();
        if (l.contains("too complex")) return "regular expression is too complex";
        if (l.contains("too many colors")) return "too many colors";
        if (l.contains("out of memory")) return "out of memory";
        if (l.contains("parenthes")) return "parentheses () not balanced";
        if (l.contains("bracket")) return "brackets [] not balanced";
        if (l.contains("unbalanced braces")) return "braces {} not balanced";
        if (l.contains("misplaced") || l.contains("badrpt")) return "quantifier operand invalid";
        if (l.contains("eescape") || l.contains("escape")) return "invalid escape \\ sequence";
        if (l.contains("quantity") || l.contains("badbr") || l.contains("reference number")) {
            return "invalid repetition count(s)";
        }
        if (l.contains("badopt") || l.contains("flag")) return "invalid embedded option";
        if (l.contains("character class") || l.contains("ectype")) return "invalid character class";
        if (l.contains("backreference") || l.contains("esubreg")) return "invalid backreference number";
        if (l.contains("range") || l.contains("erange")) return "invalid character range";
        if (l.contains("collat")) return "invalid collating element";
        return "invalid regexp (reg version 0.8)";
    }
}
