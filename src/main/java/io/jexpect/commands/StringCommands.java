package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.ListFormat;
import io.jexpect.interp.Numbers;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.math.BigInteger;
import java.util.List;

/** The {@code string} ensemble and {@code subst}. Strings are indexed by UTF-16 unit, as Tcl 8.6 does by UCS-2 char. */
final class StringCommands {
    private StringCommands() {}

    private static final String[] SUBCOMMANDS = {"bytelength", "cat", "compare", "equal", "first", "index", "is",
        "last", "length", "map", "match", "range", "repeat", "replace", "reverse", "tolower", "totitle", "toupper",
        "trim", "trimleft", "trimright", "wordend", "wordstart"};

    private static final String[] CLASSES = {"alnum", "alpha", "ascii", "control", "boolean", "digit", "double",
        "entier", "false", "graph", "integer", "list", "lower", "print", "punct", "space", "true", "upper",
        "wideinteger", "wordchar", "xdigit"};

    /** Tcl's default trim set: ASCII and Unicode white space, and NUL. */
    private static final String DEFAULT_TRIM = " \t\n\u000B\f\r\u0000\u0085\u00A0\u1680\u180E\u2000\u2001\u2002\u2003"
            + "\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF";

    private static final BigInteger UWIDE_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    static void install(Interp in) {
        in.register("string", StringCommands::string);
        in.register("subst", StringCommands::subst);
    }

    /**
     * Options as string match/map/equal/compare parse them: exact or a unique prefix of two
     * characters or more, else {@code bad option "x": must be ...}.
     */
    static String option(Value word, String... table) throws TclException {
        String w = word.toString();
        String found = null;
        for (String t : table) {
            if (t.equals(w)) return t;
            if (w.length() > 1 && t.startsWith(w)) { // Tcl's own parsing here: "-" is no prefix
                if (found != null) { found = null; break; }
                found = t;
            }
        }
        if (found != null) return found;
        StringBuilder sb = new StringBuilder("bad option \"" + w + "\": must be ");
        for (int i = 0; i < table.length; i++) {
            if (i > 0) sb.append(table.length > 2 ? ", " : " ");
            if (i == table.length - 1 && i > 0) sb.append("or ");
            sb.append(table[i]);
        }
        throw TclException.error(sb.toString(), "TCL", "LOOKUP", "INDEX", "option", w);
    }

    private static void arity(Value[] a, int min, int max, String usage) throws TclException {
        if (a.length < min || a.length > max) throw TclException.wrongArgs(a, 2, usage);
    }

