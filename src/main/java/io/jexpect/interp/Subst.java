package io.jexpect.interp;

import io.jexpect.script.Backslash;

/** Tcl's subst: substitutions on arbitrary text, each kind optional. */
final class Subst {
    private Subst() {}

    static Value run(Interp interp, String s, boolean backslashes, boolean variables, boolean commands) throws TclException {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && backslashes) {
                int end = Backslash.sequenceEnd(s, i);
                out.append(Backslash.decode(s.substring(i, end)));
                i = end;
            } else if (c == '$' && variables) {
                int end = variableEnd(s, i);
                if (end == i + 1) {
                    out.append('$');
                    i++;
                } else {
                    // "$name", "${name}" or "$name(index)" parses as one word: substitute just that word.
                    var word = interp.parser().parse(s.substring(i, end)).commands().get(0).words().get(0);
                    out.append(interp.word(word).toString());
                    i = end;
                }
            } else if (c == '[' && commands) {
                int end = bracketEnd(s, i);
                if (end < 0) throw TclException.error("missing close-bracket");
                out.append(interp.eval(s.substring(i + 1, end)).toString());
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return Value.of(out.toString());
    }

    /** End of a variable reference starting at '$', or start+1 if none follows. */
    static int variableEnd(String s, int start) {
        int i = start + 1;
        int n = s.length();
        if (i < n && s.charAt(i) == '{') {
            int close = s.indexOf('}', i);
            return close < 0 ? start + 1 : close + 1;
        }
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_') i++;
            else if (c == ':' && i + 1 < n && s.charAt(i + 1) == ':') i += 2;
            else break;
        }
        if (i == start + 1) return i;
        if (i < n && s.charAt(i) == '(') {
            int depth = 0;
            for (int j = i; j < n; j++) {
                char c = s.charAt(j);
                if (c == '\\') { j++; continue; }
                if (c == '(') depth++;
                if (c == ')' && --depth == 0) return j + 1;
            }
        }
        return i;
    }

    /** Index of the ']' matching the '[' at start, honouring nesting, braces, quotes and escapes. */
    static int bracketEnd(String s, int start) {
        int depth = 0;
        int braces = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '{') braces++;
            else if (c == '}' && braces > 0) braces--;
            else if (braces == 0 && c == '[') depth++;
            else if (braces == 0 && c == ']' && --depth == 0) return i;
        }
        return -1;
    }
}
