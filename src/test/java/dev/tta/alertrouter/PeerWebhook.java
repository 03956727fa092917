package dev.tta.alertrouter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A loopback webhook receiver speaking Alertmanager's webhook protocol: each path answers the
 * statuses a test scripts for it, in turn (200 once the script is used up), and keeps every payload
 * it accepted with 2xx.
 */
final class PeerWebhook implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, Deque<Integer>> scripts = new HashMap<>();
  private final List<JsonNode> accepted = new ArrayList<>();

  PeerWebhook() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      int status;
      synchronized (this) {
        Deque<Integer> script = scripts.get(exchange.getRequestURI().getPath());
        status = script == null || script.isEmpty() ? 200 : script.poll();
        if (status / 100 == 2) {
          accepted.add(body);
          notifyAll();
        }
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  /** The next requests to {@code path} are answered with {@code statuses}, then 200. */
  synchronized PeerWebhook answer(String path, Integer... statuses) {
    scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(statuses));
    return this;
  }

  /** Forgets what is left of {@code path}'s script: its next requests are answered 200. */
  synchronized PeerWebhook recover(String path) {
    scripts.remove(path);
    return this;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  synchronized List<JsonNode> accepted() {
    return List.copyOf(accepted);
  }

  /** Waits, at most {@code limit}, for an accepted payload that satisfies {@code condition}. */
  synchronized JsonNode await(Predicate<JsonNode> condition, Duration limit) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      for (JsonNode n : accepted) {
        if (condition.test(n)) {
          return n;
        }
      }
      long left = Duration.between(Instant.now(), deadline).toMillis();
      if (left <= 0) {
        throw new AssertionError("no such payload within " + limit + "; accepted: " + accepted);
      }
      wait(left);
    }
  }

  /** Whether {@code payload} carries an alert named {@code alertname}. */
  static boolean carries(JsonNode payload, String alertname) {
    for (JsonNode a : payload.path("alerts")) {
      if (alertname.equals(a.path("labels").path("alertname").asText())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
