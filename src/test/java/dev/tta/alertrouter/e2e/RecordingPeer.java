package dev.tta.alertrouter.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback HTTP peer that answers every request as a real service answers a good one (Slack's
 * incoming webhook: 200 {@code ok}; PagerDuty's Events API: 202 with its JSON) and keeps each body.
 */
final class RecordingPeer implements AutoCloseable {
  private final HttpServer server;
  private final List<String> bodies = new ArrayList<>();

  private RecordingPeer(int status, String contentType, String answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      byte[] reply = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(status, reply.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply);
      }
      synchronized (bodies) {
        bodies.add(body);
        bodies.notifyAll();
      }
    });
    server.start();
  }

  /** Slack's incoming webhook. */
  static RecordingPeer slackWebhook() throws IOException {
    return new RecordingPeer(200, "text/plain", "ok");
  }

  /** PagerDuty's Events API v2. */
  static RecordingPeer pagerDutyEvents() throws IOException {
    return new RecordingPeer(202, "application/json",
        "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"e2e\"}");
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Waits, at most {@code limit}, for the first body and returns it. */
  String awaitFirst(Duration limit) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    synchronized (bodies) {
      while (bodies.isEmpty()) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
          throw new AssertionError("no request within " + limit);
        }
        bodies.wait(left);
      }
      return bodies.get(0);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
