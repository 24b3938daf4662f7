package io.jexpect.script;

import java.util.List;

/** A word of a command. {@code expand} marks a {*} prefix: the word's value is spliced in as a list. */
public sealed interface Word {
    boolean expand();

    /** The line this word starts on, relative to its script. */
    int line();

    /**
     * A word with no substitutions (braced, or plain text): its value is known at parse time.
     * {@code frameLine} is its line as info frame counts it, continuation lines folded in the
     * script's text included; {@code continuations} are those folded in the word's own text
     * (offsets of the spaces they became; null if none).
     */
    final class Literal implements Word {
        private final String text;
        private final boolean expand;
        private final int line;
        private final int frameLine;
        private final int[] continuations;
        /** Slot for the interpreter to keep the value object it built from the text (numbers, lists). */
        public Object cachedValue;
        /** Slot for the interpreter: the command this word named when last looked up, and when. */
        public Object cachedCommand;
        public int cachedCommandEpoch;

        public Literal(String text, boolean expand, int line) {
            this(text, expand, line, line, null);
        }

        public Literal(String text, boolean expand, int line, int frameLine, int[] continuations) {
            this.text = text;
            this.expand = expand;
            this.line = line;
            this.frameLine = frameLine;
            this.continuations = continuations;
        }

        public String text() { return text; }
        public int frameLine() { return frameLine; }
        public int[] continuations() { return continuations; }
        @Override public boolean expand() { return expand; }
        @Override public int line() { return line; }
        @Override public String toString() { return "Literal[" + text + "]"; }
    }

    /** A word built at run time from text, variable and command-substitution parts. */
    record Compound(List<Part> parts, boolean expand, int line) implements Word {
        public Compound {
            parts = List.copyOf(parts);
        }
    }
}
