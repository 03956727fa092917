package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST|DELETE /api/v1/groups/{groupKey}/ack} on the real server: answers, what the group
 * list, explain and metrics show, the admin check, and an acknowledgement surviving a restart.
 */
class AckHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GROUP = "{}/{severity=\"critical\"}:{alertname=\"TTAServiceDown\", service=\"api\"}";

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private PeerWebhook peer;
  private App app;

  @BeforeEach
  void peer() throws Exception {
    peer = new PeerWebhook();
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    peer.close();
  }

  private void start(String server) throws Exception {
    Path config = Files.writeString(dir.resolve("am.yml"), """
        route:
          receiver: default
          group_by: [alertname, service]
          group_wait: 1h
          routes:
            - matchers: ['severity="critical"']
              receiver: pager
        receivers:
          - name: default
          - name: pager
            webhook_configs: [{url: '%s'}]
        %s
        """.formatted(peer.url("/pager"), server));
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), false,
        URI.create("http://127.0.0.1:9095"));
    app = App.start(options, Clock.systemUTC(), Map.of());
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String ackPath(String groupKey) {
    return "/api/v1/groups/" + URLEncoder.encode(groupKey, StandardCharsets.UTF_8).replace("+", "%20") + "/ack";
  }

  private void postAlert() throws Exception {
    HttpResponse<String> r = send("POST", "/api/v2/alerts",
        "[{\"labels\":{\"alertname\":\"TTAServiceDown\",\"service\":\"api\",\"severity\":\"critical\"}}]");
    assertEquals(200, r.statusCode(), r.body());
  }

  private JsonNode group() throws Exception {
    for (JsonNode g : JSON.readTree(send("GET", "/api/v1/groups", null).body())) {
      if (g.path("groupKey").asText().equals(GROUP)) {
        return g;
      }
    }
    throw new AssertionError("no group " + GROUP);
  }

  @Test
  void acknowledgingShowsInTheGroupListExplainAndMetricsAndUnackingEndsIt() throws Exception {
    start("");
    postAlert();
    Instant before = Instant.now();

    HttpResponse<String> r = send("POST", ackPath(GROUP), "{\"by\":\"alice\",\"comment\":\"on it\"}");

    assertEquals(200, r.statusCode(), r.body());
    JsonNode data = JSON.readTree(r.body()).path("data");
    assertEquals("alice", data.path("by").asText());
    assertEquals("on it", data.path("comment").asText());
    assertTrue(data.path("until").isNull(), "until the group resolves: " + data);
    assertTrue(!Instant.parse(data.path("at").asText()).isBefore(before.minusSeconds(1)));
    assertEquals("alice", group().path("ack").path("by").asText());

    String fingerprint = group().path("alerts").get(0).path("fingerprint").asText();
    String explain = send("GET", "/api/v1/alerts/" + fingerprint + "/explain", null).body();
    assertTrue(explain.contains("acked by alice at " + data.path("at").asText()), explain);
    assertTrue(send("GET", "/metrics", null).body()
        .contains("alertrouter_acks_total{priority=\"P0\",team=\"none\",via=\"api\"} 1.0"));

    HttpResponse<String> unacked = send("DELETE", ackPath(GROUP), null);
    assertEquals(200, unacked.statusCode(), unacked.body());
    assertTrue(group().path("ack").isNull(), group().toString());
  }

  @Test
  void theGroupKeyMayKeepItsSlashesInThePath() throws Exception {
    start("");
    postAlert();
    String raw = "/api/v1/groups/" + ackPath(GROUP).substring("/api/v1/groups/".length()).replace("%2F", "/");

    HttpResponse<String> r = send("POST", raw, "{\"by\":\"alice\"}");

    assertEquals(200, r.statusCode(), raw + " -> " + r.body());
  }

  @Test
  void anUnknownGroupIs404AndEachBadBodyIs400NamingTheProblem() throws Exception {
    start("");
    postAlert();
    HttpResponse<String> unknown = send("POST", ackPath("{}:{alertname=\"Nope\"}"), "{\"by\":\"alice\"}");
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("no group {}:{alertname=\\\"Nope\\\"}"), unknown.body());
    assertEquals(404, send("DELETE", ackPath("{}:{alertname=\"Nope\"}"), null).statusCode());

    Map<String, String> bad = Map.of(
        "{}", "by: who acknowledges is required",
        "{\"by\":\"alice\",\"until\":\"tomorrow\"}", "until: not an RFC 3339 time",
        "{\"by\":\"alice\",\"until\":\"2020-01-01T00:00:00Z\"}", "until: must be in the future",
        "{\"by\":\"alice\",\"who\":\"bob\"}", "who: unknown field",
        "{\"by\":42}", "by: must be a string",
        "[1]", "body: must be a JSON object",
        "{\"by\":", "body: not valid JSON");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      HttpResponse<String> r = send("POST", ackPath(GROUP), e.getKey());
      assertEquals(400, r.statusCode(), e.getKey());
      assertTrue(r.body().contains(e.getValue()), e.getKey() + " -> " + r.body());
    }
    assertTrue(group().path("ack").isNull(), "nothing acknowledged");
  }

  @Test
  void bothGoThroughTheAdminCheckOfSilences() throws Exception {
    start("server: {admin_auth: {basic_auth: {username: admin, password: s3cret}}}");
    postAlert();
    String credentials = "Basic " + Base64.getEncoder().encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8));

    assertEquals(401, send("POST", ackPath(GROUP), "{\"by\":\"alice\"}").statusCode());
    assertEquals(401, send("DELETE", ackPath(GROUP), null).statusCode());
    assertEquals(200, send("POST", ackPath(GROUP), "{\"by\":\"alice\"}", "Authorization", credentials).statusCode());
    assertEquals(200, send("DELETE", ackPath(GROUP), null, "Authorization", credentials).statusCode());
  }

  @Test
  void anAcknowledgementSurvivesARestart() throws Exception {
    start("");
    postAlert();
    assertEquals(200, send("POST", ackPath(GROUP), "{\"by\":\"alice\",\"until\":\"2999-01-01T00:00:00Z\"}").statusCode());
    app.close();
    app = null;

    start("");

    JsonNode ack = group().path("ack");
    assertEquals("alice", ack.path("by").asText(), group().toString());
    assertEquals("2999-01-01T00:00:00Z", ack.path("until").asText());
  }
}
