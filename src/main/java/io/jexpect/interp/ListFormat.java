package io.jexpect.interp;

import io.jexpect.script.Backslash;
import java.util.ArrayList;
import java.util.List;

/** Tcl's list syntax: splitting a string into elements and quoting elements back into a string. */
public final class ListFormat {
    private ListFormat() {}

    public static List<Value> parse(String s) throws TclException {
        return parse(s, "list", "LIST");
    }

    /** Parses a list; a syntax error names the value as {@code what} ("dict") with errorCode TCL VALUE {@code code}. */
    public static List<Value> parse(String s, String what, String code) throws TclException {
        return parse(s, what, code, null);
    }

    /**
     * TclListLines: the line each element of a list starts on, when the list's text starts on
     * line {@code line}; folded continuation lines in the text count (see Value.continuations),
     * and an element written as is keeps those inside it, as a script word would.
     */
    static int[] elementLines(Value list, int line) throws TclException {
        String s = list.toString();
        List<Integer> starts = new ArrayList<>();
        parse(s, "list", "LIST", starts);
        int[] breaks = list.continuations();
        List<Value> elements = breaks == null ? null : list.asList();
        int[] lines = new int[starts.size()];
        int at = 0;
        int next = 0;
        for (int e = 0; e < lines.length; e++) {
            int start = starts.get(e);
            for (; at < start; at++) if (s.charAt(at) == '\n') line++;
            while (breaks != null && next < breaks.length && breaks[next] <= start) {
                line++;
                next++;
            }
            lines[e] = line;
            if (elements != null) elements.get(e).deriveContinuations(breaks, s, start);
        }
        return lines;
    }

    /** parse, noting in {@code starts} (unless null) where each element's text begins. */
    private static List<Value> parse(String s, String what, String code, List<Integer> starts) throws TclException {
        List<Value> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (true) {
            while (i < n && Numbers.isSpace(s.charAt(i))) i++;
            if (i >= n) return out;
            char c = s.charAt(i);
            if (starts != null) starts.add(c == '{' || c == '"' ? i + 1 : i);
            if (c == '{') {
                int depth = 1;
                int j = i + 1;
                while (j < n && depth > 0) {
                    char d = s.charAt(j);
                    if (d == '\\') j++;
                    else if (d == '{') depth++;
                    else if (d == '}') depth--;
                    j++;
                }
                if (depth > 0) throw TclException.error("unmatched open brace in " + what, "TCL", "VALUE", code, "BRACE");
                if (j < n && !Numbers.isSpace(s.charAt(j))) {
                    throw TclException.error(what + " element in braces followed by \"" + trailing(s, j) + "\" instead of space",
                            "TCL", "VALUE", code, "JUNK");
                }
                out.add(Value.of(s.substring(i + 1, j - 1)));
                i = j;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '"') {
                    if (s.charAt(j) == '\\') j = Backslash.sequenceEnd(s, j);
                    else j++;
                }
                if (j >= n) throw TclException.error("unmatched open quote in " + what, "TCL", "VALUE", code, "QUOTE");
                if (j + 1 < n && !Numbers.isSpace(s.charAt(j + 1))) {
                    throw TclException.error(what + " element in quotes followed by \"" + trailing(s, j + 1) + "\" instead of space",
                            "TCL", "VALUE", code, "JUNK");
                }
                out.add(Value.of(Backslash.substituteAll(s.substring(i + 1, j))));
                i = j + 1;
            } else {
                int j = i;
                boolean escaped = false;
                while (j < n && !Numbers.isSpace(s.charAt(j))) {
                    if (s.charAt(j) == '\\') {
                        escaped = true;
                        j = Backslash.sequenceEnd(s, j);
                    } else j++;
                }
                String raw = s.substring(i, Math.min(j, n));
                out.add(Value.of(escaped ? Backslash.substituteAll(raw) : raw));
                i = j;
            }
        }
    }

    private static String trailing(String s, int from) {
        int end = from;
        while (end < s.length() && !Numbers.isSpace(s.charAt(end))) end++;
        return s.substring(from, end);
    }

    public static String format(List<Value> items) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(' ');
            appendElement(sb, items.get(i).toString(), i == 0);
        }
        return sb.toString();
    }

    /** Quotes one element so that parsing gives it back unchanged: as is, in braces, or with backslashes. */
    public static void appendElement(StringBuilder sb, String e, boolean first) {
        if (e.isEmpty()) {
            sb.append("{}");
            return;
        }
        // Tcl's TclScanElement: ']' and a '"' after the start need quoting but do not call for
        // braces (x"y becomes x\"y); whitespace, ;, $, [, \ and a leading {, " or # prefer braces.
        boolean special = first && e.charAt(0) == '#' || e.charAt(0) == '"';
        boolean preferBrace = special;
        int depth = 0;
        boolean braceable = true;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            switch (c) {
                case ' ', '\t', '\n', '\r', '\u000B', '\f', ';', '$', '[' -> { special = true; preferBrace = true; }
                case ']', '"' -> special = true;
                case '\\' -> {
                    special = true;
                    preferBrace = true;
                    if (i + 1 >= e.length() || e.charAt(i + 1) == '\n') braceable = false;
                    i++;
                }
                // Balanced braces inside an element need no quoting; a leading one does.
                case '{' -> { if (i == 0) { special = true; preferBrace = true; } depth++; }
                case '}' -> {
                    if (--depth < 0) { braceable = false; special = true; }
                }
                default -> {}
            }
        }
        if (depth != 0) { braceable = false; special = true; }
        if (!special) {
            sb.append(e);
        } else if (braceable && preferBrace) {
            sb.append('{').append(e).append('}');
        } else {
            for (int i = 0; i < e.length(); i++) {
                char c = e.charAt(i);
                switch (c) {
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\r' -> sb.append("\\r");
                    case '\f' -> sb.append("\\f");
                    case '\u000B' -> sb.append("\\v");
                    case ' ', ';', '$', '[', ']', '"', '\\', '{', '}' -> sb.append('\\').append(c);
                    case '#' -> sb.append(i == 0 && first ? "\\#" : "#");
                    default -> sb.append(c);
                }
            }
        }
    }
}
