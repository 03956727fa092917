package dev.tta.alertrouter.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy in front of a database, so a test can take the database away and give it
 * back whichever server it is (embedded or external): {@link #cut()} drops every connection and
 * refuses new ones, as a crashed server does; {@link #restore()} listens again on the same port.
 */
final class TcpProxy implements AutoCloseable {
  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listener;

  private TcpProxy(String targetHost, int targetPort, ServerSocket listener) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.listener = listener;
    this.port = listener.getLocalPort();
    acceptOn(listener);
  }

  /** A proxy on a free loopback port forwarding to {@code host:port}. */
  static TcpProxy to(String hostAndPort) throws IOException {
    int colon = hostAndPort.lastIndexOf(':');
    String host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    int port = colon < 0 ? 5432 : Integer.parseInt(hostAndPort.substring(colon + 1));
    return new TcpProxy(host, port, bind(0));
  }

  String hostAndPort() {
    return "127.0.0.1:" + port;
  }

  /** Drops every open connection and stops listening: connects are refused until {@link #restore}. */
  synchronized void cut() throws IOException {
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
    open.clear();
  }

  synchronized void restore() throws IOException {
    if (listener.isClosed()) {
      listener = bind(port);
      acceptOn(listener);
    }
  }

  @Override
  public void close() throws IOException {
    cut();
  }

  private static ServerSocket bind(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return socket;
  }

  private void acceptOn(ServerSocket socket) {
    daemon("tcp-proxy-accept-" + port, () -> {
      while (!socket.isClosed()) {
        try {
          Socket client = socket.accept();
          Socket upstream = new Socket(targetHost, targetPort);
          // Each query is a small write waiting for its answer: with Nagle's algorithm on the
          // proxy's sockets, every round trip waited for a delayed ACK (40 ms each).
          client.setTcpNoDelay(true);
          upstream.setTcpNoDelay(true);
          // A connection accepted just before a cut must not outlive it: cut() closes the
          // listener first, under this lock, so a connection registered after it is closed here.
          synchronized (this) {
            if (socket.isClosed()) {
              closeQuietly(client);
              closeQuietly(upstream);
              return;
            }
            open.add(client);
            open.add(upstream);
          }
          pipe(client, upstream);
          pipe(upstream, client);
        } catch (IOException closed) {
          return;
        }
      }
    });
  }

  private void pipe(Socket from, Socket to) {
    daemon("tcp-proxy-pipe-" + port, () -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException dropped) {
        // one side went away: close both below
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    });
  }

  private static void daemon(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
