package io.jexpect.interp;

/**
 * A command brought into a namespace by namespace import: calling it calls the exported command,
 * which still runs in its own namespace.
 */
public final class ImportedCommand implements TclCommand {
    private final Namespace source;
    private final TclCommand target;
    private final String originName;

    public ImportedCommand(Namespace source, String name, TclCommand target) {
        this.source = source;
        this.target = realOf(target);
        this.originName = target instanceof ImportedCommand imp ? imp.originName : source.qualify(name);
    }

    /** The command an import chain ends at. */
    public static TclCommand realOf(TclCommand c) {
        return c instanceof ImportedCommand imp ? imp.target : c;
    }

    /** The namespace it was imported from. */
    public Namespace source() {
        return source;
    }

    public TclCommand target() {
        return target;
    }

    /** The fully-qualified name of the original command (namespace origin). */
    public String originName() {
        return originName;
    }

    @Override
    public Value call(Interp interp, Value[] argv) throws TclException {
        return target.call(interp, argv);
    }
}
