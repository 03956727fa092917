package dev.tta.alertrouter.notify.pagerduty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.App;
import dev.tta.alertrouter.AppOptions;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.notify.HttpPeer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One ack, everywhere, against a PagerDuty peer on loopback speaking Events API v2: an ack given in
 * alert-router reaches PagerDuty as an {@code acknowledge} event for the incident's dedup key, and
 * PagerDuty's signed v3 webhooks acknowledge and unacknowledge the group; unsigned or wrongly signed
 * webhooks are 401 and change nothing.
 */
class PagerDutyAckSyncTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";
  private static final String SECRET = "pd-subscription-secret";
  private static final String GLOBAL_SECRET = "pd-account-secret";
  private static final String GROUP = "{}/{severity=\"critical\"}:{alertname=\"TTAServiceDown\", service=\"api\"}";

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private final ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
  private HttpPeer pagerDuty;
  private App app;

  @BeforeEach
  void start() throws Exception {
    pagerDuty = new HttpPeer(Clock.systemUTC(), PagerDutyPeer::eventsV2);
    pagerDuty.onArrival(request -> {
      try {
        events.put(JSON.readTree(request.body()));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    });
    Path config = Files.writeString(dir.resolve("am.yml"), """
        global:
          pagerduty_webhook_signing_secret: %s
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
            pagerduty_configs:
              - {routing_key: %s, url: '%s', webhook_signing_secret: %s}
        """.formatted(GLOBAL_SECRET, ROUTING_KEY, pagerDuty.uri("/v2/enqueue"), SECRET));
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), false,
        URI.create("http://router.example:9095"));
    app = App.start(options, clock, Map.of());
    HttpResponse<String> posted = send("POST", "/api/v2/alerts",
        "[{\"labels\":{\"alertname\":\"TTAServiceDown\",\"service\":\"api\",\"severity\":\"critical\"},"
            + "\"startsAt\":\"" + clock.instant().minus(Duration.ofHours(2)) + "\"}]");
    assertEquals(200, posted.statusCode(), posted.body());
    JsonNode trigger = nextEvent();
    assertEquals("trigger", trigger.path("event_action").asText(), trigger.toString());
    assertEquals(PagerDutyNotifier.dedupKey(GROUP), trigger.path("dedup_key").asText());
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    pagerDuty.close();
  }

  @Test
  void anAckGivenHereAcknowledgesThePagerDutyIncident() throws Exception {
    HttpResponse<String> acked = send("POST", ackPath(), "{\"by\":\"alice\"}");
    assertEquals(200, acked.statusCode(), acked.body());

    JsonNode event = nextEvent();

    assertEquals("acknowledge", event.path("event_action").asText(), event.toString());
    assertEquals(PagerDutyNotifier.dedupKey(GROUP), event.path("dedup_key").asText());
    assertEquals(ROUTING_KEY, event.path("routing_key").asText());
    assertEquals(1, pagerDuty.requests().stream().filter(r -> r.body().contains("\"acknowledge\"")).count());
  }

  @Test
  void signedWebhooksAcknowledgeAndUnacknowledgeTheGroup() throws Exception {
    String acknowledged = webhook("incident.acknowledged", PagerDutyNotifier.dedupKey(GROUP), "Bob Oncall");

    HttpResponse<String> r = webhook(acknowledged, "v1=" + sign(SECRET, acknowledged));

    assertEquals(200, r.statusCode(), r.body());
    JsonNode ack = group().path("ack");
    assertEquals("Bob Oncall", ack.path("by").asText(), ack.toString());
    assertEquals("acknowledged in PagerDuty (incident #42)", ack.path("comment").asText());
    assertTrue(send("GET", "/metrics", null).body()
        .contains("alertrouter_acks_total{priority=\"P0\",team=\"none\",via=\"pagerduty\"} 1.0"));

    String unacknowledged = webhook("incident.unacknowledged", PagerDutyNotifier.dedupKey(GROUP), "Bob Oncall");
    assertEquals(200, webhook(unacknowledged, "v1=" + sign(GLOBAL_SECRET, unacknowledged)).statusCode());
    assertTrue(group().path("ack").isNull(), group().toString());

    // During a secret rotation PagerDuty signs with the old and the new secret; one match is enough.
    String resolved = webhook("incident.resolved", PagerDutyNotifier.dedupKey(GROUP), "Carol");
    r = webhook(resolved, "v1=" + sign("retired-secret", resolved) + ", v1=" + sign(SECRET, resolved));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("Carol", group().path("ack").path("by").asText());
    assertEquals("resolved in PagerDuty (incident #42)", group().path("ack").path("comment").asText());
    assertTrue(pagerDuty.requests().stream().noneMatch(q -> q.body().contains("\"acknowledge\"")),
        "an acknowledgement PagerDuty gave is not sent back to it");
  }

  @Test
  void unsignedOrWronglySignedWebhooksAre401AndChangeNothing() throws Exception {
    String body = webhook("incident.acknowledged", PagerDutyNotifier.dedupKey(GROUP), "Mallory");

    assertEquals(401, webhook(body, null).statusCode());
    assertEquals(401, webhook(body, "v1=" + sign("not-the-secret", body)).statusCode());
    assertEquals(401, webhook(body, "v0=" + sign(SECRET, body)).statusCode());
    assertEquals(401, webhook(body.replace("Mallory", "Mallorz"), "v1=" + sign(SECRET, body)).statusCode());
    HttpResponse<String> refused = webhook(body, "garbage");
    assertEquals(401, refused.statusCode());
    assertTrue(JSON.readTree(refused.body()).path("error").asText().contains("X-PagerDuty-Signature"), refused.body());
    assertTrue(group().path("ack").isNull(), group().toString());

    String other = webhook("incident.acknowledged", "0".repeat(64), "Bob");
    HttpResponse<String> ignored = webhook(other, "v1=" + sign(SECRET, other));
    assertEquals(200, ignored.statusCode(), "an incident that is not ours is answered 2xx, so PagerDuty does not retry");
    assertTrue(ignored.body().contains("no group held now"), ignored.body());
    String noKey = "{\"event\":{\"event_type\":\"incident.acknowledged\",\"data\":{\"type\":\"incident\"}}}";
    HttpResponse<String> malformed = webhook(noKey, "v1=" + sign(SECRET, noKey));
    assertEquals(400, malformed.statusCode());
    assertTrue(malformed.body().contains("event.data.incident_key"), malformed.body());
    assertTrue(group().path("ack").isNull(), group().toString());
  }

  /** A v3 webhook payload as PagerDuty documents it (developer.pagerduty.com, "Webhooks v3 overview"). */
  private static String webhook(String type, String incidentKey, String agent) {
    return """
        {"event":{"id":"01DEN1HNLBC1VITK192ETBBSAN","event_type":"%s","resource_type":"incident",\
        "occurred_at":"2026-12-03T17:30:00.000Z",\
        "agent":{"html_url":"https://acme.pagerduty.com/users/PLH1HKV","id":"PLH1HKV",\
        "self":"https://api.pagerduty.com/users/PLH1HKV","summary":"%s","type":"user_reference"},\
        "client":{"name":"PagerDuty"},\
        "data":{"id":"PGR0VU2","type":"incident","self":"https://api.pagerduty.com/incidents/PGR0VU2",\
        "html_url":"https://acme.pagerduty.com/incidents/PGR0VU2","number":42,"status":"acknowledged",\
        "incident_key":"%s","created_at":"2026-12-03T17:00:00Z","title":"[FIRING:1] TTAServiceDown api",\
        "service":{"id":"PF9KMXH","summary":"API Service","type":"service_reference"},\
        "urgency":"high","resolve_reason":null}}}""".formatted(type, agent, incidentKey);
  }

  private static String sign(String secret, String body) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> webhook(String body, String signature) throws Exception {
    return signature == null
        ? send("POST", "/api/v1/pagerduty/webhook", body)
        : send("POST", "/api/v1/pagerduty/webhook", body, "X-PagerDuty-Signature", signature);
  }

  private JsonNode nextEvent() throws InterruptedException {
    JsonNode event = events.poll(30, TimeUnit.SECONDS);
    assertNotNull(event, "PagerDuty received an event");
    return event;
  }

  private static String ackPath() {
    return "/api/v1/groups/" + URLEncoder.encode(GROUP, StandardCharsets.UTF_8).replace("+", "%20") + "/ack";
  }

  private JsonNode group() throws Exception {
    for (JsonNode g : JSON.readTree(send("GET", "/api/v1/groups", null).body())) {
      if (g.path("groupKey").asText().equals(GROUP)) {
        return g;
      }
    }
    throw new AssertionError("no group " + GROUP);
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
}
