package io.jexpect.commands;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.util.Arrays;
import java.util.List;

/**
 * case, Tcl's deprecated forerunner of switch that 8.6 still has (Tcl_CaseObjCmd): glob pattern
 * lists, the first match wins, a "default" pattern if none does.
 */
final class CaseCommand {
    private CaseCommand() {}

    static void install(Interp in) {
        in.register("case", CaseCommand::run);
    }

    private static Value run(Interp in, Value[] a) throws TclException {
        if (a.length < 3) throw TclException.wrongArgs(a, 1, "string ?in? ?pattern body ...? ?default body?");
        String subject = a[1].toString();
        int first = a[2].toString().equals("in") ? 3 : 2;
        List<Value> arms = Arrays.asList(a).subList(first, a.length);
        if (arms.size() == 1) arms = arms.get(0).asList(); // all pairs in one word
        int body = -1;
        for (int i = 0; i < arms.size(); i += 2) {
            if (i == arms.size() - 1) throw TclException.error("extra case pattern with no body");
            String pattern = arms.get(i).toString();
            if (!splitsAsList(pattern)) {
                if (pattern.equals("default")) body = i + 1;
                if (GlobMatch.matches(pattern, subject, false)) {
                    body = i + 1;
                    break;
                }
                continue;
            }
            boolean hit = false;
            for (Value p : arms.get(i).asList()) hit = hit || GlobMatch.matches(p.toString(), subject, false);
            if (hit) {
                body = i + 1;
                break;
            }
        }
        if (body < 0) return Value.EMPTY;
        String pattern = arms.get(body - 1).toString();
        String shown = pattern.length() > 50 ? pattern.substring(0, 50) : pattern;
        return in.evalBodyApart(arms.get(body), "\"" + shown + "\" arm");
    }

    /** A pattern word with white space or a backslash is a list of patterns; otherwise it is one. */
    private static boolean splitsAsList(String pattern) {
        for (int k = 0; k < pattern.length(); k++) {
            char c = pattern.charAt(k);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\\') return true;
        }
        return false;
    }
}
