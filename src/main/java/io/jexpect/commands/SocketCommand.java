package io.jexpect.commands;

import io.jexpect.interp.Channel;
import io.jexpect.interp.Interp;
import io.jexpect.interp.TclException;
import io.jexpect.interp.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * socket: TCP clients (optionally connecting in the background with -async) and servers whose
 * accepted connections are handed to a script by the event loop.
 */
final class SocketCommand {
    private SocketCommand() {}

    private static final String USAGE = "wrong # args: should be \"socket ?-myaddr addr? ?-myport myport? ?-async? host port\" "
            + "or \"socket -server command ?-myaddr addr? port\"";

    static void install(Interp in) {
        in.register("socket", SocketCommand::socket);
    }

    private static Value socket(Interp in, Value[] a) throws TclException {
        String server = null, myaddr = null, myport = null;
        boolean async = false;
        int i = 1;
        for (; i < a.length && a[i].toString().startsWith("-"); i++) {
            String opt = a[i].toString();
            switch (opt) {
                case "-async" -> async = true;
                case "-server", "-myaddr", "-myport" -> {
                    if (++i >= a.length) throw TclException.error("no argument given for " + opt + " option");
                    if (opt.equals("-server")) server = a[i].toString();
                    else if (opt.equals("-myaddr")) myaddr = a[i].toString();
                    else myport = a[i].toString();
                }
                default -> throw TclException.error("bad option \"" + opt + "\": must be -async, -myaddr, -myport, or -server",
                        "TCL", "LOOKUP", "INDEX", "option", opt);
            }
        }
        if (server != null) {
            if (async) throw TclException.error("cannot set -async option for server sockets");
            if (myport != null) throw TclException.error("option -myport is not valid for servers");
            if (a.length - i != 1) throw TclException.error(USAGE, "TCL", "WRONGARGS");
            return listen(in, server, myaddr, port(a[i]));
        }
        if (a.length - i != 2) throw TclException.error(USAGE, "TCL", "WRONGARGS");
        return connect(in, a[i].toString(), port(a[i + 1]), myaddr, myport == null ? 0 : port(Value.of(myport)), async);
    }

    private static int port(Value v) throws TclException {
        long p = v.asLong();
        if (p > 65535) throw TclException.error("couldn't open socket: port number too high");
        if (p < 0) throw TclException.error("couldn't open socket: negative port number");
        return (int) p;
    }

    // ---- clients ----------------------------------------------------------------------------------

    private static Value connect(Interp in, String host, int port, String myaddr, int myport, boolean async) throws TclException {
        Socket sock = new Socket();
        CompletableFuture<Void> connected = new CompletableFuture<>();
        Runnable attempt = () -> {
            try {
                if (myaddr != null || myport != 0) sock.bind(new InetSocketAddress(address(myaddr), myport));
                sock.connect(new InetSocketAddress(address(host), port));
                connected.complete(null);
            } catch (IOException e) {
                connected.completeExceptionally(e);
            }
        };
        EventLoop loop = EventLoop.of(in);
        Client client = new Client(sock, connected);
        if (async) {
            // A writable event (or the first read or write) tells the script the outcome.
            Thread.ofVirtual().name("jexpect-connect").start(() -> {
                attempt.run();
                loop.wakeup();
            });
        } else {
            attempt.run();
            IOException e = client.failure();
            if (e != null) {
                closeQuietly(sock);
                throw posix(e);
            }
        }
        Channel ch = in.channels().add("sock", client.input(), client.output());
        ch.setEndpoint(client);
        ch.setTranslation(null, "crlf");
        return Value.of(ch.name());
    }

    /** A client socket whose streams wait for the connection (immediate unless -async). */
    private static final class Client implements Channel.Endpoint {
        private final Socket sock;
        private final CompletableFuture<Void> connected;

        Client(Socket sock, CompletableFuture<Void> connected) {
            this.sock = sock;
            this.connected = connected;
        }

        IOException failure() {
            try {
                connected.get();
                return null;
            } catch (ExecutionException e) {
                return e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new java.io.InterruptedIOException("interrupted");
            }
        }

        private void await() throws IOException {
            IOException e = failure();
            if (e != null) throw new IOException("socket is not connected");
        }

        InputStream input() {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    await();
                    return sock.getInputStream().read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    await();
                    return sock.getInputStream().read(b, off, len);
                }

                @Override
                public int available() throws IOException {
                    return connected.isDone() && !connected.isCompletedExceptionally() ? sock.getInputStream().available() : 0;
                }

