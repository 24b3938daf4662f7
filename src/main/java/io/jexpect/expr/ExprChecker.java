package io.jexpect.expr;

import io.jexpect.interp.Numbers;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Finds the first syntax error of an expression the way Tcl's own operator-precedence parser
 * does, so the message, its "_@_" mark and the quoted context match Tcl exactly. The grammar
 * decides the structure of valid expressions; this pass only decides how an invalid one is
 * reported. It walks the lexemes keeping a stack of incomplete operator nodes.
 */
final class ExprChecker {
    private static final int LIMIT = 25;
    private static final String MARK = "_@_";

    // Lexeme kinds of Tcl's parser that matter for error reporting.
    private static final int START = 1, END = 2, OPEN_PAREN = 3, CLOSE_PAREN = 4, COMMA = 5,
            QUESTION = 6, COLON = 7, FUNCTION = 8, UNARY = 9, POW = 10, OTHER_BINARY = 11;
    private static final int LEAF = -1, EMPTY = -2;

    private record Node(int kind, int prec, int prev) {}

    private final String text;
    private final List<Token> tokens;

    private ExprChecker(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /** Throws Tcl's syntax error for the expression, if it has one. */
    static void check(String text, List<? extends Token> tokens) throws TclException {
        new ExprChecker(text, new ArrayList<>(tokens)).run();
    }

    private void run() throws TclException {
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node(START, 2, -1));
        int incomplete = 0;
        int lastParsed = 0; // index of an operator node, or LEAF/EMPTY
        int complete = LEAF;
        int i = 0;
        while (true) {
            Token t = i < tokens.size() ? tokens.get(i) : null;
            int start = t == null || t.getType() == Token.EOF ? text.length() : t.getStartIndex();
            int scanned = t == null || t.getType() == Token.EOF ? 0 : t.getStopIndex() - t.getStartIndex() + 1;
            int type = t == null ? Token.EOF : t.getType();
            boolean afterOperator = lastParsed >= 0;
            int kind;
            int prec;
            switch (type) {
                case Token.EOF -> { kind = END; prec = 1; }
                case ExprLexer.INVALID -> {
                    // "$" naming no variable, or an opener the lexer could not close: an operand to Tcl all the same
                    if ("$[\"{".indexOf(t.getText().charAt(0)) < 0) throw invalidCharacter(t.getText(), start, scanned);
                    kind = LEAF; prec = 0;
                }
                case ExprLexer.INCOMPLETE -> throw error("incomplete operator \"" + t.getText() + "\"", start, scanned, false, null, "PARTOP");
                case ExprLexer.NUMBER -> {
                    if (ExprBuilder.numberValue(t.getText()) == null) throw bareword(t.getText(), start, scanned);
                    kind = LEAF; prec = 0;
                }
                case ExprLexer.BAREWORD -> {
                    Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                    if (next != null && next.getType() == ExprLexer.LPAREN) {
                        kind = FUNCTION; prec = 18;
                    } else if (ExprBuilder.isLiteralWord(t.getText())) {
                        kind = LEAF; prec = 0;
                    } else {
                        throw bareword(t.getText(), start, scanned);
                    }
                }
                case ExprLexer.VARIABLE, ExprLexer.SCRIPT, ExprLexer.QUOTED, ExprLexer.BRACED, ExprLexer.MISSING_BRACKET,
                        ExprLexer.MISSING_QUOTE, ExprLexer.MISSING_BRACE, ExprLexer.MISSING_PAREN,
                        ExprLexer.MISSING_VARBRACE -> { kind = LEAF; prec = 0; }
                case ExprLexer.PLUS, ExprLexer.MINUS -> {
                    if (afterOperator) { kind = UNARY; prec = 18; } else { kind = OTHER_BINARY; prec = 15; }
                }
                case ExprLexer.NOT, ExprLexer.TILDE -> { kind = UNARY; prec = 18; }
                case ExprLexer.LPAREN -> { kind = OPEN_PAREN; prec = 4; }
                case ExprLexer.RPAREN -> { kind = CLOSE_PAREN; prec = 3; }
                case ExprLexer.COMMA -> { kind = COMMA; prec = 5; }
                case ExprLexer.QUESTION -> { kind = QUESTION; prec = 6; }
                case ExprLexer.COLON -> { kind = COLON; prec = 6; }
                case ExprLexer.POW -> { kind = POW; prec = 17; }
                default -> { kind = OTHER_BINARY; prec = binaryPrecedence(type); }
            }
            if (kind == LEAF) {
                if (!afterOperator) throw error("missing operator at " + MARK, start, 0, true, null, "MISSING");
                if (type != ExprLexer.NUMBER && type != ExprLexer.BAREWORD) checkOperand(start, scanned);
                complete = lastParsed = LEAF;
                i++;
                continue;
            }
            if (kind == UNARY || kind == FUNCTION || kind == OPEN_PAREN) {
                if (!afterOperator) throw error("missing operator at " + MARK, start, 0, true, null, "MISSING");
                nodes.add(new Node(kind, prec, incomplete));
                incomplete = lastParsed = nodes.size() - 1;
                i++;
                continue;
            }
            // Binary operators, including ")" "," and the end.
            if (afterOperator) {
                Node last = nodes.get(nodes.size() - 1);
                if (kind == CLOSE_PAREN && last.kind == OPEN_PAREN) {
                    if (nodes.size() >= 2 && nodes.get(nodes.size() - 2).kind == FUNCTION) {
                        complete = lastParsed = EMPTY;
                        continue; // parse the ")" again after the empty argument list
                    }
                    throw error("empty subexpression at " + MARK, start, 0, true, null, "EMPTY");
                }
                if (last.prec > prec) {
                    if (last.kind == OPEN_PAREN) throw error("unbalanced open paren", start, scanned, false, null, "UNBALANCED");
                    if (last.kind == COMMA) throw error("missing function argument at " + MARK, start, 0, true, null, "MISSING");
                    if (last.kind == START) throw error("empty expression", start, scanned, false, null, "EMPTY");
                } else if (kind == CLOSE_PAREN) {
                    throw error("unbalanced close paren", start, scanned, false, null, "UNBALANCED");
                } else if (kind == COMMA && last.kind == OPEN_PAREN && nodes.size() >= 2
                        && nodes.get(nodes.size() - 2).kind == FUNCTION) {
                    throw error("missing function argument at " + MARK, start, 0, true, null, "UNBALANCED");
                }
                throw error("missing operand at " + MARK, start, 0, true, null, "MISSING");
            }
            Node inc;
            int incIndex;
            while (true) {
                incIndex = incomplete;
                inc = nodes.get(incIndex);
                if (inc.prec < prec) break;
                if (inc.prec == prec) {
                    if (kind == POW) break;
                    if (inc.kind == QUESTION && (complete < 0 || nodes.get(complete).kind != COLON)) break;
                    if (inc.kind == COLON && kind == QUESTION) break;
                }
                if (inc.kind == OPEN_PAREN && kind != CLOSE_PAREN) {
                    throw error("unbalanced open paren", start, scanned, false, null, "UNBALANCED");
                }
                if (inc.kind == QUESTION && (complete < 0 || nodes.get(complete).kind != COLON)) {
                    throw error("missing operator \":\" at " + MARK, start, 0, true, null, "MISSING");
                }
                if (complete >= 0 && nodes.get(complete).kind == COLON && inc.kind != QUESTION) {
                    throw error("unexpected operator \":\" without preceding \"?\"", start, scanned, false, null, "SURPRISE");
                }
                if (inc.kind == START) return;
                complete = incIndex;
                incomplete = inc.prev;
                if (inc.kind == OPEN_PAREN) break;
            }
            if (kind == CLOSE_PAREN && inc.kind != OPEN_PAREN) {
                throw error("unbalanced close paren", start, scanned, false, null, "UNBALANCED");
            }
            if (kind == COMMA && (inc.kind != OPEN_PAREN || incIndex == 0 || nodes.get(incIndex - 1).kind != FUNCTION)) {
                throw error("unexpected \",\" outside function argument list", start, scanned, false, null, "SURPRISE");
            }
            if (complete >= 0 && nodes.get(complete).kind == COLON) {
                throw error("unexpected operator \":\" without preceding \"?\"", start, scanned, false, null, "SURPRISE");
            }
            i++;
            if (kind == CLOSE_PAREN) continue;
            nodes.add(new Node(kind, prec, incomplete));
            incomplete = lastParsed = nodes.size() - 1;
        }
    }

