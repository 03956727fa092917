package dev.tta.alertrouter.http.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.App;
import dev.tta.alertrouter.AppOptions;
import dev.tta.alertrouter.dispatch.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * alert-router served for real (the composition root, SQLite in a temp folder, --dry-run) on
 * 127.0.0.1 and a free port, with a clock the test moves, and a real HTTP client.
 */
final class V2Server implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  /** An Alertmanager configuration both alert-router and the real Alertmanager load. */
  static final String CONFIG = """
      global:
        slack_api_url: https://hooks.slack.com/services/T000/B000/TOPSECRET
      route:
        receiver: default
        group_by: [alertname]
        routes:
          - receiver: team-a
            matchers: [team="a"]
      receivers:
        - name: default
        - name: team-a
          webhook_configs:
            - url: http://127.0.0.1:9/hook
      inhibit_rules:
        - source_matchers: [severity="critical"]
          target_matchers: [severity="warning"]
          equal: [service]
      """;

  final ManualClock clock;
  final App app;
  private final HttpClient client = HttpClient.newHttpClient();

  private V2Server(ManualClock clock, App app) {
    this.clock = clock;
    this.app = app;
  }

  static V2Server start(Path dir, Instant now) throws Exception {
    return start(dir, now, CONFIG);
  }

  static V2Server start(Path dir, Instant now, String config) throws Exception {
    Path file = dir.resolve("alertmanager.yml");
    Files.writeString(file, config);
    ManualClock clock = new ManualClock(now);
    AppOptions options = new AppOptions(file, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), true,
        URI.create("http://127.0.0.1:9095"));
    return new V2Server(clock, App.start(options, clock, Map.of()));
  }

  String url() {
    return "http://127.0.0.1:" + app.port();
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(url() + pathAndQuery)).GET());
  }

  HttpResponse<String> post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(url() + path)).DELETE());
  }

  /** Sends, and checks every {@code /api/v2} answer against Alertmanager's OpenAPI spec. */
  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpRequest built = request.build();
      HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
      OpenApiSchemas.assertAnswerFits(built.method(), built.uri().getRawPath()
          + (built.uri().getRawQuery() == null ? "" : "?" + built.uri().getRawQuery()), response.statusCode(), response.body());
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  @Override
  public void close() {
    app.close();
  }
}
