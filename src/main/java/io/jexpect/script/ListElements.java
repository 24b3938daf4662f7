package io.jexpect.script;

import java.util.ArrayList;
import java.util.List;

/** Where the elements of a list written in a script lie, as Tcl's TclFindElement finds them. */
final class ListElements {
    private ListElements() {}

    /**
     * The [start, end) of each element of the list text source[from, to), braces and quotes
     * excluded; null when the text is no list, or an element needs backslash substitution (its
     * value then differs from its text).
     */
    static List<int[]> literal(String source, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int i = from;
        while (true) {
            while (i < to && isSpace(source.charAt(i))) i++;
            if (i >= to) return out;
            char c = source.charAt(i);
            int start;
            int end;
            if (c == '{') {
                int depth = 1;
                int j = i + 1;
                while (j < to && depth > 0) {
                    char d = source.charAt(j);
                    if (d == '\\') j++;
                    else if (d == '{') depth++;
                    else if (d == '}') depth--;
                    j++;
                }
                if (depth > 0) return null;
                start = i + 1;
                end = j - 1;
                i = j;
            } else if (c == '"') {
                int j = i + 1;
                while (j < to && source.charAt(j) != '"') {
                    if (source.charAt(j) == '\\') return null;
                    j++;
                }
                if (j >= to) return null;
                start = i + 1;
                end = j;
                i = j + 1;
            } else {
                int j = i;
                while (j < to && !isSpace(source.charAt(j))) {
                    if (source.charAt(j) == '\\') return null;
                    j++;
                }
                start = i;
                end = j;
                i = j;
            }
            if (i < to && !isSpace(source.charAt(i))) return null;
            out.add(new int[] {start, end});
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }
}
