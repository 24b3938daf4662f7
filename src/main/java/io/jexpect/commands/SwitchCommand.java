package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The switch command: exact, glob and regexp arms, in separate-words or single-list form (Tcl_SwitchObjCmd). */
final class SwitchCommand {
    private SwitchCommand() {}

    private static final String USAGE = "?-option ...? string ?pattern body ...? ?default body?";
    private static final String[] OPTIONS = {"-exact", "-glob", "-indexvar", "-matchvar", "-nocase", "-regexp", "--"};

    static void install(Interp in) {
        in.register("switch", SwitchCommand::switchCmd);
    }

    private static Value switchCmd(Interp in, Value[] a) throws TclException {
        String mode = null;
        boolean nocase = false;
        String matchVar = null, indexVar = null;
        int i = 1;
        // Options are only looked for while a string and at least one more word follow.
        for (; i < a.length - 2; i++) {
            if (!a[i].toString().startsWith("-")) break;
            String opt = lookup(a[i]);
            if (opt.equals("--")) {
                i++;
                break;
            }
            switch (opt) {
                case "-exact", "-glob", "-regexp" -> {
                    if (mode != null) {
                        throw TclException.error("bad option \"" + a[i] + "\": " + mode + " option already found");
                    }
                    mode = opt;
                }
                case "-nocase" -> nocase = true;
                case "-matchvar", "-indexvar" -> {
                    if (i + 1 >= a.length - 2) throw TclException.error("missing variable name argument to " + opt + " option");
                    if (opt.equals("-matchvar")) matchVar = a[++i].toString();
                    else indexVar = a[++i].toString();
                }
                default -> throw new IllegalStateException(opt);
            }
        }
        if (mode == null) mode = "-exact";
        if (matchVar != null && !mode.equals("-regexp")) throw TclException.error("-matchvar option requires -regexp option");
        if (indexVar != null && !mode.equals("-regexp")) throw TclException.error("-indexvar option requires -regexp option");
        if (a.length - i < 2) throw TclException.wrongArgs(a, 1, USAGE);
        String str = a[i].toString();
        List<Value> arms;
        boolean split = a.length - i == 2;
        if (split) {
            arms = a[i + 1].asList();
            if (arms.isEmpty()) throw TclException.wrongArgs(a, 1, "?-option ...? string {?pattern body ...? ?default body?}");
        } else {
            arms = Arrays.asList(a).subList(i + 1, a.length);
        }
        if (arms.size() % 2 != 0) {
            String msg = "extra switch pattern with no body";
            if (split) {
                for (int k = 0; k < arms.size(); k += 2) {
                    if (arms.get(k).toString().startsWith("#")) {
                        msg += ", this may be due to a comment incorrectly placed outside of a switch body"
                                + " - see the \"switch\" documentation";
                        break;
                    }
                }
            }
            throw TclException.error(msg);
        }
        int n = arms.size();
        if (arms.get(n - 1).toString().equals("-")) {
            throw TclException.error("no body specified for pattern \"" + arms.get(n - 2) + "\"");
        }
        for (int k = 0; k < n; k += 2) {
            String pattern = arms.get(k).toString();
            boolean hit;
            if (k == n - 2 && pattern.equals("default")) {
                if (indexVar != null) in.setVar(indexVar, Value.EMPTY);
                if (matchVar != null) in.setVar(matchVar, Value.EMPTY);
                hit = true;
            } else {
                hit = switch (mode) {
                    case "-glob" -> GlobMatch.matches(pattern, str, nocase);
                    case "-regexp" -> regexpArm(in, pattern, str, nocase, matchVar, indexVar);
                    default -> nocase ? pattern.equalsIgnoreCase(str) : pattern.equals(str);
                };
            }
            if (!hit) continue;
            int body = k + 1;
            while (arms.get(body).toString().equals("-")) body += 2; // fall through to the next real body
            String shown = pattern.length() > 50 ? pattern.substring(0, 50) + "..." : pattern;
            String context = "\"" + shown + "\" arm";
            return split ? in.evalArm(a[i + 1], body, context) : in.evalBody(arms.get(body), context);
        }
        return Value.EMPTY;
    }

    private static boolean regexpArm(Interp in, String pattern, String str, boolean nocase, String matchVar,
            String indexVar) throws TclException {
        TclRegex.Compiled re = TclRegex.compile(in, pattern, nocase ? TclRegex.NOCASE : 0);
        int[] m = TclRegex.exec(re, str, 0, false);
        if (m == null) return false;
        if (matchVar == null && indexVar == null) return true;
        List<Value> matches = new ArrayList<>(), indices = new ArrayList<>();
        for (int g = 0; g <= re.groups(); g++) {
            int s = m[2 * g], e = m[2 * g + 1];
            // Tcl reports -1 -1 for any span ending at 0, including an empty match at the start.
            indices.add(e > 0 ? Value.ofList(List.of(Value.of(s), Value.of(e - 1)))
                    : Value.ofList(List.of(Value.of(-1), Value.of(-1))));
            matches.add(s < 0 ? Value.EMPTY : Value.of(str.substring(s, e)));
        }
        if (indexVar != null) in.setVar(indexVar, Value.ofList(indices)); // first, as Tcl's switch
        if (matchVar != null) in.setVar(matchVar, Value.ofList(matches));
        return true;
    }

    private static String lookup(Value word) throws TclException {
        String w = word.toString();
        String found = null;
        for (String o : OPTIONS) {
            if (o.equals(w)) return o;
            if (o.startsWith(w) && w.length() > 1) {
                if (found != null) throw error("ambiguous option", w);
                found = o;
            }
        }
        if (found == null) throw error("bad option", w);
        return found;
    }

    private static TclException error(String what, String w) {
        return TclException.error(what + " \"" + w + "\": must be -exact, -glob, -indexvar, -matchvar, -nocase, -regexp, or --",
                "TCL", "LOOKUP", "INDEX", "option", w);
    }
}
