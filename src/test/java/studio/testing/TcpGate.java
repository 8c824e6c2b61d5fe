package studio.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP path to a real server (PostgreSQL, Keycloak) that a test can cut and restore: {@link #cut()} closes the
 * listening port and every open connection (what the application sees when the server stops or the network drops),
 * {@link #restore()} listens on the same port again. Bytes pass through unchanged.
 */
public final class TcpGate implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    private TcpGate(String targetHost, int targetPort, int port) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = port;
    }

    /** A gate on a free local port to {@code targetHost:targetPort}, open. */
    public static TcpGate to(String targetHost, int targetPort) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        TcpGate gate = new TcpGate(targetHost, targetPort, port);
        gate.restore();
        return gate;
    }

    public int port() {
        return port;
    }

    /** Listens again on the same port. */
    public synchronized void restore() throws IOException {
        if (server != null) return;
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = s;
        Thread accept = new Thread(() -> accept(s), "tcp-gate-" + port);
        accept.setDaemon(true);
        accept.start();
    }

    /** Refuses new connections and drops the open ones. */
    public synchronized void cut() throws IOException {
        if (server == null) return;
        server.close();
        server = null;
        for (Socket socket : open) socket.close();
        open.clear();
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                // closed by cut(), or the target refused: the client sees its connection end
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "tcp-gate-pipe");
        t.setDaemon(true);
        t.start();
    }
}
