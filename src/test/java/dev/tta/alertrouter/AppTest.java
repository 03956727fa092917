package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root, served for real on loopback with the shipped routing rules. */
class AppTest {
  private static final Path FIXTURES = Fixtures.ALERTMANAGER;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private App app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private App start(Path config) throws ConfigException {
    AppOptions options = new AppOptions(config, Optional.of(Path.of("runbooks")), "127.0.0.1", 0,
        dir.resolve("data"), true, URI.create("http://127.0.0.1:9095"));
    app = App.start(options, Clock.systemUTC(), Map.of());
    return app;
  }

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheShippedRulesAndListsEveryFixtureWithAlertmanagersFingerprints() throws Exception {
    start(Path.of("routing-rules"));
    assertEquals(200, get("/-/ready").statusCode());

    Set<String> expected = new HashSet<>();
    try (Stream<Path> files = Files.list(FIXTURES)) {
      for (Path fixture : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        String body = Files.readString(fixture);
        JSON.readTree(body).get("alerts").forEach(a -> expected.add(a.get("fingerprint").asText()));
        HttpResponse<String> r = post("/api/v1/alertmanager", body);
        assertEquals(200, r.statusCode(), fixture + ": " + r.body());
      }
    }

    JsonNode listed = JSON.readTree(get("/api/v1/alerts").body()).get("data");
    Set<String> fingerprints = new HashSet<>();
    listed.forEach(a -> fingerprints.add(a.get("fingerprint").asText()));
    assertEquals(expected, fingerprints);

    // Groups name alerts by the fingerprint they arrived with, though routing added a priority label.
    Set<String> grouped = new HashSet<>();
    JSON.readTree(get("/api/v1/groups").body()).forEach(g -> g.get("alerts").forEach(a -> grouped.add(a.get("fingerprint").asText())));
    // (A resolved alert may already have been flushed out of its group: the fixtures started long
    // ago, so their groups flush at once.)
    assertTrue(expected.containsAll(grouped), grouped.toString());
    assertTrue(grouped.contains("957cd77975bf0f9e"), "a firing alert of the mixed group: " + grouped);
    assertTrue(get("/metrics").body().contains("alertrouter_alerts_received_total{source=\"alertmanager\",status=\"firing\"}"));
  }

  @Test
  void refusesToStartOnABadConfigNamingEachError() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yml"), "route:\n  receiver: nobody\n  group_wait: soon\nreceivers: []\n");

    ConfigException e = assertThrows(ConfigException.class, () -> start(bad));

    assertEquals(2, e.errors().size(), e.getMessage());
    assertTrue(e.errors().get(0).startsWith(bad + ":2: route.receiver"), e.errors().get(0));
    assertTrue(e.errors().get(1).startsWith(bad + ":3: route.group_wait"), e.errors().get(1));
  }

  @Test
  void reloadKeepsTheRunningConfigWhenTheNewOneIsBadAndCountsIt() throws Exception {
    Path config = Files.writeString(dir.resolve("am.yml"), "route: {receiver: a}\nreceivers: [{name: a}]\n");
    start(config);

    Files.writeString(config, "route: {receiver: b}\nreceivers: [{name: a}]\n");
    HttpResponse<String> failed = post("/-/reload", "");
    assertEquals(500, failed.statusCode());
    assertTrue(failed.body().contains("undefined receiver"), failed.body());
    assertEquals(200, get("/-/ready").statusCode(), "still serving the old config");

    Files.writeString(config, "route: {receiver: b}\nreceivers: [{name: b}]\n");
    assertEquals(200, post("/-/reload", "").statusCode());
    String metrics = get("/metrics").body();
    assertTrue(metrics.contains("alertrouter_config_reloads_total{result=\"failure\"} 1.0"), metrics);
    assertTrue(metrics.contains("alertrouter_config_reloads_total{result=\"success\"} 1.0"), metrics);
    assertTrue(metrics.contains("alertrouter_config_last_reload_successful 1.0"), metrics);
  }

  @Test
  void aTemplateThatFailsAtSendFallsBackAndIsCounted() throws Exception {
    Path config = Files.writeString(dir.resolve("am.yml"), """
        route: {receiver: chat, group_wait: 0s}
        receivers:
          - name: chat
            slack_configs:
              - channel: '#tta-alerts'
                templates:
                  title: "{{ summary | numberformat('#') }}"
        """);
    start(config);
    String alert = "[{\"labels\": {\"alertname\": \"TTAServiceDown\"}, \"annotations\": {\"summary\": \"not a number\"},"
        + " \"startsAt\": \"2026-01-01T00:00:00Z\"}]";
    assertEquals(200, post("/api/v2/alerts", alert).statusCode());

    // The Slack entry has no credential: it runs in dry-run, which renders the message (and so the
    // failing title) at the group's first flush, at once here.
    String counted = "alertrouter_template_fallbacks_total{integration=\"slack\"} 1.0";
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    String metrics = get("/metrics").body();
    while (!metrics.contains(counted) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      metrics = get("/metrics").body();
    }
    assertTrue(metrics.contains(counted), metrics);
  }
}
