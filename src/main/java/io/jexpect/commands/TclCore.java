package io.jexpect.commands;

import io.jexpect.interp.Interp;

/** Installs the Tcl core commands, one family per class. */
public final class TclCore {
    private TclCore() {}

    public static void install(Interp interp) {
        ControlCommands.install(interp);
        ExprCommands.install(interp);
        VariableCommands.install(interp);
        FormatCommands.install(interp);
        SwitchCommand.install(interp);
        CaseCommand.install(interp);
        RegexpCommands.install(interp);
        StringCommands.install(interp);
        ListCommands.install(interp);
        DictCommands.install(interp);
        ArrayCommands.install(interp);
        InfoCommands.install(interp);
        TimeRateCommand.install(interp);
        TryCommands.install(interp);
        IoCommands.install(interp);
        ChannelCommands.install(interp);
        SocketCommand.install(interp);
        FileCommands.install(interp);
        ProcessCommands.install(interp);
        EventCommands.install(interp);
        ClockCommands.install(interp);
        PackageCommand.install(interp);
        LoadCommand.install(interp);
        NamespaceCommands.install(interp);
        io.jexpect.expr.MathCommands.install(interp);
        BinaryCommands.install(interp);
        EncodingCommands.install(interp);
        ZlibCommands.install(interp);
        TclLibrary.install(interp);
        TraceCommands.install(interp);
        PrefixCommand.install(interp);
        InterpCommands.install(interp);
        CoroutineCommands.install(interp);
        io.jexpect.commands.oo.OoCommands.install(interp);
        Unsupported.install(interp);
        PkgConfig.install(interp);
        CoreEnsembles.install(interp);
    }
}
