package io.jexpect.engine;

import java.util.function.UnaryOperator;

/**
 * A program's decoded output on its way to the match buffer (a virtual screen, escape stripping):
 * called on the reading thread, chunk by chunk, in order; what it returns is buffered.
 */
@FunctionalInterface
public interface OutputHook extends UnaryOperator<String> {
    /**
     * Whether the hook takes part now. While false, output goes to the buffer as it is, with no
     * string made of it (a spawn whose screen and escape stripping are both off).
     */
    default boolean active() {
        return true;
    }
}
