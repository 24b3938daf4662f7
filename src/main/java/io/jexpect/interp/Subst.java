package io.jexpect.interp;

import io.jexpect.script.Backslash;
import io.jexpect.script.Command;
import io.jexpect.script.Part;
import io.jexpect.script.Script;
import io.jexpect.script.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Tcl's subst: substitutions on arbitrary text, each kind optional. As in Tcl, the whole text is
 * parsed first; a syntax error is raised only after the substitutions before it have run (and, in
 * an unclosed bracket, the complete commands before the error). In a command substitution, break
 * ends the substitution with the text so far, continue substitutes nothing, and return (or any
 * other code but error) substitutes its result.
 */
final class Subst {
    private Subst() {}

    /** One piece of the parsed text: literal text, a variable reference, or commands to run. */
    private sealed interface Piece {}
    private record Text(String text) implements Piece {}
    /** A variable reference, on line {@code line} of the text (an index may hold commands). */
    private record Variable(String source, int line) implements Piece {}
    /** Commands in brackets, the first on line {@code line} of the text (as info frame counts it). */
    private record Commands(Script script, int line) implements Piece {}

    static Value run(Interp interp, Value textValue, boolean backslashes, boolean variables, boolean commands) throws TclException {
        String s = textValue.toString();
        List<Piece> pieces = new ArrayList<>();
        String error = parse(interp, s, textValue.continuations(), backslashes, variables, commands, pieces);
        boolean compiled = commands && interp.compilesSubst(textValue);
        StringBuilder out = new StringBuilder();
        for (Piece p : pieces) {
            try {
                switch (p) {
                    case Text t -> out.append(t.text());
                    case Variable v -> {
                        Word word = interp.parser().parse(v.source()).commands().get(0).words().get(0);
                        out.append(interp.substitutedWord(word, textValue, v.line(), compiled).toString());
                    }
                    case Commands c -> out.append(interp.evalSubstituted(c.script(), textValue, c.line(), compiled).toString());
                }
            } catch (TclException e) {
                switch (e.code()) {
                    case TclException.ERROR -> throw e;
                    case TclException.BREAK -> { return Value.of(out.toString()); }
                    case TclException.CONTINUE -> { }
                    default -> out.append(e.result().toString());
                }
            }
        }
        if (error != null) {
            TclException e = TclException.error(error);
            e.appendErrorInfo(""); // Tcl logs the parse error itself: the subst command's line is "invoked from within"
            throw e;
        }
        return Value.of(out.toString());
    }

    /** Splits s into pieces; returns the syntax error that ends it, or null. */
    private static String parse(Interp interp, String s, int[] continuations, boolean backslashes, boolean variables,
                                boolean commands, List<Piece> pieces) {
        StringBuilder text = new StringBuilder();
        int line = 1;
        int counted = 0;
        int folds = 0;
        int i = 0;
        int n = s.length();
        String error = null;
        while (i < n && error == null) {
            char c = s.charAt(i);
            if (c == '\\' && backslashes) {
                int end = Backslash.sequenceEnd(s, i);
                text.append(Backslash.decode(s.substring(i, end)));
                i = end;
            } else if (c == '$' && variables) {
                int end = variableEnd(s, i);
                if (end == i + 1) {
                    text.append('$');
                    i++;
                } else if (end < 0) {
                    error = s.charAt(i + 1) == '{' ? "missing close-brace for variable name" : "missing )";
                } else {
                    flush(text, pieces);
                    for (; counted < i; counted++) if (s.charAt(counted) == '\n') line++;
                    while (continuations != null && folds < continuations.length && continuations[folds] <= i) folds++;
                    pieces.add(new Variable(s.substring(i, end), line + folds));
                    i = end;
                }
            } else if (c == '[' && commands) {
                flush(text, pieces);
                int end = bracketEnd(interp, s, i);
                for (; counted <= i; counted++) if (s.charAt(counted) == '\n') line++;
                while (continuations != null && folds < continuations.length && continuations[folds] <= i + 1) folds++;
                if (end >= 0) {
                    Script script = interp.parser().parse(s.substring(i + 1, end), within(continuations, i + 1, end));
                    pieces.add(new Commands(script, line + folds));
                    i = end + 1;
                } else {
                    error = unclosedBracket(interp, s.substring(i + 1), pieces, line + folds);
                }
            } else {
                text.append(c);
                i++;
            }
        }
        flush(text, pieces);
        return error;
    }

    /** The continuation lines within [from, to) of the text, relative to from; null if none. */
    private static int[] within(int[] continuations, int from, int to) {
        if (continuations == null) return null;
        int[] out = java.util.Arrays.stream(continuations).filter(c -> c >= from && c < to).map(c -> c - from).toArray();
        return out.length == 0 ? null : out;
    }

    private static void flush(StringBuilder text, List<Piece> pieces) {
        if (text.isEmpty()) return;
        pieces.add(new Text(text.toString()));
        text.setLength(0);
    }

    /**
     * A '[' without its ']': Tcl still runs the commands inside that are complete, those before a
     * syntax error or ended by a separator before the end of the text. Returns the error to raise.
     */
    private static String unclosedBracket(Interp interp, String rest, List<Piece> pieces, int line) {
        Script inner = interp.parser().parse(rest);
        List<Command> complete = inner.commands();
        if (inner.error() == null && !complete.isEmpty() && !endsWithSeparator(rest, complete)) {
            complete = complete.subList(0, complete.size() - 1);
        }
        if (!complete.isEmpty()) pieces.add(new Commands(new Script(rest, complete, null), line));
        return inner.error() != null ? inner.error().message() : "missing close-bracket";
    }

    /** Whether a command separator follows the last command (rather than the end of the text). */
    private static boolean endsWithSeparator(String script, List<Command> commands) {
        int at = 0;
        for (Command c : commands) {
            int found = script.indexOf(c.text(), at);
            if (found >= 0) at = found + c.text().length();
        }
        for (int k = at; k < script.length(); k++) {
            char c = script.charAt(k);
            if (c == ';' || c == '\n') return true;
        }
        return false;
    }

    /**
     * End of a variable reference starting at '$': start+1 if no name follows, -1 if a "${" or
     * an array index is not closed.
     */
    static int variableEnd(String s, int start) {
        int i = start + 1;
        int n = s.length();
        if (i < n && s.charAt(i) == '{') {
            int close = s.indexOf('}', i);
            return close < 0 ? -1 : close + 1;
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
            return -1;
        }
        return i;
    }

    /**
     * Index of the ']' closing the '[' at start, as Tcl's parser finds it (quotes, braces,
     * comments and nested brackets in the script honoured): the first ']' that makes
     * "[...]" one whole command substitution. -1 if none does.
     */
    private static int bracketEnd(Interp interp, String s, int start) {
        for (int end = s.indexOf(']', start); end >= 0; end = s.indexOf(']', end + 1)) {
            Script candidate = interp.parser().parse(s.substring(start, end + 1));
            if (candidate.error() == null && candidate.commands().size() == 1
                    && candidate.commands().get(0).words().size() == 1
                    && candidate.commands().get(0).words().get(0) instanceof Word.Compound w
                    && w.parts().size() == 1 && w.parts().get(0) instanceof Part.Substitution) {
                return end;
            }
        }
        return -1;
    }
}