                @Override
                public void close() throws IOException {
                    sock.close();
                }
            };
        }

        OutputStream output() {
            return new java.io.BufferedOutputStream(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    await();
                    sock.getOutputStream().write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    sock.close();
                }
            }, 4096);
        }

        @Override
        public List<String> options() {
            return List.of("-peername", "-sockname");
        }

        @Override
        public List<String> knownOptions() {
            return List.of("-connecting", "-peername", "-sockname");
        }

        @Override
        public Value option(String name) throws TclException {
            return switch (name) {
                case "-connecting" -> Value.of(!connected.isDone());
                case "-error" -> {
                    if (!connected.isDone()) yield Value.EMPTY;
                    IOException e = failure();
                    yield e == null ? Value.EMPTY : Value.of(posixMessage(e));
                }
                case "-peername" -> {
                    if (!sock.isConnected()) throw TclException.error("can't get peername: socket is not connected");
                    yield names((InetSocketAddress) sock.getRemoteSocketAddress());
                }
                case "-sockname" -> names((InetSocketAddress) sock.getLocalSocketAddress());
                default -> null;
            };
        }

        @Override
        public boolean writable() {
            return connected.isDone();
        }

        @Override
        public boolean shutdown(boolean write) throws IOException {
            if (!sock.isConnected()) return false;
            if (write) sock.shutdownOutput();
            else sock.shutdownInput();
            return true;
        }

        @Override
        public void close() throws IOException {
            sock.close();
        }
    }

    // ---- servers ----------------------------------------------------------------------------------

    private static Value listen(Interp in, String script, String myaddr, int port) throws TclException {
        ServerSocket ss;
        try {
            ss = new ServerSocket();
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(myaddr == null ? null : address(myaddr), port), 128);
        } catch (IOException e) {
            throw posix(e);
        }
        EventLoop loop = EventLoop.of(in);
        Channel ch = in.channels().add("sock", null, null);
        Server server = new Server(ss, myaddr == null, loop);
        ch.setEndpoint(server);
        loop.countSource(1);
        server.acceptor = Thread.ofVirtual().name("jexpect-accept").start(() -> {
            while (!ss.isClosed()) {
                Socket s;
                try {
                    s = ss.accept();
                } catch (IOException e) {
                    return;
                }
                // The script thread makes the channel and runs the callback, as Tcl's event loop does.
                loop.post(() -> accepted(in, ch, script, s));
            }
        });
        return Value.of(ch.name());
    }

    private static void accepted(Interp in, Channel server, String script, Socket s) throws TclException {
        if (server.isClosed()) {
            closeQuietly(s);
            return;
        }
        Client client = new Client(s, CompletableFuture.completedFuture(null));
        Channel ch = in.channels().add("sock", client.input(), client.output());
        ch.setEndpoint(client);
        ch.setTranslation(null, "crlf");
        InetSocketAddress peer = (InetSocketAddress) s.getRemoteSocketAddress();
        List<Value> call = new ArrayList<>(Value.of(script).asList());
        call.add(Value.of(ch.name()));
        call.add(Value.of(peer.getAddress().getHostAddress()));
        call.add(Value.of(peer.getPort()));
        try {
            in.evalGlobal(Value.ofList(call));
        } catch (TclException e) {
            if (e.isError()) e.appendErrorInfo("\n    (command bound to socket)");
            throw e;
        }
    }

    /** A listening socket: no streams, its own -sockname, and an event source until closed. */
    private static final class Server implements Channel.Endpoint {
        private final ServerSocket ss;
        private final boolean wildcard;
        private final EventLoop loop;
        private Thread acceptor;

        Server(ServerSocket ss, boolean wildcard, EventLoop loop) {
            this.ss = ss;
            this.wildcard = wildcard;
            this.loop = loop;
        }

        @Override
        public List<String> options() {
            return List.of("-sockname");
        }

        @Override
        public List<String> knownOptions() {
            return List.of("-connecting", "-peername", "-sockname");
        }

        @Override
        public Value option(String name) throws TclException {
            return switch (name) {
                case "-connecting" -> Value.ZERO;
                case "-error" -> Value.EMPTY;
                case "-peername" -> throw TclException.error("can't get peername: socket is not connected");
                case "-sockname" -> {
                    // A wildcard server listens on IPv4 and IPv6 alike, and Tcl lists both.
                    if (wildcard) {
                        String p = String.valueOf(ss.getLocalPort());
                        yield Value.ofStrings(List.of("0.0.0.0", "0.0.0.0", p, "::", "::", p));
                    }
                    yield names((InetSocketAddress) ss.getLocalSocketAddress());
                }
                default -> null;
            };
        }

        @Override
        public void close() throws IOException {
            if (!ss.isClosed()) loop.countSource(-1);
            ss.close();
            // The descriptor is released only when the blocked accept returns: wait for it, so a
            // connect right after close is refused, as in Tcl.
            try {
                acceptor.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- addresses and errors ---------------------------------------------------------------------

    private static InetAddress address(String host) throws UnknownHostException {
        return host == null ? null : InetAddress.getByName(host);
    }

    /** Tcl's address triple: numeric address, host name, port. */
    private static Value names(InetSocketAddress a) {
        if (a == null) return Value.EMPTY;
        InetAddress ip = a.getAddress();
        return Value.ofStrings(List.of(ip.getHostAddress(), ip.getHostName(), String.valueOf(a.getPort())));
    }

    private static String posixMessage(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase();
        if (m.contains("refused")) return "connection refused";
        if (m.contains("already in use")) return "address already in use";
        if (m.contains("assign requested address")) return "cannot assign requested address";
        if (m.contains("unreachable")) return "network is unreachable";
        if (m.contains("timed out")) return "connection timed out";
        if (m.contains("permission denied")) return "permission denied";
        return m;
    }

    private static TclException posix(IOException e) {
        if (e instanceof UnknownHostException) {
            return TclException.error("couldn't open socket: Name or service not known");
        }
        String msg = posixMessage(e);
        String code = switch (msg) {
            case "connection refused" -> "ECONNREFUSED";
            case "address already in use" -> "EADDRINUSE";
            case "cannot assign requested address" -> "EADDRNOTAVAIL";
            case "network is unreachable" -> "ENETUNREACH";
            case "connection timed out" -> "ETIMEDOUT";
            case "permission denied" -> "EACCES";
            default -> "EIO";
        };
        return TclException.error("couldn't open socket: " + msg, "POSIX", code, msg);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
    }
}
