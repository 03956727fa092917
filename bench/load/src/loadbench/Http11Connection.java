package loadbench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One kept-alive HTTP/1.1 connection that posts pre-encoded JSON bodies and reads the answers. The
 * driver shares the 2 cores with the server it measures: with the JDK's HttpClient it used about
 * 6 µs of CPU per alert, which capped both servers; this costs a fraction of that.
 */
final class Http11Connection implements AutoCloseable {
  private final String host;
  private final int port;
  private final byte[] head;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  Http11Connection(String host, int port, String path) {
    this.host = host;
    this.port = port;
    this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
        + "\r\nContent-Type: application/json\r\nUser-Agent: loadbench\r\nContent-Length: ")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A status and the body of one answer. */
  record Answer(int status, String body) {}

  /** Posts {@code body}; reconnects once if the server had closed the kept-alive connection. */
  Answer post(byte[] body) throws IOException {
    if (socket == null) {
      connect();
    }
    try {
      return exchange(body);
    } catch (IOException e) {
      disconnect();
      connect();
      return exchange(body);
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(30_000);
    socket.connect(new InetSocketAddress(host, port), 5_000);
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    out = socket.getOutputStream();
  }

  private Answer exchange(byte[] body) throws IOException {
    out.write(head);
    out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    String statusLine = line();
    if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
      throw new IOException("no HTTP answer: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    int length = -1;
    boolean chunked = false;
    boolean closing = false;
    for (String h = line(); h != null && !h.isEmpty(); h = line()) {
      String lower = h.toLowerCase();
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(h.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        closing = true;
      }
    }
    String answer = new String(chunked ? chunks() : in.readNBytes(Math.max(0, length)), StandardCharsets.UTF_8);
    if (closing) {
      disconnect();
    }
    return new Answer(status, answer);
  }

  private byte[] chunks() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
      body.write(in.readNBytes(size));
      line();
    }
    for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
      // trailers are ignored
    }
    return body.toByteArray();
  }

  /** One header line without its CRLF; null at the end of the stream. */
  private String line() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
      }
      sb.append((char) c);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  @Override
  public void close() {
    disconnect();
  }

  /** Drops the connection; the next post opens a new one. */
  void disconnect() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
      socket = null;
    }
  }
}
