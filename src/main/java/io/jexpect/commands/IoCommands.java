package io.jexpect.commands;

import io.jexpect.interp.Channel;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;

/** Channels: puts, flush (more to come: gets, read, open, close, eof, fconfigure). */
final class IoCommands {
    private IoCommands() {}

    static void install(Interp in) {
        in.register("puts", IoCommands::puts);
        in.register("flush", (i, a) -> {
            if (a.length != 2) throw TclException.wrongArgs(a, 1, "channelId");
            i.channels().get(a[1].toString()).flush();
            return Value.EMPTY;
        });
    }

    private static Value puts(Interp in, Value[] a) throws TclException {
        boolean newline = true;
        int i = 1;
        if (i < a.length && a.length > 2 && a[i].toString().equals("-nonewline")) {
            newline = false;
            i++;
        }
        Channel ch;
        Value text;
        if (a.length - i == 1) {
            ch = in.channels().stdout();
            text = a[i];
        } else if (a.length - i == 2) {
            ch = in.channels().get(a[i].toString());
            text = a[i + 1];
        } else {
            throw TclException.wrongArgs(a, 1, "?-nonewline? ?channelId? string");
        }
        ch.write(newline ? text + "\n" : text.toString());
        return Value.EMPTY;
    }
}
