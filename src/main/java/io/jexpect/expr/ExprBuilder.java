package io.jexpect.expr;

import io.jexpect.interp.Numbers;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import io.jexpect.script.Script;
import io.jexpect.script.ScriptParser;
import io.jexpect.script.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Parses expression text into an {@link ExprNode} tree: lex, check Tcl's syntax rules, then build from the grammar. */
final class ExprBuilder {
    private final String text;
    private final ScriptParser words;
    /**
     * The line the expression's first token is on: where Tcl places the commands of all its
     * operands (it counts the lines before the first token, not those between operands).
     */
    private int firstLine = 1;

    private ExprBuilder(String text, ScriptParser words) {
        this.text = text;
        this.words = words;
    }

    /** The tree for an expression; a malformed one gives a node that raises Tcl's syntax error. */
    static ExprNode build(String text, ScriptParser words) {
        try {
            return new ExprBuilder(text, words).build();
        } catch (TclException e) {
            return new ExprNode.Invalid(e);
        }
    }

    private ExprNode build() throws TclException {
        CommonTokenStream tokens = new CommonTokenStream(new ListTokenSource(lex(text)));
        tokens.fill();
        firstLine = tokens.get(0).getLine();
        ExprChecker.check(text, tokens.getTokens());
        ExprParser parser = new ExprParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object sym, int line, int col, String msg, RecognitionException e) {
                throw new IllegalStateException("syntax error in expression \"" + text + "\": " + msg);
            }
        });
        ExprParser.TopContext top;
        try {
            top = parser.top();
        } catch (IllegalStateException e) {
            throw TclException.error(e.getMessage(), "TCL", "PARSE", "EXPR");
        }
        ExprNode root = expr(top.expr());
        // Tcl folds a constant expression at compile time; in parentheses its value stays as written: (0x10) is 0x10.
        if (parenthesized(top.expr()) && constant(root)) return root;
        ExprNode bare = root instanceof ExprNode.Folded f ? f.inner : root;
        return bare instanceof ExprNode.Const || bare instanceof ExprNode.Var || bare instanceof ExprNode.Substituted
                || bare instanceof ExprNode.Ternary || bare instanceof ExprNode.Call ? new ExprNode.Canonical(root) : root;
    }

    /** Whether the expression is one operand in parentheses. */
    private static boolean parenthesized(ParserRuleContext e) {
        while (e.getChildCount() == 1 && e.getChild(0) instanceof ParserRuleContext only) e = only;
        return e instanceof ExprParser.ParensContext;
    }

    /** Literals and operators only: what Tcl 8.6 computes while compiling. */
    private static boolean constant(ExprNode n) {
        if (n instanceof ExprNode.Const || n instanceof ExprNode.Folded) return true;
        if (n instanceof ExprNode.Unary u) return constant(u.operand);
        if (n instanceof ExprNode.Binary b) return constant(b.left) && constant(b.right);
        if (n instanceof ExprNode.Logical l) return constant(l.left) && constant(l.right);
        if (n instanceof ExprNode.Ternary t) return constant(t.cond) && constant(t.then) && constant(t.otherwise);
        return false;
    }

    /**
     * Tcl's ParseLexeme ends a number, or starts over, at eq/ne/in/ni not followed by a letter,
     * where the longest-match lexer sees one bareword: "1eq4" is 1 eq 4, "eq4" is eq 4, but
     * "0x1eq1" and "1eqq" stay barewords.
     */
    private static final Pattern OPERATOR_INSIDE = Pattern.compile(
            "((?>0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+(?:\\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|(?i:inf(?:inity)?|nan))?)"
            + "(eq|ne|in|ni)(?![A-Za-z]).*", Pattern.DOTALL);

    /** The lexemes of text, barewords split as Tcl splits them (lexing starts over after each split operator). */
    private static List<Token> lex(String text) {
        List<Token> out = new ArrayList<>();
        int from = 0;
        relex:
        while (true) {
            ExprLexer lexer = new ExprLexer(CharStreams.fromString(text.substring(from)));
            lexer.removeErrorListeners();
            while (true) {
                Token t = lexer.nextToken();
                int kind = nestedKind(t);
                if (kind != 0) {
                    // The lexer's nesting ignores Tcl's word rules ('"' opens a word only at its start).
                    int at = t.getStartIndex() + from;
                    int end = ScriptParser.nestedEnd(text, at);
                    if (end != at + t.getText().length() && (end >= 0 || t.getType() == kind)) {
                        int stop = end < 0 ? text.length() : end;
                        int missing = kind == ExprLexer.SCRIPT ? ExprLexer.MISSING_BRACKET : ExprLexer.MISSING_QUOTE;
                        out.add(token(end < 0 ? missing : kind, text.substring(at, stop), at));
                        from = stop;
                        continue relex;
                    }
                }
                Matcher m = t.getType() == ExprLexer.BAREWORD ? OPERATOR_INSIDE.matcher(t.getText()) : null;
                if (m == null || !m.matches()) {
                    out.add(from == 0 ? t : token(t.getType(), t.getText(), t.getStartIndex() + from));
                    if (t.getType() == Token.EOF) return out;
                    continue;
                }
                int at = t.getStartIndex() + from;
                String number = m.group(1);
                if (!number.isEmpty()) out.add(token(Character.isDigit(number.charAt(0)) ? ExprLexer.NUMBER : ExprLexer.BAREWORD, number, at));
                at += number.length();
                String op = m.group(2);
                out.add(token(switch (op) {
                    case "eq" -> ExprLexer.STREQ;
                    case "ne" -> ExprLexer.STRNE;
                    case "in" -> ExprLexer.IN;
                    default -> ExprLexer.NI;
                }, op, at));
                from = at + 2;
                continue relex;
            }
        }
    }

    /**
     * SCRIPT or QUOTED for a lexeme that opens a command substitution or a quoted word whose end
     * the lexer may have misplaced (a quote or brace inside brackets, brackets inside quotes), else 0.
     */
    private static int nestedKind(Token t) {
        String s = t.getText();
        return switch (t.getType()) {
            case ExprLexer.SCRIPT -> s.indexOf('"') >= 0 || s.indexOf('{') >= 0 ? ExprLexer.SCRIPT : 0;
            case ExprLexer.QUOTED -> s.indexOf('[') >= 0 ? ExprLexer.QUOTED : 0;
            case ExprLexer.MISSING_BRACKET -> ExprLexer.SCRIPT;
            case ExprLexer.MISSING_QUOTE -> ExprLexer.QUOTED;
            case ExprLexer.INVALID -> s.equals("[") ? ExprLexer.SCRIPT : s.equals("\"") ? ExprLexer.QUOTED : 0;
            default -> 0;
        };
    }

    private static Token token(int type, String text, int start) {
        CommonToken t = new CommonToken(type, text);
        t.setStartIndex(start);
        t.setStopIndex(type == Token.EOF ? start - 1 : start + text.length() - 1);
        return t;
    }

    // instanceof, not pattern switches: each of those costs a class generated at start-up.
    /** The node of a precedence level's context (or of any rule below it). */
    private ExprNode expr(ParserRuleContext ctx) throws TclException {
        if (ctx instanceof ExprParser.PrimaryContext p) return primary(p);
        if (ctx.getChildCount() == 1) return expr((ParserRuleContext) ctx.getChild(0));
        ExprNode op;
        if (ctx instanceof ExprParser.UnaryContext u) {
            op = new ExprNode.Unary(u.op.getType(), u.op.getText(), expr(u.unary()));
        } else if (ctx instanceof ExprParser.ExprContext t) {
            op = new ExprNode.Ternary(expr(t.disjunction()), expr(t.expr(0)), expr(t.expr(1)));
        } else if (ctx instanceof ExprParser.PowerContext p) {
            op = binary(((TerminalNode) p.getChild(1)).getSymbol(), expr(p.unary()), expr(p.power()));
        } else {
            return leftToRight(ctx);
        }
        return folded(op);
    }

    /** A left-associative level: operands separated by operators, grouped from the left. */
    private ExprNode leftToRight(ParserRuleContext ctx) throws TclException {
        ExprNode left = expr((ParserRuleContext) ctx.getChild(0));
        for (int i = 1; i < ctx.getChildCount(); i += 2) {
            Token op = ((TerminalNode) ctx.getChild(i)).getSymbol();
            left = folded(binary(op, left, expr((ParserRuleContext) ctx.getChild(i + 1))));
        }
        return left;
    }

    private static ExprNode folded(ExprNode op) {
        return constant(op) ? new ExprNode.Folded(op) : op;
    }

    private static ExprNode binary(Token op, ExprNode left, ExprNode right) {
        return switch (op.getType()) {
            case ExprLexer.AND -> new ExprNode.Logical(true, left, right);
            case ExprLexer.OR -> new ExprNode.Logical(false, left, right);
            default -> new ExprNode.Binary(op.getType(), op.getText(), left, right);
        };
    }

    private ExprNode primary(ExprParser.PrimaryContext ctx) throws TclException {
        if (ctx instanceof ExprParser.NumberContext n) return new ExprNode.Const(Value.ofNumber(n.getText(), numberValue(n.getText())));
        if (ctx instanceof ExprParser.WordContext w) {
            if (w.call == null) return new ExprNode.Const(Value.of(w.getText()));
            List<ExprNode> args = new ArrayList<>();
            for (ExprParser.ExprContext e : w.expr()) args.add(expr(e));
            return new ExprNode.Call(w.BAREWORD().getText(), args);
        }
        if (ctx instanceof ExprParser.BracedContext b) {
            String raw = b.getText();
            return new ExprNode.Const(Value.of(ScriptParser.foldBackslashNewlines(raw.substring(1, raw.length() - 1))));
        }
        if (ctx instanceof ExprParser.ParensContext p) return expr(p.expr());
        if (ctx instanceof ExprParser.SubstitutedContext s) return substituted(s.getText());
        throw new IllegalStateException(ctx.getClass().getName());
    }

    /** $var, [script] and "string" operands: parsed with the Tcl word parser, substituted when evaluated. */
    private ExprNode substituted(String raw) throws TclException {
        if (raw.startsWith("$") && isSimpleName(raw, 1, raw.length())) return new ExprNode.Var(raw.substring(1));
        if (raw.startsWith("${")) return new ExprNode.Var(raw.substring(2, raw.length() - 1));
        if (raw.startsWith("\"") && raw.indexOf('$') < 0 && raw.indexOf('[') < 0 && raw.indexOf('\\') < 0) {
            return new ExprNode.Const(Value.of(raw.substring(1, raw.length() - 1)));
        }
        Script script = words.parse(raw);
        if (script.error() != null) {
            throw TclException.error(script.error().message() + "\nin expression \"" + text + "\"", "TCL", "PARSE", "EXPR");
        }
        if (script.commands().size() != 1 || script.commands().get(0).words().size() != 1) {
            throw new IllegalStateException("expression operand is not one word: " + raw);
        }
        Word w = script.commands().get(0).words().get(0);
        if (w instanceof Word.Literal lit) return new ExprNode.Const(Value.of(lit.text()));
        return new ExprNode.Substituted(w, firstLine);
    }

    private static boolean isSimpleName(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == ':')) return false;
        }
        return to > from;
    }

    /** The value of a NUMBER lexeme in Tcl 8.6 syntax, or null (such as 08) if Tcl rejects it. */
    static Number numberValue(String s) {
        if (s.length() > 1 && s.charAt(0) == '0' && (s.charAt(1) == 'd' || s.charAt(1) == 'D')) return null;
        Number n = Numbers.parseInteger(s);
        if (n != null) return n;
        if (s.startsWith("0x") || s.startsWith("0X") || s.startsWith("0b") || s.startsWith("0B") || s.startsWith("0o") || s.startsWith("0O")) {
            return null;
        }
        if (s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0) return null;
        try {
            return Numbers.decimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Barewords that are operands: booleans, Inf and NaN. */
    static boolean isLiteralWord(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return Numbers.parseBoolean(s) != null || lower.equals("inf") || lower.equals("infinity") || lower.equals("nan");
    }
}
