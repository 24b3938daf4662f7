package io.jexpect.commands;

import io.jexpect.interp.Channel;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.IOException;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.List;

/** Channels and the event loop: fileevent (chan event), fcopy (chan copy), chan pending, chan pipe. */
final class ChannelCommands {
    private ChannelCommands() {}

    static void install(Interp in) {
        in.register("fileevent", ChannelCommands::fileevent);
        in.register("fcopy", ChannelCommands::fcopy);
    }

    private static Value fileevent(Interp in, Value[] a) throws TclException {
        if (a.length < 3 || a.length > 4) throw TclException.wrongArgs(a, 1, "channelId event ?script?");
        Channel ch = in.channels().get(a[1].toString());
        String event = a[2].toString();
        boolean writable;
        if (!event.isEmpty() && "readable".startsWith(event)) writable = false;
        else if (!event.isEmpty() && "writable".startsWith(event)) writable = true;
        else throw TclException.error("bad event name \"" + event + "\": must be readable or writable",
                "TCL", "LOOKUP", "INDEX", "event name", event);
        if (writable ? !ch.canWrite() : !ch.canRead()) {
            throw TclException.error("channel is not " + (writable ? "writable" : "readable"));
        }
        EventLoop loop = EventLoop.of(in);
        if (a.length == 3) return loop.fileHandler(ch, writable);
        loop.setFileHandler(ch, writable, a[3]);
        return Value.EMPTY;
    }

    // ---- fcopy ------------------------------------------------------------------------------------

    private static Value fcopy(Interp in, Value[] a) throws TclException {
        if (a.length < 3 || a.length > 7 || a.length % 2 == 0) {
            throw TclException.wrongArgs(a, 1, "input output ?-size size? ?-command callback?");
        }
        Channel from = in.channels().get(a[1].toString());
        Channel to = in.channels().get(a[2].toString());
        long size = -1;
        Value command = null;
        for (int i = 3; i < a.length; i += 2) {
            switch (a[i].toString()) {
                case "-size" -> size = a[i + 1].asLong();
                case "-command" -> command = a[i + 1];
                default -> throw TclException.error("bad option \"" + a[i] + "\": must be -size or -command",
                        "TCL", "LOOKUP", "INDEX", "option", a[i].toString());
            }
        }
        if (!from.canRead()) throw TclException.error("channel \"" + from.name() + "\" wasn't opened for reading");
        if (!to.canWrite()) throw TclException.error("channel \"" + to.name() + "\" wasn't opened for writing");
        if (command == null) return Value.of(copy(from, to, size));
        // In the background: the copy runs on its own thread; the callback runs in the event loop.
        EventLoop loop = EventLoop.of(in);
        loop.countSource(1);
        long limit = size;
        Value callback = command;
        Thread.ofVirtual().name("jexpect-fcopy").start(() -> {
            long[] done = {0};
            String error = null;
            try {
                done[0] = copy(from, to, limit);
            } catch (TclException e) {
                error = e.result().toString();
            }
            String failure = error;
            loop.post(() -> {
                loop.countSource(-1);
                List<Value> call = new ArrayList<>(callback.asList());
                call.add(Value.of(done[0]));
                if (failure != null) call.add(Value.of(failure));
                in.evalGlobal(Value.ofList(call));
            });
        });
        return Value.EMPTY;
    }

    /** Copies until end of input or size characters (all when size is negative); returns the count. */
    private static long copy(Channel from, Channel to, long size) throws TclException {
        boolean blocking = from.blocking();
        from.setBlocking(true);
        long copied = 0;
        try {
            while (size < 0 || copied < size) {
                long want = size < 0 ? 8192 : Math.min(8192, size - copied);
                String chunk = from.read(want);
                if (chunk.isEmpty()) break;
                to.write(chunk);
                copied += chunk.length();
            }
            to.flush();
        } finally {
            from.setBlocking(blocking);
        }
        return copied;
    }

    // ---- chan pending, chan pipe ------------------------------------------------------------------

    static Value pending(Interp in, Value[] a) throws TclException {
        if (a.length != 3) throw TclException.wrongArgs(a, 1, "mode channelId");
        String mode = a[1].toString();
        boolean input;
        if (!mode.isEmpty() && "input".startsWith(mode)) input = true;
        else if (!mode.isEmpty() && "output".startsWith(mode)) input = false;
        else throw TclException.error("bad mode \"" + mode + "\": must be input or output", "TCL", "LOOKUP", "INDEX", "mode", mode);
        Channel ch = in.channels().get(a[2].toString());
        if (input) return Value.of(ch.pendingInput());
        // Output is handed to the system as it is written or flushed: nothing waits in the channel.
        return Value.of(ch.canWrite() ? 0 : -1);
    }

    static Value pipe(Interp in, Value[] a) throws TclException {
        if (a.length != 1) throw TclException.error("wrong # args: should be \"chan pipe \"", "TCL", "WRONGARGS");
        Pipe p;
        try {
            p = Pipe.open();
        } catch (IOException e) {
            throw PosixError.of(e).error("can't create pipe");
        }
        Channel r = in.channels().add("file", java.nio.channels.Channels.newInputStream(p.source()), null);
        Channel w = in.channels().add("file", null, java.nio.channels.Channels.newOutputStream(p.sink()));
        return Value.ofStrings(List.of(r.name(), w.name()));
    }
}
