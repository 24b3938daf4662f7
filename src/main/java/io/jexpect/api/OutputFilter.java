package io.jexpect.api;

/**
 * Rewrites a session's output before patterns see it (as ExpectIt's filters). It is called on the
 * thread that reads the output, with each decoded chunk, in order, so a filter may keep state across chunks (an
 * escape sequence split between two reads); give each session its own instance.
 */
@FunctionalInterface
public interface OutputFilter {
    /** The text to keep from this chunk. */
    String apply(String chunk);

    /** This filter, then {@code next}. */
    default OutputFilter andThen(OutputFilter next) {
        return chunk -> next.apply(apply(chunk));
    }

    /**
     * Removes ANSI/VT100 escape sequences (colours, cursor moves, titles: CSI, OSC and two- or
     * three-character ESC sequences), including ones split across chunks: the same stripper as
     * {@code strip_ansi}.
     */
    static OutputFilter stripAnsi() {
        return new io.jexpect.screen.AnsiStripper()::apply;
    }

    /** Removes control characters other than tab, line feed and carriage return (ESC, BEL, NUL …). */
    static OutputFilter removeNonPrintable() {
        return chunk -> {
            StringBuilder sb = new StringBuilder(chunk.length());
            for (int i = 0; i < chunk.length(); i++) {
                char c = chunk.charAt(i);
                if (c == '\t' || c == '\n' || c == '\r' || !Character.isISOControl(c)) sb.append(c);
            }
            return sb.toString();
        };
    }
}
