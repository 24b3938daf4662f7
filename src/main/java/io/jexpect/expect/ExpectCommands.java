package io.jexpect.expect;

import io.jexpect.engine.SignalCatcher;
import io.jexpect.engine.SignalSource;
import io.jexpect.interp.Interp;
import io.jexpect.interp.Value;
import io.jexpect.screen.CastWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Installs the Expect commands and variables into an interpreter that has the Tcl core. */
public final class ExpectCommands {
    private ExpectCommands() {}

    /**
     * The traps the expect program sets before a script runs ({@code trap {exit 130} SIGINT},
     * {@code trap {exit 143} SIGTERM}), and death by an untrapped hang-up only after ending the
     * spawned programs. For the command line, which owns the process; not for an embedding.
     * The native handlers load in the background; the future completes when they are in place.
     */
    public static CompletableFuture<?> installProcessTraps(Interp in) {
        return installProcessTraps(in, SignalCatcher.ready());
    }

    /** The same, with the signals of another process than this one (the resident server's client). */
    public static CompletableFuture<?> installProcessTraps(Interp in, CompletableFuture<? extends SignalSource> signals) {
        return TrapCommand.installProcessDefaults(in, signals);
    }

    /**
     * The user's terminal device for {@code stty}, {@code interact} and {@code send_tty}, where it is not this
     * process's controlling terminal (the resident server's client's); a file that does not exist: none.
     */
    public static void userTerminal(Interp in, java.io.File device) {
        ExpectState.of(in).userTerminal = device;
    }

    /**
     * Hears every {@code send} to a spawned program, as the line {@code exp_internal} shows for it
     * ({@code send: sending "ls\r" to { exp4 }}): the harness puts them in its transcripts.
     */
    public static void onSend(Interp in, Consumer<String> listener) {
        ExpectState.of(in).sendListener = listener;
    }

    /**
     * Records the script's whole dialogue (what expect reads, what send_user writes, what is sent)
     * as an asciinema v2 cast in {@code file}, as log_file -cast would but whatever log_file the
     * script opens or closes: the harness keeps one for each failed test. The caller closes it.
     */
    public static CastWriter recordCast(Interp in, Path file) throws IOException {
        CastWriter w = new CastWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                ScreenCommand.COLUMNS, ScreenCommand.ROWS, System.currentTimeMillis() / 1000, Map.of("TERM", ScreenCommand.TERM));
        ExpectState.of(in).transcript.keep(w);
        return w;
    }

    /** Makes {@code screen snapshot} write its golden files rather than compare with them. */
    public static void updateSnapshots(Interp in, boolean update) {
        ExpectState.of(in).updateSnapshots = update;
    }

    public static void install(Interp in) {
        // A child interpreter gets Expect from package require (the system pkgIndex loads libexpect).
        io.jexpect.commands.LoadCommand.registerStatic("Expect", ExpectCommands::install);
        SpawnCommands.install(in);
        ExpectCommand.install(in);
        ExpectBackground.install(in);
        ExpOpenCommand.install(in);
        InterpreterCommand.install(in);
        ProcessImageCommands.install(in);
        SendCommands.install(in);
        LogCommands.install(in);
        MiscCommands.install(in);
        StraceCommand.install(in);
        InteractCommand.install(in);
        TrapCommand.install(in);
        DebugCommand.install(in);
        ScreenCommand.install(in);
        SpawnChannel.openUserChannels(in);
        try {
            in.setGlobal("user_spawn_id", Value.of(ExpectState.USER_ID));
            in.setGlobal("error_spawn_id", Value.of(ExpectState.ERROR_ID));
            in.setGlobal("any_spawn_id", Value.of(ExpectCommand.ANY));
            if (ExpectState.hasTty()) in.setGlobal("tty_spawn_id", Value.of(ExpectState.TTY_ID));
            in.setGlobal("timeout", Value.of(10));
            // Called, not parsed (start-up: a script's first parse is then its own).
            in.invoke(new Value[]{Value.of("package"), Value.of("provide"), Value.of("Expect"), Value.of("5.45.4")});
            in.setGlobal("exp_library", Value.of("/usr/share/jexpect"));
            in.setGlobal("exp_exec_library", Value.of("/usr/share/jexpect"));
            // As Expect does: its own library folders join the package search path.
            if (in.getGlobalOrNull("auto_path") != null) {
                in.invoke(new Value[]{Value.of("lappend"), Value.of("::auto_path"), in.getGlobal("exp_library")});
            }
        } catch (io.jexpect.interp.TclException e) {
            throw new IllegalStateException(e);
        }
        in.onExit(() -> {
            ExpectState st = ExpectState.of(in);
            MiscCommands.runExitHandlers(in, st);
            st.shutdown();
        });
    }
}
