package io.jexpect.expect;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import io.jexpect.script.Command;
import io.jexpect.script.Script;
import io.jexpect.script.Word;
import java.util.ArrayList;
import java.util.List;

/** Parses the arguments of expect, expect_before/after and expect_user into case specs (expect.c's parse_expect_args). */
final class ExpectArgs {
    static final String BAD_FLAG = "\": must be -glob, -regexp, -exact, -notransfer, -nocase, -i, -indices, "
            + "-iread, -timestamp, -timeout, -nobrace, or --";

    final List<CaseSpec> cases;
    /** {@code -timeout N} in seconds (fractions allowed), or null. */
    Double timeout;
    boolean continueTimer;
    /**
     * Word by word: the case whose pattern the word is when a flag ({@code -ex}, {@code -gl},
     * {@code -re}, {@code --}) chose that case's kind, else -1. Such a word is taken as it is:
     * another text there would parse the same but for that pattern ({@link #withPattern}).
     */
    private int[] verbatimCase;
    /** Case by case: the word that is its action, or -1. */
    private int[] bodyWord;

    private ExpectArgs(List<CaseSpec> cases) {
        this.cases = cases;
    }

    static ExpectArgs parse(Interp interp, Value[] argv) throws TclException {
        return parse(words(interp, argv));
    }

    /** The case whose pattern word {@code i} is, if a flag chose its kind; else -1. */
    int verbatimCase(int word) {
        return verbatimCase[word];
    }

    /**
     * Case {@code c}'s action as {@code words} (words like those parsed) give it: a command's
     * own word, so {@code info frame} finds the action among that command's words.
     */
    Value body(int c, List<Value> words) {
        int at = bodyWord[c];
        return at < 0 ? null : words.get(at);
    }

    /** These arguments with case {@code c}'s pattern (one {@link #verbatimCase} names) replaced. */
    ExpectArgs withPattern(int c, String pattern) {
        List<CaseSpec> specs = new ArrayList<>(cases);
        CaseSpec old = specs.get(c);
        specs.set(c, new CaseSpec(old.kind(), pattern, old.nocase(), old.indices(), old.transfer(), old.spawnIds(),
            old.body(), old.screen(), old.stableMillis()));
        ExpectArgs out = new ExpectArgs(specs);
        out.timeout = timeout;
        out.continueTimer = continueTimer;
        out.verbatimCase = verbatimCase;
        out.bodyWord = bodyWord;
        return out;
    }

    static ExpectArgs parse(List<Value> args) throws TclException {
        ExpectArgs out = new ExpectArgs(new ArrayList<>());
        out.verbatimCase = new int[args.size()];
        java.util.Arrays.fill(out.verbatimCase, -1);
        int[] bodyWord = new int[args.size()];
        List<String> ids = null;
        CaseSpec.Kind kind = null;
        boolean nocase = false, indices = false, transfer = true, screen = false;
        long stable = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).toString();
            if (kind == null && a.startsWith("-") && a.length() > 1) {
                switch (a) {
                    case "-glob", "-gl" -> kind = CaseSpec.Kind.GLOB;
                    case "-regexp", "-re" -> kind = CaseSpec.Kind.REGEX;
                    case "-exact", "-ex" -> kind = CaseSpec.Kind.EXACT;
                    case "-nocase" -> nocase = true;
                    case "-indices" -> indices = true;
                    case "-notransfer" -> transfer = false;
                    case "-screen" -> screen = true;
                    case "-stable" -> {
                        if (++i >= args.size()) throw TclException.error("-stable requires following # of milliseconds");
                        stable = Math.max(0, args.get(i).asLong());
                        screen = true;
                    }
                    case "-iread", "-iwrite", "-timestamp", "-nobrace", "-brace" -> {}
                    case "-continue_timer" -> out.continueTimer = true;
                    case "-i" -> {
                        if (++i >= args.size()) throw TclException.error("-i requires following spawn_id");
                        ids = new ArrayList<>();
                        for (Value v : args.get(i).asList()) ids.add(v.toString());
                    }
                    case "-timeout" -> {
                        if (++i >= args.size()) throw TclException.error("-timeout requires following # of seconds");
                        out.timeout = args.get(i).asDouble();
                    }
                    case "--" -> kind = CaseSpec.Kind.GLOB;
                    default -> throw TclException.error("bad flag \"" + a + BAD_FLAG);
                }
                continue;
            }
            CaseSpec.Kind k = kind;
            if (k == null && screen) k = CaseSpec.Kind.GLOB;
            if (k == null) {
                k = switch (a) {
                    case "eof" -> CaseSpec.Kind.EOF;
                    case "timeout" -> CaseSpec.Kind.TIMEOUT;
                    case "default" -> CaseSpec.Kind.DEFAULT;
                    case "full_buffer" -> CaseSpec.Kind.FULL_BUFFER;
                    case "null" -> CaseSpec.Kind.NULL;
                    default -> CaseSpec.Kind.GLOB;
                };
            }
            if (kind != null) out.verbatimCase[i] = out.cases.size();
            bodyWord[out.cases.size()] = i + 1 < args.size() ? i + 1 : -1;
            Value body = i + 1 < args.size() ? args.get(++i) : null;
            out.cases.add(new CaseSpec(k, a, nocase, indices, transfer, ids, body, screen, stable));
            kind = null;
            screen = false;
            stable = 0;
            nocase = false;
            indices = false;
            transfer = true;
        }
        out.bodyWord = java.util.Arrays.copyOf(bodyWord, out.cases.size());
        return out;
    }

    /**
     * The words to parse. A single argument that starts with a newline (before any other
     * non-space) is a braced pattern/action list: its words are substituted as Tcl words, so
     * {@code $var} and {@code [cmd]} inside it work (Expect's exp_one_arg_braced heuristic).
     */
    static List<Value> words(Interp interp, Value[] argv) throws TclException {
        int from = 1;
        boolean nobrace = false, brace = false;
        if (argv.length > 1 && argv[1].toString().equals("-nobrace")) { nobrace = true; from = 2; }
        else if (argv.length > 1 && argv[1].toString().equals("-brace")) { brace = true; from = 2; }
        if (argv.length - from == 1 && !nobrace && (brace || looksBraced(argv[from].toString()))) {
            return bracedWords(interp, argv[from]);
        }
        List<Value> out = new ArrayList<>(argv.length - from);
        for (int i = from; i < argv.length; i++) out.add(argv[i]);
        return out;
    }

    /** The words of a braced pattern/action list, substituted. */
    private static List<Value> bracedWords(Interp interp, Value list) throws TclException {
        Script s = interp.parser().parse(list.toString());
        if (s.error() != null) throw TclException.error(s.error().message());
        List<Value> out = new ArrayList<>();
        for (Command c : s.commands()) {
            for (Word w : c.words()) {
                Value v = interp.word(w);
                if (w.expand()) out.addAll(v.asList());
                else out.add(v);
            }
        }
        return out;
    }

    static boolean looksBraced(String s) {
        boolean newline = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') newline = true;
            else if (!Character.isWhitespace(c)) return newline;
        }
        return false;
    }
}
