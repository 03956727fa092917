package dev.tta.alertrouter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A loopback HTTP peer that takes webhook payloads (Alertmanager's version 4) and keeps them. */
final class WebhookSink implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final List<JsonNode> received = new ArrayList<>();

  WebhookSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      synchronized (received) {
        received.add(body);
        received.notifyAll();
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  /**
   * Writes routing rules that send every alert to this sink at {@code /hook}, resolves included:
   * grouped by alertname, group_wait and group_interval 1 s, repeat_interval an hour.
   */
  Path writeRules(Path file) throws IOException {
    return Files.writeString(file, """
        route:
          receiver: sink
          group_by: [alertname]
          group_wait: 1s
          group_interval: 1s
          repeat_interval: 1h
        receivers:
          - name: sink
            webhook_configs: [{url: '%s', send_resolved: true}]
        """.formatted(url("/hook")));
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<JsonNode> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** Waits, at most {@code limit}, until a received payload satisfies {@code condition}. */
  JsonNode await(Predicate<JsonNode> condition, Duration limit, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    synchronized (received) {
      while (true) {
        for (JsonNode n : received) {
          if (condition.test(n)) {
            return n;
          }
        }
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
          throw new AssertionError("no payload " + what + " within " + limit + "; received: " + received);
        }
        received.wait(left);
      }
    }
  }

  /** Waits until a payload arrives after the {@code seen} ones, or {@code limit} passes. */
  void awaitMoreThan(int seen, Duration limit) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    synchronized (received) {
      long left;
      while (received.size() <= seen && (left = Duration.between(Instant.now(), deadline).toMillis()) > 0) {
        received.wait(left);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