    private static Value string(Interp in, Value[] a) throws TclException {
        if (a.length < 2) throw TclException.wrongArgs(a, 1, "subcommand ?arg ...?");
        String sub = Ensemble.subcommand(a, 1, SUBCOMMANDS);
        switch (sub) {
            case "length" -> {
                arity(a, 3, 3, "string");
                return Value.of(a[2].toString().length());
            }
            case "bytelength" -> {
                arity(a, 3, 3, "string");
                return Value.of(byteLength(a[2].toString()));
            }
            case "cat" -> {
                if (a.length == 3) return a[2];
                StringBuilder sb = new StringBuilder();
                for (int i = 2; i < a.length; i++) sb.append(a[i]);
                return Value.of(sb.toString());
            }
            case "index" -> {
                arity(a, 4, 4, "string charIndex");
                String s = a[2].toString();
                int i = Indices.parse(a[3], s.length());
                return i < 0 || i >= s.length() ? Value.EMPTY : Value.of(String.valueOf(s.charAt(i)));
            }
            case "range" -> {
                arity(a, 5, 5, "string first last");
                String s = a[2].toString();
                int first = Math.max(0, Indices.parse(a[3], s.length()));
                int last = Math.min(s.length() - 1, Indices.parse(a[4], s.length()));
                return first > last ? Value.EMPTY : Value.of(s.substring(first, last + 1));
            }
            case "first", "last" -> {
                arity(a, 4, 5, "needleString haystackString ?startIndex?");
                return Value.of(sub.equals("first") ? first(a) : last(a));
            }
            case "compare", "equal" -> {
                return compare(a, sub.equals("equal"));
            }
            case "match" -> {
                if (a.length != 4 && a.length != 5) throw TclException.wrongArgs(a, 2, "?-nocase? pattern string");
                boolean nocase = a.length == 5 && option(a[2], "-nocase") != null;
                return Value.of(GlobMatch.matchesUnits(a[a.length - 2].toString(), a[a.length - 1].toString(), nocase));
            }
            case "map" -> {
                if (a.length != 4 && a.length != 5) throw TclException.wrongArgs(a, 2, "?-nocase? charMap string");
                boolean nocase = a.length == 5 && option(a[2], "-nocase") != null;
                return map(a[a.length - 2], a[a.length - 1].toString(), nocase);
            }
            case "repeat" -> {
                arity(a, 4, 4, "string count");
                int n = a[3].asInt();
                String s = a[2].toString();
                if (n <= 0 || s.isEmpty()) return Value.EMPTY;
                if (n == 1) return a[2];
                if ((long) n * s.length() > Integer.MAX_VALUE - 16) {
                    throw TclException.error("result exceeds max size for a Tcl value (2147483647 bytes)");
                }
                return Value.of(s.repeat(n));
            }
            case "reverse" -> {
                arity(a, 3, 3, "string");
                return Value.of(new StringBuilder(a[2].toString()).reverse().toString());
            }
            case "replace" -> {
                arity(a, 5, 6, "string first last ?string?");
                String s = a[2].toString();
                int first = Indices.parse(a[3], s.length());
                int last = Indices.parse(a[4], s.length());
                if (last < first || last < 0 || first >= s.length()) return a[2];
                first = Math.max(0, first);
                last = Math.min(s.length() - 1, last);
                String with = a.length == 6 ? a[5].toString() : "";
                return Value.of(s.substring(0, first) + with + s.substring(last + 1));
            }
            case "tolower", "toupper", "totitle" -> {
                arity(a, 3, 5, "string ?first? ?last?");
                return Value.of(changeCase(a, sub));
            }
            case "trim", "trimleft", "trimright" -> {
                arity(a, 3, 4, "string ?chars?");
                String chars = a.length == 4 ? a[3].toString() : DEFAULT_TRIM;
                return Value.of(trim(a[2].toString(), chars, !sub.equals("trimright"), !sub.equals("trimleft")));
            }
            case "wordend", "wordstart" -> {
                arity(a, 4, 4, "string index");
                String s = a[2].toString();
                int i = Indices.parse(a[3], s.length());
                return Value.of(sub.equals("wordend") ? wordEnd(s, i) : wordStart(s, i));
            }
            case "is" -> {
                return is(in, a);
            }
            default -> throw new IllegalStateException(sub);
        }
    }