    /** Tcl parses an operand with its word parsers and reports their first error where they stop. */
    private void checkOperand(int start, int scanned) throws TclException {
        OperandSyntax.Failure f = OperandSyntax.check(text, start);
        if (f == null) {
            if (scanned == 1) throw invalidCharacter(text.substring(start, start + 1), start, 1);
            return;
        }
        throw error(f.message(), f.term(), f.incomplete() ? 1 : 0, false, null, f.incomplete() ? "UNBALANCED" : null);
    }

    private TclException invalidCharacter(String c, int start, int scanned) {
        return error("invalid character \"" + c + "\"", start, scanned, false, null, "BADCHAR");
    }

    private static int binaryPrecedence(int type) {
        return switch (type) {
            case ExprLexer.MUL, ExprLexer.DIV, ExprLexer.MOD -> 16;
            case ExprLexer.SHL, ExprLexer.SHR -> 14;
            case ExprLexer.LT, ExprLexer.GT, ExprLexer.LE, ExprLexer.GE -> 13;
            case ExprLexer.EQ, ExprLexer.NE, ExprLexer.STREQ, ExprLexer.STRNE, ExprLexer.IN, ExprLexer.NI -> 12;
            case ExprLexer.BITAND -> 11;
            case ExprLexer.BITXOR -> 10;
            case ExprLexer.BITOR -> 9;
            case ExprLexer.AND -> 8;
            case ExprLexer.OR -> 7;
            default -> throw new IllegalStateException("not a binary operator: " + type);
        };
    }

