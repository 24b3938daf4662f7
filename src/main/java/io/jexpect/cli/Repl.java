package io.jexpect.cli;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The interactive prompt ({@code jexpect -i}): reads commands until a complete one is typed, runs it, prints the result. */
final class Repl {
    private final Interp interp;

    Repl(Interp interp) {
        this.interp = interp;
    }

    int run() throws TclException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder pending = new StringBuilder();
        int n = 1;
        while (true) {
            System.out.print(pending.isEmpty() ? "jexpect" + n + ".1> " : "+> ");
            System.out.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                return 0;
            }
            if (line == null) return 0;
            pending.append(line).append('\n');
            if (!complete(pending.toString())) continue;
            String text = pending.toString();
            pending.setLength(0);
            n++;
            try {
                Value v = interp.eval(text);
                if (!v.toString().isEmpty()) System.out.println(v);
            } catch (TclException e) {
                if (e.exitStatus() != null) throw e;
                System.out.println(e.getMessage());
            }
        }
    }

    /** A command is complete when the parser finds nothing unterminated in it. */
    private boolean complete(String text) {
        var err = interp.parser().parse(text).error();
        return err == null || !err.message().startsWith("missing");
    }
}
