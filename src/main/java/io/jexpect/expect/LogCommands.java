package io.jexpect.expect;

import io.jexpect.commands.WorkingDirectory;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the user sees and what is recorded: log_user, log_file, exp_internal. */
final class LogCommands {
    private LogCommands() {}

    static void install(Interp in) {
        in.register("log_user", LogCommands::logUser);
        in.register("exp_log_user", LogCommands::logUser);
        in.register("log_file", LogCommands::logFile);
        in.register("exp_log_file", LogCommands::logFile);
        in.register("exp_internal", LogCommands::expInternal);
    }

    private static Value logUser(Interp in, Value[] a) throws TclException {
        ExpectState st = ExpectState.of(in);
        if (a.length == 1 || (a.length == 2 && a[1].toString().equals("-info"))) return Value.of(st.logUser);
        if (a.length != 2) throw TclException.error("usage: log_user [-info|1|0]");
        boolean previous = st.logUser;
        st.logUser = a[1].asBoolean();
        return Value.of(previous);
    }

    private static Value logFile(Interp in, Value[] a) throws TclException {
        ExpectState st = ExpectState.of(in);
        boolean all = false, append = true;
        String file = null, openChannel = null;
        boolean leaveOpen = false;
        for (int i = 1; i < a.length; i++) {
            String opt = a[i].toString();
            switch (opt) {
                case "-cast" -> {
                    if (++i >= a.length) throw TclException.error("usage: log_file -cast file");
                    return cast(in, st, a[i].toString());
                }
                case "-info" -> { return Value.of(st.transcript.info()); }
                case "-a" -> all = true;
                case "-noappend" -> append = false;
                case "-open", "-leaveopen" -> {
                    if (++i >= a.length) throw TclException.error("usage: log_file [-info] [-noappend] [[-a] file]");
                    openChannel = a[i].toString();
                    leaveOpen = opt.equals("-leaveopen");
                }
                default -> {
                    if (file != null) throw TclException.error("usage: log_file [-info] [-noappend] [[-a] file]");
                    file = opt;
                }
            }
        }
        if (openChannel != null) {
            var ch = in.channels().get(openChannel);
            st.transcript.attach(openChannel, ch.output(), !leaveOpen, all);
            return Value.EMPTY;
        }
        if (file == null) {
            st.transcript.close();
            return Value.EMPTY;
        }
        Path path = WorkingDirectory.resolve(in, file);
        try {
            st.transcript.open(path, append, all);
        } catch (IOException e) {
            throw TclException.error("couldn't open \"" + file + "\": " + e.getMessage());
        }
        return Value.EMPTY;
    }

    /**
     * log_file -cast file: an asciinema v2 recording, sized as the current spawn id's terminal
     * (24x80 without one), TERM as a -screen program gets it. log_file with no file ends it.
     */
    private static Value cast(Interp in, ExpectState st, String file) throws TclException {
        int rows = ScreenCommand.ROWS, cols = ScreenCommand.COLUMNS;
        try {
            SpawnId id = st.current();
            int[] size = id.user || id.closed ? new int[]{0, 0} : id.session.windowSize();
            if (size[0] > 0 && size[1] > 0) {
                rows = size[0];
                cols = size[1];
            }
        } catch (TclException e) {
            // No spawn id yet: the recording takes the size -screen programs start with.
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TERM", ScreenCommand.TERM);
        Value shell = in.getGlobalOrNull("env(SHELL)");
        if (shell != null) env.put("SHELL", shell.toString());
        try {
            st.transcript.openCast(WorkingDirectory.resolve(in, file), cols, rows, env);
        } catch (IOException e) {
            throw TclException.error("couldn't open \"" + file + "\": " + e.getMessage());
        }
        return Value.EMPTY;
    }

    private static Value expInternal(Interp in, Value[] a) throws TclException {
        ExpectState st = ExpectState.of(in);
        String file = null;
        Boolean on = null;
        for (int i = 1; i < a.length; i++) {
            String opt = a[i].toString();
            if (opt.equals("-info")) return Value.of(st.diagnostics.level());
            if (opt.equals("-f") && i + 1 < a.length) file = a[++i].toString();
            else on = a[i].asBoolean();
        }
        if (on == null) throw TclException.error("usage: [-f file] expr");
        try {
            st.diagnostics.configure(on, file == null ? null : WorkingDirectory.resolve(in, file));
        } catch (IOException e) {
            throw TclException.error("exp_internal: " + e.getMessage());
        }
        return Value.EMPTY;
    }
}
