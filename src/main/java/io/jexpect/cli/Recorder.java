package io.jexpect.cli;

import io.jexpect.engine.Case;
import io.jexpect.engine.Engine;
import io.jexpect.engine.ExitStatus;
import io.jexpect.engine.Expecter;
import io.jexpect.engine.Pattern;
import io.jexpect.engine.Session;
import io.jexpect.engine.SignalCatcher;
import io.jexpect.engine.Signals;
import io.jexpect.engine.SpawnOptions;
import io.jexpect.engine.UserTerminal;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code jexpect record [-o FILE] [--] command args…}, Expect's autoexpect: runs the command on the
 * user's terminal (raw mode, keys passed through, output shown, window size followed) and writes
 * a script that replays the session ({@link ReplayScript}).
 */
final class Recorder {
    static final String HELP = """
            usage: jexpect record [-o FILE] [--] [command [args ...]]
            Runs the command (by default $SHELL) on this terminal and records the session: use the
            program as usual and end it. Then FILE (script.exp unless -o) holds an Expect script that
            replays the session: spawn, then for each burst of typing an expect for the last line the
            program showed before it and a send of the keys, then expect eof. Run it with jexpect
            (or expect). Window size changes are recorded as stty commands.
              -o FILE   where to write the script (default script.exp)
              -h, --help  this text
            """;

    private final PrintStream out;
    private final PrintStream err;

    Recorder(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        Path file = Path.of("script.exp");
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) { i++; break; }
            if (a.equals("-h") || a.equals("--help")) {
                out.print(HELP);
                return 0;
            }
            if (a.equals("-o")) {
                if (i + 1 == args.size()) return usage("option -o needs a file name");
                file = Path.of(args.get(++i));
            } else if (a.startsWith("-")) {
                return usage("unknown option " + a);
            } else {
                break;
            }
        }
        List<String> command = new ArrayList<>(args.subList(i, args.size()));
        if (command.isEmpty()) {
            String shell = System.getenv("SHELL");
            command.add(shell == null || shell.isEmpty() ? "/bin/sh" : shell);
        }
        try {
            Files.writeString(file, ""); // a file we cannot write is better found out before the session
        } catch (IOException e) {
            err.println("jexpect record: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        try (Engine engine = new Engine()) {
            return record(engine, command, file);
        }
    }

    private int record(Engine engine, List<String> command, Path file) {
        int[] size = UserTerminal.windowSize();
        Recording recording = new Recording(command, System.getenv("TERM"), size[0], size[1]);
        OutputStream screen = new FileOutputStream(FileDescriptor.out);
        err.println("jexpect record: recording into " + file + "; end the program to finish");
        // Raw before the program starts: keys typed at its first prompt must reach it unchanged.
        String saved = UserTerminal.makeRaw();
        Session session;
        try {
            session = engine.spawn(SpawnOptions.of(command).withWindowSize(size[0], size[1]), text -> {
                recording.add(new Recording.Output(text));
                try {
                    screen.write(text.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // The user's terminal is gone; the program's end will end the recording.
                }
                return ""; // nothing is matched: the output only needs to reach its end
            });
        } catch (IOException e) {
            UserTerminal.restore(saved);
            err.println("jexpect record: " + e.getMessage());
            return 1;
        }
        boolean resizes = followResizes(session, recording);
        ExitStatus status;
        try {
            Thread keys = new Thread(() -> passKeys(session, recording), "jexpect-record-keys");
            keys.setDaemon(true); // blocked reading the terminal when the program ends
            keys.start();
            new Expecter().expect(List.of(session), List.of(Case.of(new Pattern.Eof())), -1);
            status = session.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (resizes) SignalCatcher.get().restore(SIGWINCH);
            UserTerminal.restore(saved);
            session.close();
        }
        String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        try {
            Files.writeString(file, ReplayScript.of(recording, when));
        } catch (IOException e) {
            err.println("jexpect record: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        err.println("jexpect record: wrote " + file);
        return status == null ? 0 : status.killedBySignal() ? 128 + status.signal() : status.exitCode();
    }

    private static final int SIGWINCH = Signals.number("SIGWINCH");

    /** The program gets the user's window size whenever it changes; false where signals cannot be caught. */
    private static boolean followResizes(Session session, Recording recording) {
        try {
            SignalCatcher.get().handle(SIGWINCH, sig -> {
                int[] size = UserTerminal.windowSize();
                if (size[0] <= 0 || size[1] <= 0) return;
                recording.add(new Recording.Resize(size[0], size[1]));
                session.setWindowSize(size[0], size[1]); // the kernel signals the program
            });
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /** Sends what the user types to the program as it comes, and records it. */
    private static void passKeys(Session session, Recording recording) {
        InputStream in = new FileInputStream(FileDescriptor.in);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer pending = ByteBuffer.allocate(8192);
        CharBuffer chars = CharBuffer.allocate(8192);
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                pending.put(buf, 0, n).flip();
                decoder.decode(pending, chars, false);
                pending.compact();
                chars.flip();
                String typed = chars.toString();
                chars.clear();
                // Recorded before it is sent, so that its echo comes after it.
                if (!typed.isEmpty()) recording.add(new Recording.Input(typed));
                session.sendBytes(Arrays.copyOf(buf, n));
            }
        } catch (IOException e) {
            // The program or the terminal is gone.
        }
    }

    private int usage(String why) {
        err.println("jexpect record: " + why);
        err.print(HELP);
        return 1;
    }
}