    /** Length in Tcl's internal modified UTF-8: NUL takes two bytes, each UTF-16 unit is encoded alone. */
    private static int byteLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c == 0 ? 2 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return n;
    }

    private static int first(Value[] a) throws TclException {
        String needle = a[2].toString(), hay = a[3].toString();
        int start = a.length == 5 ? Math.max(0, Indices.parse(a[4], hay.length())) : 0;
        if (needle.isEmpty() || start >= hay.length()) return -1;
        return hay.indexOf(needle, start);
    }

    private static int last(Value[] a) throws TclException {
        String needle = a[2].toString(), hay = a[3].toString();
        int from = hay.length() - needle.length();
        if (a.length == 5) {
            int last = Indices.parse(a[4], hay.length());
            if (last < 0) return -1;
            // The needle must lie entirely at or before index last.
            from = Math.min(from, last - needle.length() + 1);
        }
        if (needle.isEmpty() || from < 0) return -1;
        return hay.lastIndexOf(needle, from);
    }

    private static Value compare(Value[] a, boolean equal) throws TclException {
        String usage = "?-nocase? ?-length int? string1 string2";
        if (a.length < 4 || a.length > 7) throw TclException.wrongArgs(a, 2, usage);
        boolean nocase = false;
        long length = -1;
        for (int i = 2; i < a.length - 2; i++) {
            String opt = option(a[i], "-nocase", "-length");
            if (opt.equals("-nocase")) {
                nocase = true;
            } else {
                if (i + 1 >= a.length - 2) throw TclException.wrongArgs(a, 2, usage);
                length = a[++i].asLong();
            }
        }
        String s1 = a[a.length - 2].toString(), s2 = a[a.length - 1].toString();
        if (length >= 0) {
            s1 = s1.substring(0, (int) Math.min(s1.length(), length));
            s2 = s2.substring(0, (int) Math.min(s2.length(), length));
        }
        int c = nocase ? compareNocase(s1, s2) : s1.compareTo(s2);
        if (equal) return Value.of(c == 0);
        return Value.of(Integer.signum(c));
    }

    private static int compareNocase(String s1, String s2) {
        int n = Math.min(s1.length(), s2.length());
        for (int i = 0; i < n; i++) {
            char c1 = Character.toLowerCase(s1.charAt(i)), c2 = Character.toLowerCase(s2.charAt(i));
            if (c1 != c2) return c1 - c2;
        }
        return s1.length() - s2.length();
    }

    private static Value map(Value mapping, String s, boolean nocase) throws TclException {
        List<Value> kv = mapping.asList();
        if (kv.size() % 2 != 0) throw TclException.error("char map list unbalanced");
        if (kv.isEmpty() || s.isEmpty()) return Value.of(s);
        int pairs = kv.size() / 2;
        String[] keys = new String[pairs];
        String[] vals = new String[pairs];
        for (int k = 0; k < pairs; k++) {
            keys[k] = kv.get(2 * k).toString();
            vals[k] = kv.get(2 * k + 1).toString();
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        outer:
        while (i < s.length()) {
            // The first key in mapping order that matches here wins; empty keys never match.
            for (int k = 0; k < pairs; k++) {
                String key = keys[k];
                if (!key.isEmpty() && (nocase ? regionMatchesNocase(s, i, key) : s.startsWith(key, i))) {
                    out.append(vals[k]);
                    i += key.length();
                    continue outer;
                }
            }
            out.append(s.charAt(i++));
        }
        return Value.of(out.toString());
    }

    /** Tcl's Tcl_UniCharNcasecmp: unit by unit, lower-cased (so beyond the BMP, case counts). */
    private static boolean regionMatchesNocase(String s, int at, String key) {
        if (at + key.length() > s.length()) return false;
        for (int k = 0; k < key.length(); k++) {
            char a = s.charAt(at + k), b = key.charAt(k);
            if (a != b && Character.toLowerCase(a) != Character.toLowerCase(b)) return false;
        }
        return true;
    }

    private static String changeCase(Value[] a, String how) throws TclException {
        String s = a[2].toString();
        int first = 0, last = s.length() - 1;
        if (a.length >= 4) {
            first = Indices.parse(a[3], s.length());
            last = a.length == 5 ? Indices.parse(a[4], s.length()) : first;
        }
        first = Math.max(0, first);
        last = Math.min(s.length() - 1, last);
        if (first > last) return s;
        String mid = s.substring(first, last + 1);
        String changed = switch (how) {
            case "tolower" -> lower(mid);
            case "toupper" -> upper(mid);
            default -> mid.isEmpty() ? mid
                    : Character.toTitleCase(mid.charAt(0)) + lower(mid.substring(1));
        };
        return s.substring(0, first) + changed + s.substring(last + 1);
    }

    /** Per-char case mapping (Tcl maps char by char, so no length-changing special cases like ß). */
    private static String lower(String s) {
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) cs[i] = Character.toLowerCase(cs[i]);
        return new String(cs);
    }

    private static String upper(String s) {
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) cs[i] = Character.toUpperCase(cs[i]);
        return new String(cs);
    }

    /** Trims whole characters: a surrogate pair is one character, on both sides. */
    static String trim(String s, String chars, boolean left, boolean right) {
        int start = 0, end = s.length();
        if (left) {
            while (start < end && chars.indexOf(s.codePointAt(start)) >= 0) start += Character.charCount(s.codePointAt(start));
        }
        if (right) {
            while (end > start && chars.indexOf(s.codePointBefore(end)) >= 0) end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.CONNECTOR_PUNCTUATION;
    }

    private static int wordEnd(String s, int index) {
        if (index < 0) index = 0;
        if (index >= s.length()) return s.length();
        int cur = index;
        while (cur < s.length() && isWordChar(s.charAt(cur))) cur++;
        return cur == index ? cur + 1 : cur;
    }

    private static int wordStart(String s, int index) {
        if (index >= s.length()) index = s.length() - 1;
        if (index <= 0) return 0;
        int cur = index;
        while (cur >= 0 && isWordChar(s.charAt(cur))) cur--;
        return cur != index ? cur + 1 : cur;
    }

    // ---- string is ---------------------------------------------------------------------------------

    private static Value is(Interp in, Value[] a) throws TclException {
        String usage = "class ?-strict? ?-failindex var? str";
        if (a.length < 4 || a.length > 7) throw TclException.wrongArgs(a, 2, usage);
        String cls = lookupClass(a[2]);
        boolean strict = false;
        String failVar = null;
        for (int i = 3; i < a.length - 1; i++) {
            String opt = OptionTable.lookup(a[i], "option", "-strict", "-failindex") == 0 ? "-strict" : "-failindex";
            if (opt.equals("-strict")) {
                strict = true;
            } else {
                if (i + 1 >= a.length - 1) throw TclException.wrongArgs(a, 3, "?-strict? ?-failindex var? str");
                failVar = a[++i].toString();
            }
        }
        Value v = a[a.length - 1];
        String s = v.toString();
        if (s.isEmpty() && !cls.equals("list")) { // the empty string is a list, strict or not
            if (strict && failVar != null) in.setVar(failVar, Value.ZERO);
            return Value.of(!strict);
        }
        int fail = failIndex(cls, v, s);
        if (fail == OK) return Value.ONE;
        if (failVar != null) in.setVar(failVar, Value.of(fail));
        return Value.ZERO;
    }

    private static final int OK = Integer.MIN_VALUE;

    private static String lookupClass(Value word) throws TclException {
        String w = word.toString();
        String found = null;
        boolean ambiguous = false;
        for (String c : CLASSES) {
            if (c.equals(w)) return c;
            if (!w.isEmpty() && c.startsWith(w)) {
                ambiguous = found != null;
                if (ambiguous) break;
                found = c;
            }
        }
        if (found != null && !ambiguous) return found;
        StringBuilder sb = new StringBuilder((ambiguous ? "ambiguous" : "bad") + " class \"" + w + "\": must be ");
        for (int i = 0; i < CLASSES.length; i++) {
            if (i > 0) sb.append(", ");
            if (i == CLASSES.length - 1) sb.append("or ");
            sb.append(CLASSES[i]);
        }
        throw TclException.error(sb.toString(), "TCL", "LOOKUP", "INDEX", "class", w);
    }

    /** OK when s belongs to the class, else the index Tcl reports through -failindex. */
    private static int failIndex(String cls, Value v, String s) {
        switch (cls) {
            case "boolean", "true", "false" -> {
                Boolean b = Numbers.parseBoolean(s);
                if (b == null) return 0;
                if (cls.equals("true") && !b) return 0;
                if (cls.equals("false") && b) return 0;
                return OK;
            }
            case "integer", "wideinteger", "entier" -> {
                Number n = Numbers.parseInteger(s);
                if (n == null) return numberPrefix(s, false);
                BigInteger b = n instanceof BigInteger bi ? bi : BigInteger.valueOf(n.longValue());
                BigInteger limit = cls.equals("integer") ? BigInteger.valueOf(0xFFFFFFFFL)
                        : cls.equals("wideinteger") ? UWIDE_MAX : null;
                if (limit != null && b.abs().compareTo(limit) > 0) return -1;
                return OK;
            }
            case "double" -> {
                if (Numbers.parseInteger(s) != null || Numbers.parseDouble(s) != null) return OK;
                return numberPrefix(s, true);
            }
            case "list" -> {
                try {
                    ListFormat.parse(s);
                    return OK;
                } catch (TclException e) {
                    return listFailIndex(s);
                }
            }
            default -> {
                // Tcl 8.6 classifies each UTF-16 unit: half of a surrogate pair is in no class.
                for (int i = 0; i < s.length(); i++) {
                    if (!charIs(cls, s.charAt(i))) return i;
                }
                return OK;
            }
        }
    }

    private static boolean charIs(String cls, char c) {
        return switch (cls) {
            case "alnum" -> Character.isLetterOrDigit(c);
            case "alpha" -> Character.isLetter(c);
            case "ascii" -> c < 0x80;
            case "control" -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT;
            case "digit" -> Character.isDigit(c);
            case "graph" -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && isPrint(c);
            case "lower" -> Character.isLowerCase(c);
            case "print" -> isPrint(c);
            case "punct" -> isPunct(c);
            case "space" -> isSpace(c);
            case "upper" -> Character.isUpperCase(c);
            case "wordchar" -> isWordChar(c);
            case "xdigit" -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            default -> false;
        };
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0x180E || c == 0x200B
                || c == 0xFEFF || Character.isSpaceChar(c);
    }

    private static boolean isPrint(char c) {
        int t = Character.getType(c);
        return t != Character.CONTROL && t != Character.FORMAT && t != Character.UNASSIGNED
                && t != Character.SURROGATE && t != Character.PRIVATE_USE
                && t != Character.LINE_SEPARATOR && t != Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean isPunct(char c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /**
     * Where Tcl's number parser stops in s: after leading space, the longest numeric prefix and the
     * space after it; 0 when no number starts the string.
     */
    private static int numberPrefix(String s, boolean allowDouble) {
        int n = s.length(), i = 0;
        while (i < n && isSpace(s.charAt(i))) i++;
        int begin = i;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int digitsFrom = i;
        if (i + 1 < n && s.charAt(i) == '0' && "xXoObBdD".indexOf(s.charAt(i + 1)) >= 0) {
            int radix = switch (Character.toLowerCase(s.charAt(i + 1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                case 'b' -> 2;
                default -> 10;
            };
            int j = i + 2;
            while (j < n && Character.digit(s.charAt(j), radix) >= 0) j++;
            i = j > i + 2 ? j : i + 1; // "0x" alone parses as the number 0
        } else {
            while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 0x80) i++;
            if (allowDouble) {
                int mark = i;
                if (i < n && s.charAt(i) == '.') {
                    i++;
                    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
                }
                if (i == digitsFrom + 1 && s.charAt(digitsFrom) == '.') i = mark; // a lone "."
                if (i > digitsFrom && i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int j = i + 1;
                    if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) j++;
                    int expDigits = j;
                    while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') j++;
                    if (j > expDigits) i = j;
                }
            }
        }
        if (i == digitsFrom) return 0;
        while (i < n && isSpace(s.charAt(i))) i++;
        return i;
    }

    /** The position where list parsing fails: the start of the element that could not be completed. */
    private static int listFailIndex(String s) {
        int i = 0, n = s.length();
        while (true) {
            while (i < n && isSpace(s.charAt(i))) i++;
            if (i >= n) return n;
            int elemStart = i;
            char c = s.charAt(i);
            if (c == '{') {
                int depth = 1;
                i++;
                while (i < n && depth > 0) {
                    char d = s.charAt(i);
                    if (d == '\\' && i + 1 < n) i++;
                    else if (d == '{') depth++;
                    else if (d == '}') depth--;
                    i++;
                }
                if (depth > 0 || (i < n && !isSpace(s.charAt(i)))) return elemStart;
            } else if (c == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\') i++;
                    i++;
                }
                if (i >= n) return elemStart;
                i++;
                if (i < n && !isSpace(s.charAt(i))) return elemStart;
            } else {
                while (i < n && !isSpace(s.charAt(i))) {
                    if (s.charAt(i) == '\\') i++;
                    i++;
                }
            }
        }
    }

    // ---- subst -------------------------------------------------------------------------------------

    private static Value subst(Interp in, Value[] a) throws TclException {
        String usage = "?-nobackslashes? ?-nocommands? ?-novariables? string";
        if (a.length < 2) throw TclException.wrongArgs(a, 1, usage);
        boolean bs = true, vars = true, cmds = true;
        for (int i = 1; i < a.length - 1; i++) {
            switch (OptionTable.lookup(a[i], "option", "-nobackslashes", "-nocommands", "-novariables")) {
                case 0 -> bs = false;
                case 1 -> cmds = false;
                default -> vars = false;
            }
        }
        return in.subst(a[a.length - 1], bs, vars, cmds);
    }
}
