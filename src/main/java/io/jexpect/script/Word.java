package io.jexpect.script;

import java.util.List;

/** A word of a command. {@code expand} marks a {*} prefix: the word's value is spliced in as a list. */
public sealed interface Word {
    boolean expand();

    /** The line this word starts on, relative to its script. */
    int line();

    /** A word with no substitutions (braced, or plain text): its value is known at parse time. */
    final class Literal implements Word {
        private final String text;
        private final boolean expand;
        private final int line;
        /** Slot for the interpreter to keep the value object it built from the text (numbers, lists). */
        public Object cachedValue;
        /** Slot for the interpreter: the command this word named when last looked up, and when. */
        public Object cachedCommand;
        public int cachedCommandEpoch;

        public Literal(String text, boolean expand, int line) {
            this.text = text;
            this.expand = expand;
            this.line = line;
        }

        public String text() { return text; }
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
