package dev.tta.alertrouter.notify.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * when all is well. Every request is recorded. It also plays Slack's side of interactivity: it
 * signs {@code block_actions} payloads with an app's signing secret and posts them to the router,
 * and records the ephemeral replies posted to their {@code response_url}.
 */
public final class SlackWireServer implements AutoCloseable {
  static final String RESPONSE_PATH = "/actions/T0000/1000/response";
  static final String WEBHOOK_PATH = "/services/T0000/B0000/XXXXXXXXXXXXXXXX";
  public static final String CHANNEL_ID = "C0123456789";

  /** One recorded request. */
  public record Request(String method, String path, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> h : headers.entrySet()) {
        if (h.getKey().equalsIgnoreCase(name)) {
          return h.getValue().get(0);
        }
      }
      return null;
    }

    /** A Web API call's form fields. */
    public Map<String, String> form() {
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
    public JsonNode json() {
      return parse(body);
    }

    public JsonNode json(String formField) {
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
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final List<Request> requests = new ArrayList<>();
  private final Map<String, Deque<Answer>> scripted = new LinkedHashMap<>();
  private int nextTs = 1;

  public SlackWireServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String webhookUrl() {
    return baseUrl() + WEBHOOK_PATH;
  }

  public String apiBaseUrl() {
    return baseUrl() + "/api/";
  }

  /** Queues answers for {@code path}, used in order before the default. */
  synchronized void answer(String path, Answer... answers) {
    Deque<Answer> queue = scripted.computeIfAbsent(path, p -> new ArrayDeque<>());
    queue.addAll(List.of(answers));
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  public synchronized List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  /**
   * Waits until {@code count} requests to {@code path} arrived (they come from the router's own
   * threads), then returns them all; fails after {@code limit}, which only bounds a broken run.
   */
  public synchronized List<Request> await(String path, int count, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (requests(path).size() < count) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new AssertionError("expected " + count + " request(s) to " + path + ", got " + requests(path));
      }
      wait(left);
    }
    return requests(path);
  }

  /** Where interactions' {@code response_url} points: Slack's ephemeral replies, recorded like the rest. */
  public String responseUrl() {
    return baseUrl() + RESPONSE_PATH;
  }

  /** An interaction as Slack posts it: the form body and the two headers that sign it. */
  public record Interaction(String body, String timestamp, String signature) {}

  /**
   * Signs {@code payload} (a {@code block_actions} JSON) as Slack does: the body is {@code
   * payload=<url-encoded JSON>}, {@code X-Slack-Signature} is {@code v0=} + hex HMAC-SHA256 of {@code
   * v0:<timestamp>:<body>} keyed by the app's signing secret.
   */
  public static Interaction sign(String payload, String signingSecret, long timestamp) {
    String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return new Interaction(body, Long.toString(timestamp), "v0=" + HexFormat.of().formatHex(digest));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Posts {@code interaction} to the router's interactivity URL, with its headers unless {@code signed} is false. */
  public static HttpResponse<String> post(String url, Interaction interaction, boolean signed) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
        .POST(HttpRequest.BodyPublishers.ofString(interaction.body()));
    if (signed) {
      request.header("X-Slack-Request-Timestamp", interaction.timestamp())
          .header("X-Slack-Signature", interaction.signature());
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A {@code block_actions} payload shaped like Slack's for a click on {@code button} (a button
   * element as the router posted it, {@code action_id} and {@code value} included) by {@code user}.
   */
  public String blockActions(JsonNode button, String user, String messageTs) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("type", "block_actions");
    ObjectNode u = payload.putObject("user");
    u.put("id", "U0" + Math.abs(user.hashCode()));
    u.put("username", user);
    u.put("name", user);
    u.put("team_id", "T0000");
    payload.put("api_app_id", "A0000");
    payload.put("token", "verification-token-not-used");
    ObjectNode container = payload.putObject("container");
    container.put("type", "message_attachment");
    container.put("message_ts", messageTs);
    container.put("attachment_id", 1);
    container.put("channel_id", CHANNEL_ID);
    container.put("is_ephemeral", false);
    container.put("is_app_unfurl", false);
    payload.put("trigger_id", "1000.2000.abc");
    payload.putObject("team").put("id", "T0000").put("domain", "tta");
    payload.putObject("channel").put("id", CHANNEL_ID).put("name", "ops");
    payload.put("response_url", responseUrl());
    ObjectNode action = payload.putArray("actions").addObject();
    action.put("action_id", button.path("action_id").asText());
    action.put("block_id", SlackAction.BLOCK_ID);
    action.set("text", button.path("text"));
    action.put("value", button.path("value").asText());
    action.put("type", "button");
    action.put("action_ts", "1700000100.000100");
    return payload.toString();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Answer answer;
    synchronized (this) {
      String path = exchange.getRequestURI().getPath();
      requests.add(new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
      notifyAll();
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
    if (path.startsWith("/services/") || path.equals(RESPONSE_PATH)) {
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