    private TclException bareword(String word, int start, int scanned) {
        String shown = word.length() < LIMIT ? word : word.substring(0, LIMIT - 3) + "...";
        StringBuilder post = new StringBuilder("should be \"$").append(shown).append("\" or \"{").append(shown)
                .append("}\" or \"").append(shown).append("(...)\" or ...");
        String code = "BAREWORD";
        String sub = null;
        if (word.charAt(0) == '0' && word.length() > 1) {
            char c = word.charAt(1);
            if (c == 'b' && Numbers.parseInteger(word) == null) {
                post.append(" (invalid binary number?)");
                code = "BADNUMBER";
                sub = "BINARY";
            } else if (c == 'o' || Character.isDigit(c) && Numbers.parseInteger(word) == null && isDigits(word)) {
                post.append(" (invalid octal number?)");
                code = "BADNUMBER";
                sub = "OCTAL";
            }
        }
        TclException e = error("invalid bareword \"" + shown + "\"", start, scanned, false, post.toString(), code);
        if (sub != null) e.setErrorCode(Value.ofStrings(List.of("TCL", "PARSE", "EXPR", code, sub)));
        return e;
    }

    private static boolean isDigits(String s) {
        for (int k = 0; k < s.length(); k++) if (!Character.isDigit(s.charAt(k))) return false;
        return true;
    }

    /**
     * Tcl's message layout: the error, then the expression around the error position. Tcl counts
     * the limits in UTF-8 bytes and drops a character cut in two.
     */
    private TclException error(String msg, int start, int scanned, boolean mark, String post, String code) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int n = b.length;
        int from = utf8Length(0, start);
        int span = utf8Length(start, start + scanned);
        StringBuilder sb = new StringBuilder(msg).append("\nin expression \"");
        if (from - LIMIT < 0) sb.append(slice(b, 0, from));
        else sb.append("...").append(slice(b, from - LIMIT + 3, from));
        if (span < LIMIT) sb.append(slice(b, from, from + span));
        else sb.append(slice(b, from, from + LIMIT - 3)).append("...");
        if (mark) sb.append(MARK);
        int after = from + span;
        if (after + LIMIT > n) sb.append(slice(b, after, n));
        else sb.append(slice(b, after, after + LIMIT - 3)).append("...");
        sb.append('"');
        if (post != null) sb.append(";\n").append(post);
        TclException e = code == null ? TclException.error(sb.toString()) : TclException.error(sb.toString(), "TCL", "PARSE", "EXPR", code);
        e.appendErrorInfo("\n    (parsing expression \"" + (n < LIMIT ? text : slice(b, 0, LIMIT - 3) + "...") + "\")");
        return e;
    }

    private int utf8Length(int from, int to) {
        int bytes = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** The characters whole inside bytes [from, to) of UTF-8 text. */
    private static String slice(byte[] b, int from, int to) {
        while (from < to && (b[from] & 0xC0) == 0x80) from++;
        int lead = to - 1;
        while (lead > from && (b[lead] & 0xC0) == 0x80) lead--;
        if (lead >= from && lead < to) {
            int v = b[lead] & 0xFF;
            int len = v < 0x80 ? 1 : v >= 0xF0 ? 4 : v >= 0xE0 ? 3 : 2;
            if (lead + len > to) to = lead;
        }
        return new String(b, from, Math.max(0, to - from), StandardCharsets.UTF_8);
    }
}
