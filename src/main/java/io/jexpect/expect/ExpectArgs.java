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

    final List<CaseSpec> cases = new ArrayList<>();
    /** {@code -timeout N} in seconds (fractions allowed), or null. */
    Double timeout;
    boolean continueTimer;

    private ExpectArgs() {}

    static ExpectArgs parse(Interp interp, Value[] argv) throws TclException {
        List<Value> args = words(interp, argv);
        ExpectArgs out = new ExpectArgs();
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
            Value body = i + 1 < args.size() ? args.get(++i) : null;
            out.cases.add(new CaseSpec(k, a, nocase, indices, transfer, ids, body, screen, stable));
            kind = null;
            screen = false;
            stable = 0;
            nocase = false;
            indices = false;
            transfer = true;
        }
        return out;
    }

    /**
     * The words to parse. A single argument that starts with a newline (before any other
     * non-space) is a braced pattern/action list: its words are substituted as Tcl words, so
     * {@code $var} and {@code [cmd]} inside it work (Expect's exp_one_arg_braced heuristic).
     */
    private static List<Value> words(Interp interp, Value[] argv) throws TclException {
        List<Value> out = new ArrayList<>();
        int from = 1;
        boolean nobrace = false, brace = false;
        if (argv.length > 1 && argv[1].toString().equals("-nobrace")) { nobrace = true; from = 2; }
        else if (argv.length > 1 && argv[1].toString().equals("-brace")) { brace = true; from = 2; }
        if (argv.length - from == 1 && !nobrace && (brace || looksBraced(argv[from].toString()))) {
            Script s = interp.parser().parse(argv[from].toString());
            if (s.error() != null) throw TclException.error(s.error().message());
            for (Command c : s.commands()) {
                for (Word w : c.words()) {
                    Value v = interp.word(w);
                    if (w.expand()) out.addAll(v.asList());
                    else out.add(v);
                }
            }
            return out;
        }
        for (int i = from; i < argv.length; i++) out.add(argv[i]);
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
