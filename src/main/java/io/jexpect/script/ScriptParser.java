package io.jexpect.script;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Turns script text into the immutable {@link Script} AST. Results are cached by text, so a loop or
 * proc body is parsed once however often it runs.
 */
public final class ScriptParser {
    private static final int CACHE_SIZE = 4096;

    /** Keyed by the text, or for text with continuation lines by a {@link Continued}. */
    private final Map<Object, Script> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Script> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** Parses (or fetches from the cache) a script. */
    public Script parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses a script whose text had backslash-newlines folded into the spaces at
     * {@code continuations} (offsets, ascending; null if none): Tcl's TIP 280 counts each as the
     * line it was, in the lines {@code info frame} reports (not in errorLine, which counts the
     * text's own newlines).
     */
    public Script parse(String text, int[] continuations) {
        Object key = continuations == null ? text : new Continued(text, continuations);
        synchronized (cache) {
            Script s = cache.get(key);
            if (s != null) return s;
        }
        Script s = new Builder(text, continuations).build();
        synchronized (cache) {
            cache.put(key, s);
        }
        return s;
    }

    /** A cache key: text and the places of its folded continuation lines. */
    private record Continued(String text, int[] continuations) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Continued c && text.equals(c.text) && Arrays.equals(continuations, c.continuations);
        }

