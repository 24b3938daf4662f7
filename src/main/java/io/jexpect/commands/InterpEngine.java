package io.jexpect.commands;

import io.jexpect.engine.Engine;
import io.jexpect.interp.Interp;

/**
 * The interpreter's one engine, shared by spawn and exec, so that every program the interpreter
 * starts is ended with it ({@link Engine#shutdownAll()}: at exit and from the JVM shutdown hook).
 * Creating it is cheap: the native library and the engine's threads wait for the first spawn.
 */
public final class InterpEngine {
    private InterpEngine() {}

    public static Engine of(Interp in) {
        return in.extension(Engine.class, () -> {
            Engine e = new Engine();
            e.installShutdownHook();
            return e;
        });
    }

    /** The interpreter ends: its programs too, and its engine lets go of the JVM's shutdown hook. */
    public static void close(Interp in) {
        Engine e = in.extension(Engine.class, () -> null);
        if (e != null) e.close();
    }
}
