package io.jexpect.script;

import java.util.ArrayList;
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

    private final Map<String, Script> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Script> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** Parses (or fetches from the cache) a script. */
    public Script parse(String text) {
        synchronized (cache) {
            Script s = cache.get(text);
            if (s != null) return s;
        }
        Script s = new Builder(text).build();
        synchronized (cache) {
            cache.put(text, s);
        }
        return s;
    }

    /**
     * Parses text one command at a time, as Tcl does, for text that runs once (a script file): a
     * long script costs the memory of one command, not of its whole tree. Not cached.
     */
    public CommandReader reader(String text) {
        return new Builder(text).reader();
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
        /** The deepest bracket nesting inside the substitution being built. */
        private int deepest;

        Builder(String source) {
            this.source = source;
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
            for (TclParser.WordContext w : ctx.word()) words.add(word(w));
            return new Command(words, ctx.start.getLine(), commandText(ctx));
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
                String raw = b.BRACE_WORD().getText();
                return new Word.Literal(foldBackslashNewlines(raw.substring(1, raw.length() - 1)), expand, line);
            }
            List<Part> parts = new ArrayList<>();
            if (ctx.quoted() != null) {
                TclParser.QuotedContext q = ctx.quoted();
                for (TclParser.PartContext p : q.part()) part(p, parts);
                if (q.MISSING_QUOTE() != null) {
                    throw new Malformed("missing \"", q.QUOTE_OPEN().getSymbol(), q.QUOTE_OPEN().getSymbol().getStartIndex() + 1);
                }
                if (!q.trailing.isEmpty()) {
                    throw new Malformed("extra characters after close-quote", q.trailing.get(0).start, q.stop.getStopIndex() + 1);
                }
            } else {
                for (TclParser.PartContext p : ctx.bare().part()) part(p, parts);
            }
            return wordOf(parts, expand, line);
        }

        private static Word wordOf(List<Part> parts, boolean expand, int line) {
            if (parts.isEmpty()) return new Word.Literal("", expand, line);
            if (parts.size() == 1 && parts.get(0) instanceof Part.Text t) return new Word.Literal(t.text(), expand, line);
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
            return new Part.Variable(open.substring(1, open.length() - 1), wordOf(index, false, ctx.start.getLine()));
        }

        private String textOf(ParserRuleContext ctx) {
            int from = ctx.start.getStartIndex();
            int to = ctx.stop == null ? from - 1 : ctx.stop.getStopIndex();
            return to < from ? "" : source.substring(from, to + 1);
        }
    }

    /** Inside braces the only substitution is backslash-newline-whitespace, which becomes one space. */
    public static String foldBackslashNewlines(String s) {
        if (s.indexOf('\n') < 0 || s.indexOf('\\') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if (n == '\n' || (n == '\r' && i + 2 < s.length() && s.charAt(i + 2) == '\n')) {
                    i = Backslash.sequenceEnd(s, i);
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
        return out.toString();
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
