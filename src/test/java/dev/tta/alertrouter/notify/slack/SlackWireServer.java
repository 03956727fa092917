package dev.tta.alertrouter.notify.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that speaks Slack's two wire formats: incoming webhooks ({@code POST
 * /services/...} with a JSON body, answered {@code ok} or an error text such as {@code
 * invalid_payload}) and the Web API ({@code POST /api/chat.postMessage} and {@code
 * /api/chat.update}, form-encoded, answered {@code {"ok":true,"channel":…,"ts":…}} or {@code
 * {"ok":false,"error":…}}). Answers can be queued per path; without one, it answers as Slack does
 * when all is well. Every request is recorded.
 */
final class SlackWireServer implements AutoCloseable {
  static final String WEBHOOK_PATH = "/services/T0000/B0000/XXXXXXXXXXXXXXXX";
  static final String CHANNEL_ID = "C0123456789";

  /** One recorded request. */
  record Request(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      for (Map.Entry<String, List<String>> h : headers.entrySet()) {
        if (h.getKey().equalsIgnoreCase(name)) {
          return h.getValue().get(0);
        }
      }
      return null;
    }

    /** A Web API call's form fields. */
    Map<String, String> form() {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      return fields;
    }

    /** A webhook's JSON body, or a form field holding JSON. */
    JsonNode json() {
      return parse(body);
    }

    JsonNode json(String formField) {
      return parse(form().get(formField));
    }
  }

  /** A scripted answer. */
  record Answer(int status, String contentType, String body, Map<String, String> headers) {
    static Answer text(int status, String body) {
      return new Answer(status, "text/plain", body, Map.of());
    }

    static Answer json(String body) {
      return new Answer(200, "application/json; charset=utf-8", body, Map.of());
    }

    Answer withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Answer(status, contentType, body, h);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final List<Request> requests = new ArrayList<>();
  private final Map<String, Deque<Answer>> scripted = new LinkedHashMap<>();
  private int nextTs = 1;

  SlackWireServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String webhookUrl() {
    return baseUrl() + WEBHOOK_PATH;
  }

  String apiBaseUrl() {
    return baseUrl() + "/api/";
  }

  /** Queues answers for {@code path}, used in order before the default. */
  synchronized void answer(String path, Answer... answers) {
    Deque<Answer> queue = scripted.computeIfAbsent(path, p -> new ArrayDeque<>());
    queue.addAll(List.of(answers));
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  synchronized List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Answer answer;
    synchronized (this) {
      String path = exchange.getRequestURI().getPath();
      requests.add(new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
      Deque<Answer> queue = scripted.get(path);
      answer = queue != null && !queue.isEmpty() ? queue.poll() : defaultAnswer(path);
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", answer.contentType());
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private Answer defaultAnswer(String path) {
    if (path.startsWith("/services/")) {
      return Answer.text(200, "ok");
    }
    if (path.equals("/api/chat.postMessage")) {
      return Answer.json("{\"ok\":true,\"channel\":\"" + CHANNEL_ID + "\",\"ts\":\"1700000000." + String.format("%06d", nextTs++)
          + "\",\"message\":{\"type\":\"message\"}}");
    }
    if (path.equals("/api/chat.update")) {
      Map<String, String> form = requests.get(requests.size() - 1).form();
      return Answer.json("{\"ok\":true,\"channel\":\"" + form.get("channel") + "\",\"ts\":\"" + form.get("ts") + "\"}");
    }
    return Answer.json("{\"ok\":false,\"error\":\"unknown_method\"}");
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
