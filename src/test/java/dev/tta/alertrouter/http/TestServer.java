package dev.tta.alertrouter.http;

import dev.tta.alertrouter.Fixtures;
import dev.tta.alertrouter.dispatch.ManualClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.config.ServerSettings;
import dev.tta.alertrouter.intake.AlertmanagerWebhookParser;
import dev.tta.alertrouter.intake.PrometheusPushParser;
import dev.tta.alertrouter.metrics.RouterMetrics;
import dev.tta.alertrouter.store.InMemoryAlertStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The real HTTP API on 127.0.0.1 and a free port, wired as the composition root wires it, with a
 * clock the test moves and a real HTTP client.
 */
final class TestServer implements AutoCloseable {
  /** Just after the fixtures' resolved alerts ended (19:08:22Z) and before the push fixture ends. */
  static final Instant NOW = Instant.parse("2026-11-24T19:10:00Z");
  static final Path AM_FIXTURES = Fixtures.ALERTMANAGER;
  static final Path PUSH_FIXTURE = Fixtures.PROMETHEUS_PUSH;
  static final ObjectMapper JSON = new ObjectMapper();

  final ManualClock clock = new ManualClock(NOW);
  final AtomicReference<ServerSettings> settings;
  final AtomicBoolean ready = new AtomicBoolean(true);
  final RouterMetrics metrics = new RouterMetrics("1.2.3-test");
  final InMemoryAlertStore store = new InMemoryAlertStore(clock, (stale, held) -> metrics.alertStale());
  final List<List<Alert>> handedOn = new CopyOnWriteArrayList<>();
  final AtomicReference<Consumer<List<Alert>>> pipeline = new AtomicReference<>(handedOn::add);
  final HttpApi api;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  TestServer(ServerSettings initial, Function<AtomicReference<ServerSettings>, ReloadAction> reloadOf) {
    settings = new AtomicReference<>(initial);
    ReloadAction reload = reloadOf.apply(settings);
    metrics.trackStoredAlerts(() -> store.countByStatus(clock.instant()));
    api = new HttpApi(
        store,
        new AlertmanagerWebhookParser(clock),
        new PrometheusPushParser(clock, Duration.ofMinutes(5)),
        metrics,
        settings::get,
        ready::get,
        new MeteredReloadAction(reload, metrics, clock),
        upserted -> pipeline.get().accept(upserted.stored()),
        clock);
    api.start("127.0.0.1", 0);
  }

  static TestServer start() {
    return start(ServerSettings.defaults());
  }

  static TestServer start(ServerSettings settings) {
    return new TestServer(settings, current -> ReloadOutcome::success);
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + api.port() + pathAndQuery);
  }

  HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  /**
   * The raw answer to a POST that declares {@code contentLength} bytes and sends none of them: a
   * server refusing by Content-Length answers without reading the body. (Sending a body that large
   * for real races the client's writes with the server's close, which the JDK client may report as
   * a broken connection instead of the answer; its {@code expectContinue} hangs on a final answer.)
   */
  String postDeclaringOnly(String path, String contentType, long contentLength) throws java.io.IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
          + "\r\nContent-Length: " + contentLength + "\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  HttpResponse<String> postJson(String path, String json, String... headers) {
    return post(path, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
  }

  HttpResponse<String> postFile(String path, Path file, String... headers) {
    try {
      return post(path, "application/json", Files.readAllBytes(file), headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpResponse<String> get(String pathAndQuery, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The alerts {@code GET /api/v1/alerts} lists for {@code query} (e.g. "?filter=..."). */
  JsonNode listAlerts(String query) {
    HttpResponse<String> r = get("/api/v1/alerts" + query);
    if (r.statusCode() != 200) {
      throw new AssertionError("GET /api/v1/alerts" + query + " -> " + r.statusCode() + " " + r.body());
    }
    return json(r).get("data");
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** The value of one series in the /metrics text, such as {@code alertrouter_alerts_stale_total}. */
  double metric(String series) {
    String text = get("/metrics").body();
    for (String line : text.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).strip());
      }
    }
    throw new AssertionError("no series " + series + " in /metrics");
  }

  @Override
  public void close() {
    api.stop();
  }
}
