package io.jexpect.script;

import java.util.List;

/**
 * One command: its words, the line it starts on (1-based, relative to its script), its source text,
 * and its line as info frame counts it (continuation lines folded in the script's text included).
 */
public record Command(List<Word> words, int line, String text, int frameLine) {
    public Command {
        words = List.copyOf(words);
    }

    public Command(List<Word> words, int line, String text) {
        this(words, line, text, line);
    }
}
