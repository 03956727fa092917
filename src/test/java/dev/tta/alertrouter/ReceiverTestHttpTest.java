package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * {@code POST /api/v1/receivers/{name}/test} on the real server: each integration answers for
 * itself (a loopback webhook that accepts, one that answers 500, a Slack integration without a
 * credential), the test is counted apart and never joins a group.
 */
class ReceiverTestHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private PeerWebhook peer;
  private App app;

  @BeforeEach
  void start() throws Exception {
    peer = new PeerWebhook();
    peer.answer("/broken", 500, 500, 500);
    Path config = Files.writeString(dir.resolve("am.yml"), """
        route: {receiver: team}
        receivers:
          - name: team
            webhook_configs: [{url: '%s'}, {url: '%s'}]
            slack_configs: [{channel: '#team'}]
        server: {admin_auth: {basic_auth: {username: admin, password: s3cret}}}
        """.formatted(peer.url("/ok"), peer.url("/broken")));
    app = App.start(new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), false,
        URI.create("http://127.0.0.1:9095")), Clock.systemUTC(), Map.of());
  }

  @AfterEach
  void stop() {
    app.close();
    peer.close();
  }

  private HttpResponse<String> post(String path, String body, boolean admin) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (admin) {
      b.header("Authorization", "Basic YWRtaW46czNjcmV0");
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void eachIntegrationAnswersForItselfAndTheTestIsCountedApart() throws Exception {
    HttpResponse<String> r = post("/api/v1/receivers/team/test", "", true);

    assertEquals(200, r.statusCode(), r.body());
    JsonNode results = JSON.readTree(r.body()).path("data").path("integrations");
    assertEquals(3, results.size(), r.body());
    assertEquals("slack[0]", results.get(0).path("integration").asText());
    assertEquals("dry_run", results.get(0).path("outcome").asText(), "no Slack credential: rendered, not sent");
    assertTrue(results.get(0).path("payload").asText().contains("AlertRouterTestNotification"), results.get(0).toString());
    assertEquals("webhook[0]", results.get(1).path("integration").asText());
    assertEquals("delivered", results.get(1).path("outcome").asText());
    assertEquals("webhook[1]", results.get(2).path("integration").asText());
    assertEquals("failed", results.get(2).path("outcome").asText());
    assertTrue(results.get(2).path("reason").asText().contains("500"), results.get(2).toString());

    JsonNode sent = peer.accepted().get(0);
    assertEquals("AlertRouterTestNotification", sent.path("alerts").get(0).path("labels").path("alertname").asText());
    assertEquals(1, peer.accepted().size(), "one attempt, no retry");

    String metrics = get("/metrics");
    assertTrue(metrics.contains(
        "alertrouter_test_notifications_total{integration=\"webhook\",outcome=\"delivered\",receiver=\"team\"} 1.0"), metrics);
    assertTrue(metrics.contains(
        "alertrouter_test_notifications_total{integration=\"webhook\",outcome=\"failed\",receiver=\"team\"} 1.0"), metrics);
    assertTrue(metrics.contains(
        "alertrouter_test_notifications_total{integration=\"slack\",outcome=\"dry_run\",receiver=\"team\"} 1.0"), metrics);
    assertTrue(metrics.contains("alertrouter_notifications_total{integration=\"webhook\",outcome=\"sent\",receiver=\"team\"} 0.0"),
        "not counted as a notification: " + metrics);
    assertEquals("[]", get("/api/v1/groups"), "never grouped");
    assertEquals(0, JSON.readTree(get("/api/v1/alerts")).path("data").size(), "never stored");
  }

  @Test
  void theCallersLabelsGoOut() throws Exception {
    HttpResponse<String> r = post("/api/v1/receivers/team/test",
        "{\"labels\":{\"alertname\":\"Drill\",\"severity\":\"critical\"}}", true);

    assertEquals(200, r.statusCode(), r.body());
    JsonNode labels = peer.accepted().get(0).path("alerts").get(0).path("labels");
    assertEquals("Drill", labels.path("alertname").asText());
    assertEquals("critical", labels.path("severity").asText());
  }

  @Test
  void anUnknownReceiverIs404ABadBody400AndCredentialsAreNeeded() throws Exception {
    assertEquals(401, post("/api/v1/receivers/team/test", "", false).statusCode());
    HttpResponse<String> unknown = post("/api/v1/receivers/nobody/test", "", true);
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("no receiver nobody"), unknown.body());
    HttpResponse<String> bad = post("/api/v1/receivers/team/test", "{\"labels\":{\"1x\":\"y\",\"a\":3},\"x\":1}", true);
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("x: unknown field"), bad.body());
    assertTrue(bad.body().contains("invalid label name \\\"1x\\\""), bad.body());
    assertTrue(bad.body().contains("labels.a: must be a string"), bad.body());
    assertEquals(0, peer.accepted().size());
  }
}