        @Override
        public int hashCode() {
            return text.hashCode() * 31 + Arrays.hashCode(continuations);
        }
    }

    /**
     * Parses text one command at a time, as Tcl does, for text that runs once (a script file): a
     * long script costs the memory of one command, not of its whole tree. Not cached.
     */
    public CommandReader reader(String text) {
        return new Builder(text, null).reader();
    }

    /** The commands of a script, parsed as they are asked for. */
    public interface CommandReader {
        /** The next command, or null at the end of the text or at a syntax error. */
        Command next();

        /**
         * Once next() has returned null: an empty script holding the syntax error that ended the
         * reading (null error when the text ended), so evaluating it raises that error; else null.
         */
        Script end();
    }

    /** The lexer's tokens without the hidden ones (comments), which CommonTokenStream would skip. */
    private record OnChannel(TokenSource lexer) implements TokenSource {
        @Override
        public Token nextToken() {
            Token t;
            do t = lexer.nextToken(); while (t.getChannel() != Token.DEFAULT_CHANNEL);
            return t;
        }

        @Override public int getLine() { return lexer.getLine(); }
        @Override public int getCharPositionInLine() { return lexer.getCharPositionInLine(); }
        @Override public CharStream getInputStream() { return lexer.getInputStream(); }
        @Override public String getSourceName() { return lexer.getSourceName(); }
        @Override public void setTokenFactory(TokenFactory<?> factory) { lexer.setTokenFactory(factory); }
        @Override public TokenFactory<?> getTokenFactory() { return lexer.getTokenFactory(); }
    }

    /** Thrown inside the builder to abandon the command that holds a syntax error. */
    private static final class Malformed extends RuntimeException {
        final String message;
        final Token at;
        final int showUpTo;

        Malformed(String message, Token at, int showUpTo) {
            super(message, null, false, false);
            this.message = message;
            this.at = at;
            this.showUpTo = showUpTo;
        }
    }

    private static final class Builder {
        private final String source;
        /** Where the source's folded continuation lines are (see parse), or null. */
        private final int[] continuations;
        /** The deepest bracket nesting inside the substitution being built. */
        private int deepest;
        /** In the quoted word being built: where its backslash-newlines fell in its text so far. */
        private int[] quotedBreaks = NO_BREAKS;
        private int quotedBreakCount;

        Builder(String source, int[] continuations) {
            this.source = source;
            this.continuations = continuations;
        }

        /** The line of the text at offset, as info frame counts it: folded continuation lines included. */
        private int frameLine(int line, int offset) {
            if (continuations == null) return line;
            int n = 0;
            while (n < continuations.length && continuations[n] <= offset) n++;
            return line + n;
        }

        /** The source's continuation lines within [from, to), relative to from (Tcl's TclContinuationsEnterDerived). */
        private int[] derivedContinuations(int from, int to) {
            if (continuations == null) return null;
            int a = 0;
            while (a < continuations.length && continuations[a] < from) a++;
            int b = a;
            while (b < continuations.length && continuations[b] < to) b++;
            if (a == b) return null;
            int[] out = Arrays.copyOfRange(continuations, a, b);
            for (int i = 0; i < out.length; i++) out[i] -= from;
            return out;
        }

        Script build() {
            return commandList(parser(new CommonTokenStream(lexer())).script().commandList(), true);
        }

        private TclLexer lexer() {
            TclLexer lexer = new TclLexer(CharStreams.fromString(source));
            lexer.removeErrorListeners();
            return lexer;
        }

        /** Reads top-level commands one by one; the token stream keeps only what prediction needs. */
        CommandReader reader() {
            TclParser parser = parser(new UnbufferedTokenStream<>(new OnChannel(lexer())));
            return new CommandReader() {
                private Script end;

                @Override
                public Command next() {
                    if (end != null) return null;
                    TokenStream in = parser.getTokenStream();
                    int t;
                    while ((t = in.LA(1)) == TclLexer.CMD_SEP || t == TclLexer.WS) in.consume();
                    if (t == Token.EOF) {
                        end = new Script(source, List.of(), null);
                        return null;
                    }
                    TclParser.CommandContext c = parser.command();
                    try {
                        return command(c);
                    } catch (Malformed m) {
                        end = new Script(source, List.of(), syntaxError(c, m));
                        return null;
                    }
                }

                @Override
                public Script end() {
                    return end;
                }
            };
        }

        private static TclParser parser(TokenStream tokens) {
            TclParser parser = new TclParser(tokens);
            parser.removeErrorListeners();
            parser.addErrorListener(new BaseErrorListener() {
                @Override
                public void syntaxError(Recognizer<?, ?> r, Object sym, int line, int col, String msg, RecognitionException e) {
                    throw new IllegalStateException("internal grammar error at " + line + ":" + col + ": " + msg);
                }
            });
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            return parser;
        }

        private SyntaxError syntaxError(TclParser.CommandContext c, Malformed m) {
            int from = c.start.getStartIndex();
            int to = Math.max(from, Math.min(m.showUpTo, source.length()));
            return new SyntaxError(m.message, c.start.getLine(), source.substring(from, to),
                    m.at.getLine(), m.at.getCharPositionInLine() + 1);
        }

        private Script commandList(TclParser.CommandListContext ctx, boolean topLevel) {
            List<Command> commands = new ArrayList<>();
            String text = ctx.start == null ? "" : textOf(ctx);
            for (TclParser.CommandContext c : ctx.command()) {
                try {
                    commands.add(command(c));
                } catch (Malformed m) {
                    if (!topLevel) throw m;
                    return new Script(source, commands, syntaxError(c, m));
                }
            }
            return new Script(topLevel ? source : text, commands, null);
        }

        private Command command(TclParser.CommandContext ctx) {
            List<Word> words = new ArrayList<>(ctx.word().size());
            for (TclParser.WordContext w : ctx.word()) {
                if (w.EXPAND() == null || !expandLiteral(w, words)) words.add(word(w));
            }
            int line = ctx.start.getLine();
            return new Command(words, line, commandText(ctx), frameLine(line, ctx.start.getStartIndex()));
        }

        /**
         * A command's text runs to its terminator, blanks after its last word included (Tcl's
         * commandSize less the terminator): error traces and info frame quote it so.
         */
        private String commandText(TclParser.CommandContext ctx) {
            int from = ctx.start.getStartIndex();
            int to = ctx.stop.getStopIndex() + 1;
            while (to < source.length()) {
                char c = source.charAt(to);
                if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B') {
                    to++;
                } else if (c == '\\' && source.startsWith("\n", to + 1)) {
                    to += 2;
                } else if (c == '\\' && source.startsWith("\r\n", to + 1)) {
                    to += 3;
                } else {
                    break;
                }
            }
            return source.substring(from, to);
        }

        /**
         * Tcl_ParseCommand expands a {*} word of plain text at once when its elements need no
         * substitution: each element becomes a literal word of the command, on its own line.
         * False (nothing added) for any other {*} word, expanded when the command runs.
         */
        private boolean expandLiteral(TclParser.WordContext ctx, List<Word> words) {
            int from;
            int to;
            if (ctx.braced() != null) {
                TclParser.BracedContext b = ctx.braced();
                if (b.BRACE_WORD() == null || !b.trailing.isEmpty()) return false;
                Token t = b.BRACE_WORD().getSymbol();
                from = t.getStartIndex() + 1;
                to = t.getStopIndex();
                for (int i = from; i < to; i++) {
                    if (source.charAt(i) == '\\' && (source.charAt(i + 1) == '\n' || source.charAt(i + 1) == '\r')) return false;
                }
            } else {
                List<TclParser.PartContext> parts;
                if (ctx.quoted() != null) {
                    TclParser.QuotedContext q = ctx.quoted();
                    if (q.QUOTE_CLOSE() == null || !q.trailing.isEmpty()) return false;
                    parts = q.part();
                    from = q.QUOTE_OPEN().getSymbol().getStopIndex() + 1;
                    to = q.QUOTE_CLOSE().getSymbol().getStartIndex();
                } else {
                    parts = ctx.bare().part();
                    from = ctx.bare().start.getStartIndex();
                    to = ctx.bare().stop.getStopIndex() + 1;
                }
                for (TclParser.PartContext p : parts) if (p.TEXT() == null && p.TEXT_CHAR() == null) return false;
            }
            List<int[]> elements = ListElements.literal(source, from, to);
            if (elements == null) return false;
            int line = ctx.start.getLine();
            int at = ctx.start.getStartIndex();
            for (int[] e : elements) {
                for (; at < e[0]; at++) if (source.charAt(at) == '\n') line++;
                words.add(new Word.Literal(source.substring(e[0], e[1]), false, line, frameLine(line, e[0]),
                        derivedContinuations(e[0], e[1])));
            }
            return true;
        }

        private Word word(TclParser.WordContext ctx) {
            boolean expand = ctx.EXPAND() != null;
            int line = ctx.start.getLine();
            if (ctx.braced() != null) {
                TclParser.BracedContext b = ctx.braced();
                if (b.MISSING_BRACE() != null) {
                    Token t = b.MISSING_BRACE().getSymbol();
                    throw new Malformed("missing close-brace", t, t.getStartIndex() + 1);
                }
                if (!b.trailing.isEmpty()) {
                    throw new Malformed("extra characters after close-brace", b.trailing.get(0).start, b.stop.getStopIndex() + 1);
                }
                Token brace = b.BRACE_WORD().getSymbol();
                String raw = brace.getText();
                Folded f = fold(raw.substring(1, raw.length() - 1));
                // A word with continuation lines of its own has those; else it keeps those of the
                // text around it that fall inside it (a body inside a body).
                int[] breaks = f.breaks() != null ? f.breaks()
                        : derivedContinuations(brace.getStartIndex() + 1, brace.getStopIndex());
                return new Word.Literal(f.text(), expand, line, frameLine(line, ctx.start.getStartIndex()), breaks);
            }
            List<Part> parts = new ArrayList<>();
            if (ctx.quoted() != null) {
                TclParser.QuotedContext q = ctx.quoted();
                quotedBreakCount = 0;
                for (TclParser.PartContext p : q.part()) part(p, parts);
                if (q.MISSING_QUOTE() != null) {
                    throw new Malformed("missing \"", q.QUOTE_OPEN().getSymbol(), q.QUOTE_OPEN().getSymbol().getStartIndex() + 1);
                }
                if (!q.trailing.isEmpty()) {
                    throw new Malformed("extra characters after close-quote", q.trailing.get(0).start, q.stop.getStopIndex() + 1);
                }
                // A quoted word without substitutions keeps its continuation lines, as a braced one.
                int[] breaks = quotedBreakCount > 0 ? Arrays.copyOf(quotedBreaks, quotedBreakCount)
                        : derivedContinuations(ctx.start.getStartIndex() + 1, q.stop.getStopIndex());
                return wordOf(parts, expand, line, frameLine(line, ctx.start.getStartIndex()), breaks);
            }
            for (TclParser.PartContext p : ctx.bare().part()) part(p, parts);
            return wordOf(parts, expand, line, frameLine(line, ctx.start.getStartIndex()), null);
        }

        private static Word wordOf(List<Part> parts, boolean expand, int line, int frameLine, int[] breaks) {
            if (parts.isEmpty()) return new Word.Literal("", expand, line, frameLine, null);
            if (parts.size() == 1 && parts.get(0) instanceof Part.Text t) {
                return new Word.Literal(t.text(), expand, line, frameLine, breaks);
            }
            return new Word.Compound(parts, expand, line);
        }

        /** Appends a part, merging adjacent text so words stay short. */
        private void part(TclParser.PartContext ctx, List<Part> out) {
            if (ctx.variable() != null) {
                out.add(variable(ctx.variable()));
            } else if (ctx.substitution() != null) {
                TclParser.SubstitutionContext s = ctx.substitution();
                int outer = deepest;
                deepest = 0;
                Script inner = commandList(s.commandList(), false);
                int depth = deepest + 1;
                deepest = Math.max(outer, depth);
                if (s.MISSING_BRACKET() != null) {
                    Token open = s.LBRACKET().getSymbol();
                    throw new Malformed("missing close-bracket", open, open.getStartIndex() + 1);
                }
                out.add(new Part.Substitution(inner, depth));
            } else {
                String text = ctx.ESCAPE() != null ? Backslash.decode(ctx.getText()) : ctx.getText();
                if (ctx.ESCAPE() != null && isContinuation(ctx.getText())) {
                    int at = !out.isEmpty() && out.get(out.size() - 1) instanceof Part.Text prev ? prev.text().length() : 0;
                    if (quotedBreakCount == quotedBreaks.length) quotedBreaks = Arrays.copyOf(quotedBreaks, quotedBreakCount * 2 + 4);
                    quotedBreaks[quotedBreakCount++] = at;
                }
                if (!out.isEmpty() && out.get(out.size() - 1) instanceof Part.Text prev) {
                    out.set(out.size() - 1, new Part.Text(prev.text() + text));
                } else {
                    out.add(new Part.Text(text));
                }
            }
        }

        private Part variable(TclParser.VariableContext ctx) {
            if (ctx.VAR_SIMPLE() != null) return new Part.Variable(ctx.getText().substring(1), null);
            if (ctx.MISSING_VAR_BRACE() != null) {
                Token t = ctx.MISSING_VAR_BRACE().getSymbol();
                throw new Malformed("missing close-brace for variable name", t, t.getStartIndex() + 1);
            }
            if (ctx.VAR_BRACED() != null) {
                String t = ctx.getText();
                return new Part.Variable(t.substring(2, t.length() - 1), null);
            }
            String open = ctx.VAR_INDEX().getText();
            List<Part> index = new ArrayList<>();
            for (TclParser.PartContext p : ctx.part()) part(p, index);
            if (ctx.MISSING_PAREN() != null) {
                Token t = ctx.VAR_INDEX().getSymbol();
                throw new Malformed("missing )", t, t.getStopIndex() + 1);
            }
            int line = ctx.start.getLine();
            return new Part.Variable(open.substring(1, open.length() - 1), wordOf(index, false, line, line, null));
        }

        private String textOf(ParserRuleContext ctx) {
            int from = ctx.start.getStartIndex();
            int to = ctx.stop == null ? from - 1 : ctx.stop.getStopIndex();
            return to < from ? "" : source.substring(from, to + 1);
        }
    }

    private static final int[] NO_BREAKS = new int[0];

    private static boolean isContinuation(String escape) {
        return escape.length() > 1 && (escape.charAt(1) == '\n' || escape.charAt(1) == '\r');
    }

    /** Braced text with its backslash-newlines folded, and the offsets of the spaces they became (null if none). */
    record Folded(String text, int[] breaks) {}

    /** Inside braces the only substitution is backslash-newline-whitespace, which becomes one space. */
    public static String foldBackslashNewlines(String s) {
        return fold(s).text();
    }

    static Folded fold(String s) {
        if (s.indexOf('\n') < 0 || s.indexOf('\\') < 0) return new Folded(s, null);
        StringBuilder out = new StringBuilder(s.length());
        int[] breaks = NO_BREAKS;
        int count = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if (n == '\n' || (n == '\r' && i + 2 < s.length() && s.charAt(i + 2) == '\n')) {
                    i = Backslash.sequenceEnd(s, i);
                    if (count == breaks.length) breaks = Arrays.copyOf(breaks, count * 2 + 4);
                    breaks[count++] = out.length();
                    out.append(' ');
                    continue;
                }
                out.append(c).append(n);
                i += 2;
                continue;
            }
            out.append(c);
            i++;
        }
        return new Folded(out.toString(), count == 0 ? null : Arrays.copyOf(breaks, count));
    }

    /**
     * Where the command substitution or quoted word opening at {@code open} ('[' or '"') ends: the
     * index after its closing character, or -1 if it is not closed. Tcl's word rules apply inside
     * ('"' and '{' open a word only at its start).
     */
    public static int nestedEnd(String text, int open) {
        TclLexer lexer = new TclLexer(CharStreams.fromString(text.substring(open)));
        lexer.removeErrorListeners();
        int depth = 0;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            switch (t.getType()) {
                case TclLexer.LBRACKET, TclLexer.QUOTE_OPEN -> depth++;
                case TclLexer.RBRACKET, TclLexer.QUOTE_CLOSE -> {
                    if (--depth == 0) return open + t.getStopIndex() + 1;
                }
                case TclLexer.MISSING_BRACKET, TclLexer.MISSING_QUOTE -> {
                    return -1;
                }
                default -> { }
            }
        }
        return -1;
    }
}
