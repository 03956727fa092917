package dev.tta.alertrouter.notify.opsgenie;

import static dev.tta.alertrouter.notify.ReceiverTestAlerts.ALERTMANAGERS_KEY_HASH;
import static dev.tta.alertrouter.notify.ReceiverTestAlerts.GROUP_KEY;
import static dev.tta.alertrouter.notify.ReceiverTestAlerts.RUNBOOK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.HttpClientConfig;
import dev.tta.alertrouter.config.OpsgenieConfig;
import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.config.SourceLocation;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.HttpPeer;
import dev.tta.alertrouter.notify.HttpPeer.Answer;
import dev.tta.alertrouter.notify.HttpPoster;
import dev.tta.alertrouter.notify.ReceiverTestAlerts;
import dev.tta.alertrouter.notify.template.MessageKind;
import dev.tta.alertrouter.notify.template.TestNotifications;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Alert API requests as a peer speaking Opsgenie's wire format on loopback receives them:
 * {@code POST /v2/alerts} and {@code POST /v2/alerts/{alias}/close?identifierType=alias} with
 * {@code Authorization: GenieKey …}, answered 202 {@code {"result":"Request will be processed"}}.
 */
class OpsgenieNotifierTest {
  private static final String KEY = "eb243592-faa2-4ba2-a551-1afdf565c889";
  private static final String ACCEPTED =
      "{\"result\":\"Request will be processed\",\"took\":0.302,\"requestId\":\"43a29c5c-3dbf-4fa4-9c26-f4f71023e120\"}";

  private final ObjectMapper json = new ObjectMapper();
  private final ManualClock clock = new ManualClock(ReceiverTestAlerts.T0);
  private final HttpPeer peer;

  OpsgenieNotifierTest() throws IOException {
    peer = new HttpPeer(clock, request -> request.header("Authorization") != null
        && request.header("Authorization").equals("GenieKey " + KEY)
        ? Answer.json(202, ACCEPTED)
        : Answer.json(401, "{\"message\":\"Could not authenticate\",\"took\":0.001,\"requestId\":\"x\"}"));
  }

  @AfterEach
  void stopPeer() {
    peer.close();
  }

  private OpsgenieConfig config(Optional<String> priority, boolean updateAlerts) {
    return new OpsgenieConfig(true, HttpClientConfig.defaults(), Optional.of(new Secret(KEY)),
        peer.uri("/").toString(), Optional.empty(), Map.of("owner", "platform"),
        List.of(new OpsgenieConfig.Responder("team", Optional.empty(), Optional.of("platform-oncall"), Optional.empty()),
            new OpsgenieConfig.Responder("user", Optional.empty(), Optional.empty(), Optional.of("ana@tta.dev"))),
        List.of("tta", "api"), Optional.of("paged by alert-router"), priority, updateAlerts, Optional.of("api"),
        List.of("Restart"), Map.of(), new SourceLocation("am.yml", 12));
  }

  private OpsgenieNotifier notifier(OpsgenieConfig config) {
    return new OpsgenieNotifier(config, ReceiverTestAlerts.defaults(MessageKind.OPSGENIE), TestNotifications.LINKS,
        new HttpPoster(config.httpConfig()), clock);
  }

  @Test
  void theAliasIsAlertmanagersHashOfTheGroupKey() {
    assertEquals(ALERTMANAGERS_KEY_HASH, OpsgenieNotifier.alias(GROUP_KEY));
  }

  @Test
  void aFiringGroupCreatesAnAlertWithItsAlias() throws IOException {
    DeliveryOutcome outcome = notifier(config(Optional.empty(), false)).send(ReceiverTestAlerts.firing("P0"));

    assertEquals(new DeliveryOutcome.Delivered(), outcome);
    assertEquals(1, peer.requests().size());
    HttpPeer.Request request = peer.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals("/v2/alerts", request.path());
    assertEquals("GenieKey " + KEY, request.header("Authorization"));
    assertEquals("application/json", request.header("Content-Type"));
    JsonNode body = json.readTree(request.body());
    assertEquals(ALERTMANAGERS_KEY_HASH, body.get("alias").asText());
    assertEquals("[P0] TTAServiceDown: TTA service api is down", body.get("message").asText());
    assertEquals("P1", body.get("priority").asText());
    assertEquals("https://router.tta.dev", body.get("source").asText());
    assertEquals("paged by alert-router", body.get("note").asText());
    assertEquals("api", body.get("entity").asText());
    assertEquals(List.of("tta", "api"), List.of(body.get("tags").get(0).asText(), body.get("tags").get(1).asText()));
    assertEquals("Restart", body.get("actions").get(0).asText());
    assertEquals(json.readTree("[{\"name\":\"platform-oncall\",\"type\":\"team\"},"
        + "{\"username\":\"ana@tta.dev\",\"type\":\"user\"}]"), body.get("responders"));
    JsonNode details = body.get("details");
    assertEquals("api", details.get("service").asText(), "the common labels are details");
    assertEquals("platform", details.get("owner").asText());
    assertEquals(RUNBOOK, details.get("runbook_url").asText());
    assertTrue(details.get("explain_url").asText().startsWith("https://router.tta.dev/alerts/"));
    String description = body.get("description").asText();
    assertTrue(description.contains("Runbook: " + RUNBOOK), description);
    assertTrue(description.contains("Why was I notified? https://router.tta.dev/alerts/"), description);
  }

  @ParameterizedTest
  @CsvSource({"P0, P1", "P1, P3", "P2, P5"})
  void priorityMapsFromTheAlertsPriority(String ours, String opsgenies) throws IOException {
    notifier(config(Optional.empty(), false)).send(ReceiverTestAlerts.firing(ours));

    assertEquals(opsgenies, json.readTree(peer.requests().get(0).body()).get("priority").asText());
  }

