package io.jexpect.cli;

import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive prompt ({@code jexpect -i}): reads lines until they form a complete command,
 * runs it and prints its result or error message. On a terminal, JLine gives line editing and
 * history (kept in ~/.jexpect_history); otherwise lines are read plainly, so piping commands in works too.
 */
final class Repl {
    private final Interp interp;
    private final InputStream in;
    private final boolean lineEditing;

    /** @param lineEditing whether JLine may take the terminal (this JVM's own standard input) */
    Repl(Interp interp, InputStream in, boolean lineEditing) {
        this.interp = interp;
        this.in = in;
        this.lineEditing = lineEditing;
    }

    int run() throws TclException {
        return lineEditing && stdinIsTerminal() ? runWithJLine() : runPlain();
    }

    private static boolean stdinIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private int runWithJLine() throws TclException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            // Tcl reads the line, not JLine: no backslash removal, no "!!" history expansion.
            DefaultParser parser = new DefaultParser();
            parser.setEscapeChars(null);
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("jexpect")
                    .parser(parser)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .variable(LineReader.HISTORY_FILE, historyFile())
                    .build();
            // Arrows in normal cursor mode too, not only the terminfo (application mode) ones,
            // as readline does: some terminals ignore the keypad switch.
            KeyMap<Binding> keys = reader.getKeyMaps().get(LineReader.MAIN);
            keys.bind(new Reference(LineReader.UP_LINE_OR_HISTORY), "\033[A");
            keys.bind(new Reference(LineReader.DOWN_LINE_OR_HISTORY), "\033[B");
            keys.bind(new Reference(LineReader.FORWARD_CHAR), "\033[C");
            keys.bind(new Reference(LineReader.BACKWARD_CHAR), "\033[D");
            StringBuilder pending = new StringBuilder();
            int n = 1;
            while (true) {
                String line;
                try {
                    line = reader.readLine(pending.isEmpty() ? "jexpect" + n + ".1> " : "+> ");
                } catch (UserInterruptException e) {
                    pending.setLength(0);
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                pending.append(line).append('\n');
                if (!complete(interp, pending.toString())) continue;
                evaluate(pending.toString());
                pending.setLength(0);
                n++;
            }
        } catch (IOException e) {
            return runPlain();
        }
    }

    /** Kept between sessions, as Tcl shells with readline do. */
    private static Path historyFile() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"), ".jexpect_history");
    }

    private int runPlain() throws TclException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder pending = new StringBuilder();
        while (true) {
            String line;
            try {
                line = lines.readLine();
            } catch (IOException e) {
                return 0;
            }
            if (line == null) return 0;
            pending.append(line).append('\n');
            if (!complete(interp, pending.toString())) continue;
            evaluate(pending.toString());
            pending.setLength(0);
        }
    }

    private void evaluate(String text) throws TclException {
        try {
            Value v = interp.eval(text);
            if (!v.toString().isEmpty()) interp.channels().stdout().write(v + "\n");
        } catch (TclException e) {
            if (e.exitStatus() != null) throw e;
            interp.channels().stdout().write(e.getMessage() + "\n");
        }
        interp.channels().stdout().flush();
    }

    /** A command is complete when nothing in it is left unterminated. */
    static boolean complete(Interp interp, String text) {
        var err = interp.parser().parse(text).error();
        return err == null || !err.message().startsWith("missing");
    }
}
