package io.jexpect.expr;

import io.jexpect.script.Backslash;

/**
 * Tcl's word parsers (Tcl_ParseVarName, Tcl_ParseBraces, Tcl_ParseQuotedString and a nested
 * Tcl_ParseCommand), reduced to finding the first syntax error in an expression operand that starts
 * with $ [ " or {. Tcl's expression parser runs these over the rest of the expression and reports
 * their message at the point they stop, so "[{}x]" is "extra characters after close-brace" there,
 * whatever the operand's own extent.
 */
final class OperandSyntax {
    /** Tcl's message, the index it points at, and whether the text ended too soon (an unbalanced opener). */
    record Failure(String message, int term, boolean incomplete) {}

    private static final class Failed extends RuntimeException {
        final transient Failure failure;

        Failed(String message, int term, boolean incomplete) {
            super(message, null, false, false);
            this.failure = new Failure(message, term, incomplete);
        }
    }

    // Tcl's character types (tclParse.c), as a bit mask.
    private static final int SPACE = 1, COMMAND_END = 2, CLOSE_BRACKET = 4, QUOTE = 8, CLOSE_PAREN = 16;

    private final String s;
    private final int end;

    private OperandSyntax(String s) {
        this.s = s;
        this.end = s.length();
    }

    /** The first syntax error of the operand at {@code start} (a "$" alone is not one), or null. */
    static Failure check(String text, int start) {
        OperandSyntax p = new OperandSyntax(text);
        try {
            switch (text.charAt(start)) {
                case '$' -> p.varName(start);
                case '[' -> p.script(start);
                case '"' -> p.quoted(start);
                case '{' -> p.braces(start);
                default -> throw new IllegalArgumentException("not an operand start: " + text.charAt(start));
            }
            return null;
        } catch (Failed f) {
            return f.failure;
        }
    }

    private static int type(char c) {
        return switch (c) {
            case ' ', '\t', '\u000B', '\f', '\r' -> SPACE;
            case '\n', ';' -> COMMAND_END;
            case ']' -> CLOSE_BRACKET;
            case '"' -> QUOTE;
            case ')' -> CLOSE_PAREN;
            default -> 0;
        };
    }

    private boolean backslashNewline(int p) {
        return s.charAt(p) == '\\' && p + 1 < end && s.charAt(p + 1) == '\n';
    }

    /** Tcl_ParseVarName: the end of "$name", "${name}" or "$name(index)"; -1 for a lone "$". */
    private int varName(int p) {
        int q = p + 1;
        if (q >= end) return -1;
        if (s.charAt(q) == '{') {
            int close = s.indexOf('}', q + 1);
            if (close < 0) throw new Failed("missing close-brace for variable name", q, true);
            return close + 1;
        }
        while (q < end) {
            char c = s.charAt(q);
            if (c < 0x80 && Character.isLetterOrDigit(c) || c == '_') {
                q++;
            } else if (c == ':' && q + 1 < end && s.charAt(q + 1) == ':') {
                q += 2;
                while (q < end && s.charAt(q) == ':') q++;
            } else {
                break;
            }
        }
        boolean array = q < end && s.charAt(q) == '(';
        if (!array) return q == p + 1 ? -1 : q;
        int term = tokens(q + 1, CLOSE_PAREN);
        if (term >= end) throw new Failed("missing )", q, true);
        return term + 1;
    }

    /** Tcl_ParseQuotedString: the end of a quoted word. */
    private int quoted(int p) {
        int term = tokens(p + 1, QUOTE);
        if (term >= end) throw new Failed("missing \"", p, true);
        return term + 1;
    }

    /** Tcl_ParseBraces: the end of a braced word, with Tcl's hint when a comment may hold the brace. */
    private int braces(int p) {
        int level = 1;
        int q = p + 1;
        while (q < end) {
            char c = s.charAt(q);
            if (c == '\\') {
                q = Backslash.sequenceEnd(s, q);
                continue;
            }
            if (c == '{') level++;
            else if (c == '}' && --level == 0) return q + 1;
            q++;
        }
        boolean openBrace = false;
        for (int i = end - 1; i > p; i--) {
            char c = s.charAt(i);
            if (c == '{') openBrace = true;
            else if (c == '\n') openBrace = false;
            else if (c == '#' && openBrace && Character.isWhitespace(s.charAt(i - 1))) {
                throw new Failed("missing close-brace: possible unbalanced brace in comment", p, true);
            }
        }
        throw new Failed("missing close-brace", p, true);
    }

    /** ParseTokens: substitutions and text up to a character of the mask; returns where it stopped. */
    private int tokens(int p, int mask) {
        while (p < end) {
            char c = s.charAt(p);
            if ((type(c) & mask) != 0) break;
            if (c == '$') {
                int e = varName(p);
                p = e < 0 ? p + 1 : e;
            } else if (c == '[') {
                p = script(p);
            } else if (c == '\\') {
                if (backslashNewline(p) && (mask & SPACE) != 0) break;
                p = Backslash.sequenceEnd(s, p);
            } else {
                p++;
            }
        }
        return p;
    }

    /** A command substitution: commands up to the "]" that closes it. */
    private int script(int open) {
        int p = open + 1;
        while (true) {
            int term = command(p);
            if (term >= end) throw new Failed("missing close-bracket", open, true);
            if (s.charAt(term) == ']') return term + 1;
            p = term + 1;
        }
    }

    /** Tcl_ParseCommand inside brackets: returns the index of the character that ends the command. */
    private int command(int p) {
        int terminators = COMMAND_END | CLOSE_BRACKET;
        p = comments(p);
        boolean expanded = false;
        while (true) {
            p = whiteSpace(p);
            if (p >= end || (type(s.charAt(p)) & terminators) != 0) return p;
            char c = s.charAt(p);
            if (c != '"' && c != '{') {
                p = tokens(p, SPACE | terminators);
                continue;
            }
            int after = c == '"' ? quoted(p) : braces(p);
            if (c == '{' && !expanded && after == p + 3 && s.charAt(p + 1) == '*' && after < end
                    && (type(s.charAt(after)) & (SPACE | terminators)) == 0 && !backslashNewline(after)) {
                expanded = true; // {*} prefix: the word proper follows
                p = after;
                continue;
            }
            expanded = false;
            p = after;
            if (p >= end || (type(s.charAt(p)) & (SPACE | terminators)) != 0 || backslashNewline(p)) continue;
            throw new Failed(c == '"' ? "extra characters after close-quote" : "extra characters after close-brace", p, false);
        }
    }

    private int whiteSpace(int p) {
        while (p < end) {
            if (type(s.charAt(p)) == SPACE) p++;
            else if (backslashNewline(p)) p = Backslash.sequenceEnd(s, p);
            else break;
        }
        return p;
    }

    /** ParseComment: white space, newlines and comments before a command. */
    private int comments(int p) {
        while (true) {
            p = whiteSpace(p);
            while (p < end && s.charAt(p) == '\n') p = whiteSpace(p + 1);
            if (p >= end || s.charAt(p) != '#') return p;
            while (p < end) {
                char c = s.charAt(p);
                if (c == '\\') {
                    p = Backslash.sequenceEnd(s, p);
                    continue;
                }
                p++;
                if (c == '\n') break;
            }
        }
    }
}
