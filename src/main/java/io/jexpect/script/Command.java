package io.jexpect.script;

import java.util.List;

/** One command: its words, the line it starts on (1-based, relative to its script) and its source text. */
public record Command(List<Word> words, int line, String text) {
    public Command {
        words = List.copyOf(words);
    }
}
