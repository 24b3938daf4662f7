package io.jexpect.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened on the user's terminal while {@code jexpect record} ran, in order, and what it
 * started with: the command, the terminal type ($TERM, or null) and the window size (0 when
 * unknown). Thread-safe.
 */
final class Recording {
    final List<String> command;
    final String term;
    final int rows;
    final int columns;

    sealed interface Event permits Output, Input, Resize {}

    /** Text the program wrote. */
    record Output(String text) implements Event {}

    /** Keys the user typed (sent to the program). */
    record Input(String text) implements Event {}

    /** The user's window changed size (the program was told). */
    record Resize(int rows, int columns) implements Event {}

    private final List<Event> events = new ArrayList<>();

    Recording(List<String> command, String term, int rows, int columns) {
        this.command = List.copyOf(command);
        this.term = term;
        this.rows = rows;
        this.columns = columns;
    }

    synchronized void add(Event e) {
        events.add(e);
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }
}
