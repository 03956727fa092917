package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/heartbeats} (viewer) and {@code POST /api/v1/heartbeats/{name}} (intake) on a
 * real server: a sign of life shows in the list, an unknown name is a 404 naming it, and the post
 * needs the intake role while a viewer may read.
 */
class HeartbeatHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INTAKE_TOKEN = "intake-token-0123456789";
  private static final String VIEWER_TOKEN = "viewer-token-0123456789";

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private App app;

  @BeforeEach
  void start() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yml"), """
        route: {receiver: default}
        receivers: [{name: default}]
        heartbeats:
          - name: nightly-backup
            matchers: ['alertname="BackupHeartbeat"']
            expect_every: 1d
            grace: 1h
            receiver: default
        server:
          auth:
            tokens:
              - {name: cron, token: %s, role: intake}
              - {name: grafana, token: %s, role: viewer}
        """.formatted(INTAKE_TOKEN, VIEWER_TOKEN));
    app = App.start(new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), false,
        URI.create("http://alert-router.test")), Clock.systemUTC(), Map.of());
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .header("Authorization", "Bearer " + token)
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aPostedSignOfLifeShowsInTheList() throws Exception {
    JsonNode before = JSON.readTree(send("GET", "/api/v1/heartbeats", VIEWER_TOKEN).body()).at("/data/0");
    assertEquals("nightly-backup", before.path("name").asText());
    assertEquals("waiting", before.path("state").asText());
    assertEquals(86400, before.path("expectEverySeconds").asLong());
    assertEquals(3600, before.path("graceSeconds").asLong());
    assertFalse(before.has("lastSeen"));

    HttpResponse<String> beat = send("POST", "/api/v1/heartbeats/nightly-backup", INTAKE_TOKEN);

    assertEquals(200, beat.statusCode(), beat.body());
    JsonNode answered = JSON.readTree(beat.body()).path("data");
    assertEquals("alive", answered.path("state").asText());
    assertTrue(answered.has("lastSeen") && answered.has("dueBy"), answered.toString());
    JsonNode listed = JSON.readTree(send("GET", "/api/v1/heartbeats", VIEWER_TOKEN).body()).at("/data/0");
    assertEquals(answered, listed);
  }

  @Test
  void anUnknownNameIsA404NamingIt() throws Exception {
    HttpResponse<String> r = send("POST", "/api/v1/heartbeats/no-such-job", INTAKE_TOKEN);

    assertEquals(404, r.statusCode());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    assertEquals("{\"status\":\"error\",\"errors\":[\"name: no heartbeat named \\\"no-such-job\\\" is configured"
        + " (see GET /api/v1/heartbeats)\"]}", r.body());
  }

  @Test
  void postingNeedsTheIntakeRole() throws Exception {
    HttpResponse<String> r = send("POST", "/api/v1/heartbeats/nightly-backup", VIEWER_TOKEN);

    assertEquals(403, r.statusCode(), r.body());
    assertTrue(r.body().contains("needs role intake"), r.body());
    assertEquals("waiting", JSON.readTree(send("GET", "/api/v1/heartbeats", VIEWER_TOKEN).body()).at("/data/0/state").asText());
  }
}