  @Test
  void withoutAPriorityOpsgeniesDefaultApplies() throws IOException {
    notifier(config(Optional.empty(), false)).send(ReceiverTestAlerts.firing(""));

    assertFalse(json.readTree(peer.requests().get(0).body()).has("priority"));
  }

  @Test
  void aConfiguredPriorityWins() throws IOException {
    notifier(config(Optional.of("P2"), false)).send(ReceiverTestAlerts.firing("P0"));

    assertEquals("P2", json.readTree(peer.requests().get(0).body()).get("priority").asText());
  }

  @Test
  void updateAlertsAlsoUpdatesMessageAndDescriptionByAlias() throws IOException {
    notifier(config(Optional.empty(), true)).send(ReceiverTestAlerts.firing("P0"));

    List<HttpPeer.Request> requests = peer.requests();
    assertEquals(3, requests.size());
    assertEquals("PUT", requests.get(1).method());
    assertEquals("/v2/alerts/" + ALERTMANAGERS_KEY_HASH + "/message", requests.get(1).path());
    assertEquals("identifierType=alias", requests.get(1).query());
    assertEquals("[P0] TTAServiceDown: TTA service api is down",
        json.readTree(requests.get(1).body()).get("message").asText());
    assertEquals("PUT", requests.get(2).method());
    assertEquals("/v2/alerts/" + ALERTMANAGERS_KEY_HASH + "/description", requests.get(2).path());
    assertTrue(json.readTree(requests.get(2).body()).get("description").asText().startsWith("FIRING P0"));
  }

  @Test
  void aResolvedGroupClosesTheAlertByAlias() throws IOException {
    DeliveryOutcome outcome = notifier(config(Optional.empty(), true)).send(ReceiverTestAlerts.resolved());

    assertEquals(new DeliveryOutcome.Delivered(), outcome);
    assertEquals(1, peer.requests().size());
    HttpPeer.Request close = peer.requests().get(0);
    assertEquals("POST", close.method());
    assertEquals("/v2/alerts/" + ALERTMANAGERS_KEY_HASH + "/close", close.path());
    assertEquals("identifierType=alias", close.query());
    assertEquals(json.readTree("{\"source\":\"https://router.tta.dev\"}"), json.readTree(close.body()));
  }

  @Test
  void theMessageIsCutAt130Characters() throws IOException {
    Alert alert = new Alert(Labels.of(Map.of("alertname", "TTAServiceDown", "priority", "P1")),
        Map.of("summary", "x".repeat(300)), ReceiverTestAlerts.T0.minusSeconds(60), null, "", ReceiverTestAlerts.T0);

    notifier(config(Optional.empty(), false)).send(ReceiverTestAlerts.notification(List.of(alert)));

    String message = json.readTree(peer.requests().get(0).body()).get("message").asText();
    assertEquals(130, message.codePointCount(0, message.length()));
    assertTrue(message.endsWith("…"));
  }

  @Test
  void a422IsPermanentWithOpsgeniesOwnWords() {
    peer.then(Answer.json(422, "{\"message\":\"Request body is not processable. Please check the errors.\","
        + "\"errors\":{\"message\":\"Message can not be empty.\"},\"took\":0.001,\"requestId\":\"x\"}"));

    DeliveryOutcome outcome = notifier(config(Optional.empty(), false)).send(ReceiverTestAlerts.firing("P0"));

    DeliveryOutcome.Permanent permanent = assertInstanceOf(DeliveryOutcome.Permanent.class, outcome);
    assertEquals("Opsgenie answered 422 to POST /v2/alerts: Request body is not processable. Please check the errors."
        + " (message: Message can not be empty.)", permanent.reason());
  }

  @Test
  void a429IsRetriedAfterItsRetryAfterAndStopsTheLaterRequests() {
    peer.then(Answer.json(429, "{\"message\":\"Rate limit exceeded\"}").withHeader("Retry-After", "3"));

    DeliveryOutcome outcome = notifier(config(Optional.empty(), true)).send(ReceiverTestAlerts.firing("P0"));

    DeliveryOutcome.Retryable retry = assertInstanceOf(DeliveryOutcome.Retryable.class, outcome);
    assertEquals(Optional.of(Duration.ofSeconds(3)), retry.retryAfter());
    assertEquals(1, peer.requests().size(), "the updates wait for the create");
  }

  @Test
  void aBadKeyIsPermanentAndTheKeyAppearsNowhere() {
    OpsgenieConfig wrong = new OpsgenieConfig(true, HttpClientConfig.defaults(), Optional.of(new Secret("wrong-key-42")),
        peer.uri("/").toString(), Optional.empty(), Map.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
        false, Optional.empty(), List.of(), Map.of(), new SourceLocation("am.yml", 12));
    OpsgenieNotifier notifier = notifier(wrong);

    DeliveryOutcome outcome = notifier.send(ReceiverTestAlerts.firing("P0"));
    String rendered = notifier.render(ReceiverTestAlerts.firing("P0"));

    DeliveryOutcome.Permanent permanent = assertInstanceOf(DeliveryOutcome.Permanent.class, outcome);
    assertTrue(permanent.reason().contains("401") && permanent.reason().contains("Could not authenticate"),
        permanent.reason());
    assertFalse(permanent.reason().contains("wrong-key-42"));
    assertFalse(rendered.contains("wrong-key-42"), rendered);
    assertTrue(rendered.startsWith("POST " + peer.uri("/v2/alerts") + " (Authorization: GenieKey <secret>) {"), rendered);
  }
}
