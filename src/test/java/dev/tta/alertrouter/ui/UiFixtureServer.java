package dev.tta.alertrouter.ui;

import dev.tta.alertrouter.App;
import dev.tta.alertrouter.AppOptions;
import dev.tta.alertrouter.ConfigException;
import dev.tta.alertrouter.Fixtures;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole server (the composition root, the shipped routing rules and runbooks, dry-run) on
 * 127.0.0.1 and a free port, fed the payloads recorded from the real Alertmanager and an alert whose
 * name is an HTML injection attempt. Time is a manual clock just after the fixtures fired.
 */
final class UiFixtureServer implements AutoCloseable {
  /** Just after the fixtures' alerts fired (19:08:19Z) and the mixed fixture's one resolved. */
  static final Instant NOW = Instant.parse("2026-11-24T19:10:00Z");
  static final String SERVICE_DOWN = "0bf0995c90293b63";
  static final String CACHE_1 = "fe5fb97ad4395ee8";
  static final String DEPLOYMENT = "9160cebb94b7acfa";
  static final String XSS_NAME = "<img src=x onerror=alert(1)>";
  static final List<String> FIXTURES = List.of(
      "webhook-firing-group-of-3.json", "webhook-mixed-firing-resolved.json", "webhook-firing-single.json",
      "webhook-firing-info-no-runbook.json", "webhook-firing-truncated.json");

  final ManualClock clock = new ManualClock(NOW);
  final App app;
  final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  UiFixtureServer(Path dataDir) {
    this(dataDir, Path.of("routing-rules"));
  }

  UiFixtureServer(Path dataDir, Path config) {
    AppOptions options = new AppOptions(config, Optional.of(Path.of("runbooks")), "127.0.0.1", 0,
        dataDir, true, URI.create("http://127.0.0.1:9095"));
    try {
      app = App.start(options, clock, Map.of());
    } catch (ConfigException e) {
      throw new IllegalStateException(e.errors().toString(), e);
    }
  }

  /** Posts every recorded fixture and the injection attempt; each must be accepted. */
  UiFixtureServer feed() {
    try {
      for (String name : FIXTURES) {
        expect200(post("/api/v1/alertmanager", Files.readString(Fixtures.ALERTMANAGER.resolve(name))));
      }
      expect200(post("/api/v2/alerts", "[{\"labels\":{\"alertname\":\"" + XSS_NAME.replace("\"", "\\\"")
          + "\",\"severity\":\"warning\",\"team\":\"platform\",\"service\":\"x\"},"
          + "\"annotations\":{\"summary\":\"<script>alert(2)</script>\",\"runbook_url\":\"javascript:alert(3)\"},"
          + "\"startsAt\":\"2026-11-24T19:08:30Z\"}]"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  private static void expect200(HttpResponse<String> r) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException("intake answered " + r.statusCode() + ": " + r.body());
    }
  }

  String base() {
    return "http://127.0.0.1:" + app.port();
  }

  HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  HttpResponse<String> post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  HttpResponse<String> postForm(String path, String form, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
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

  @Override
  public void close() {
    app.close();
  }
}
