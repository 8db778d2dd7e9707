package fr.passerelle.e2e.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain TCP relay that a test can cut as if the server behind it had stopped: {@link #cut()} closes the
 * listening socket (new connections are refused at once) and every open connection (kept-alive pools see the
 * server go); {@link #open()} listens again on the same address.
 */
final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress listen;
    private final InetSocketAddress target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile ServerSocket server;

    TcpProxy(InetSocketAddress listen, InetSocketAddress target) {
        this.listen = listen;
        this.target = target;
    }

    synchronized void open() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(listen);
        server = socket;
        Thread acceptor = new Thread(() -> accept(socket), "proxy-accept-" + listen.getPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Stops listening and drops every relayed connection. */
    synchronized void cut() {
        ServerSocket socket = server;
        server = null;
        quietly(socket);
        sockets.forEach(TcpProxy::quietly);
        sockets.clear();
    }

    /** Connections accepted since the start: proof that a client talks to the target through this relay. */
    int accepted() {
        return accepted.get();
    }

    String address() {
        return listen.getHostString() + ":" + listen.getPort();
    }

    @Override
    public void close() {
        cut();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return; // cut
            }
            accepted.incrementAndGet();
            sockets.add(client);
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 2000);
            } catch (IOException e) {
                quietly(client);
                quietly(upstream);
                sockets.remove(client);
                continue;
            }
            sockets.add(upstream);
            pump(client, upstream);
            pump(upstream, client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // One side went away: close both below.
            } finally {
                quietly(from);
                quietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void quietly(java.io.Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }
}
