package io.jexpect.screen;

import java.util.function.UnaryOperator;

/**
 * Removes terminal control sequences from output (strip_ansi): CSI sequences (colours, cursor
 * motion), OSC strings (titles, hyperlinks), DCS/APC/PM/SOS strings, two- and three-character ESC
 * sequences, and the SI/SO/BEL controls that only change how text is drawn. Text, newlines,
 * carriage returns, tabs and backspaces stay. Sequences split across reads are removed whole.
 */
public final class AnsiStripper implements UnaryOperator<String> {
    private enum State { TEXT, ESCAPE, ESCAPE_INTERMEDIATE, CSI, STRING, STRING_ESCAPE }

    private State state = State.TEXT;

    @Override
    public synchronized String apply(String chunk) {
        StringBuilder out = new StringBuilder(chunk.length());
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            switch (state) {
                case TEXT -> {
                    if (c == 0x1b) state = State.ESCAPE;
                    else if (c == 0x9b) state = State.CSI;
                    else if (c != 0x07 && c != 0x0e && c != 0x0f) out.append(c);
                }
                case ESCAPE -> state = switch (c) {
                    case '[' -> State.CSI;
                    case ']', 'P', '_', '^', 'X' -> State.STRING;
                    case '(', ')', '*', '+', '#', '%', ' ' -> State.ESCAPE_INTERMEDIATE;
                    case 0x1b -> State.ESCAPE;
                    default -> State.TEXT;
                };
                case ESCAPE_INTERMEDIATE -> state = State.TEXT;
                case CSI -> {
                    if (c >= 0x40 && c <= 0x7e) state = State.TEXT;
                    else if (c == 0x1b) state = State.ESCAPE;
                    else if (c < 0x20 && c != 0x1b) out.append(c); // controls inside CSI still act
                }
                case STRING -> {
                    if (c == 0x07) state = State.TEXT;
                    else if (c == 0x1b) state = State.STRING_ESCAPE;
                }
                case STRING_ESCAPE -> {
                    // ESC ends the string; unless it is ST (ESC \), it also begins a new sequence.
                    state = State.ESCAPE;
                    if (c == '\\') state = State.TEXT;
                    else i--;
                }
            }
        }
        return out.toString();
    }
}
