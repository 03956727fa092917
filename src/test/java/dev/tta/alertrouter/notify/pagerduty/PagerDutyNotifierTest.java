package dev.tta.alertrouter.notify.pagerduty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.config.HttpClientConfig;
import dev.tta.alertrouter.config.PagerDutyConfig;
import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.HttpPeer;
import dev.tta.alertrouter.notify.HttpPeer.Answer;
import dev.tta.alertrouter.notify.HttpPoster;
import dev.tta.alertrouter.notify.Notification;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The events the PagerDuty notifier posts, as a peer speaking Events API v2 on loopback receives them. */
class PagerDutyNotifierTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final String GROUP_KEY = "{}:{alertname=\"TTAServiceDown\", service=\"api\"}";
  /** What a real Alertmanager 0.25 sent as dedup_key for GROUP_KEY. */
  private static final String ALERTMANAGERS_DEDUP_KEY = "0746b8aad22bcf6a4b44b6c6c592687172b9f3e51de75d0c59787ed719efba91";
  private static final String RUNBOOK = "https://runbooks.tta.dev/service-down";
  private static final String RULE = "http://prom.example:9090/graph?g0.expr=up%7Bjob%3D%22api%22%7D+%3D%3D+0";

  private final ObjectMapper json = new ObjectMapper();
  private final ManualClock clock = new ManualClock(T0);
  private final HttpPeer peer;

  PagerDutyNotifierTest() throws IOException {
    peer = new HttpPeer(clock, PagerDutyPeer::eventsV2);
  }

  @AfterEach
  void stopPeer() {
    peer.close();
  }

  @Test
  void theDedupKeyIsAlertmanagers() {
    assertEquals(ALERTMANAGERS_DEDUP_KEY, PagerDutyNotifier.dedupKey(GROUP_KEY));
  }

  @Test
  void aTriggerCarriesTheWholeEvent() throws IOException {
    DeliveryOutcome outcome = notifier(PagerDutyConfigs.v2(enqueue(), PagerDutyConfigs.ROUTING_KEY)).send(twoFiring());

    assertEquals(new DeliveryOutcome.Delivered(), outcome);
    assertEquals("/v2/enqueue", peer.requests().get(0).path());
    assertEquals(json.readTree("""
        {
          "routing_key": "0123456789abcdef0123456789abcdef",
          "dedup_key": "0746b8aad22bcf6a4b44b6c6c592687172b9f3e51de75d0c59787ed719efba91",
          "event_action": "trigger",
          "payload": {
            "summary": "[FIRING:2] TTAServiceDown api (platform): API is down",
            "source": "prom.example",
            "severity": "critical",
            "class": "TTAServiceDown",
            "component": "api",
            "group": "platform",
            "custom_details": {
              "firing": [
                {"labels": {"alertname": "TTAServiceDown", "instance": "a", "priority": "P1", "service": "api", "team": "platform"},
                 "annotations": {"runbook_url": "https://runbooks.tta.dev/service-down", "summary": "API is down"},
                 "startsAt": "2026-11-25T09:58:00Z",
                 "generatorURL": "http://prom.example:9090/graph?g0.expr=up%7Bjob%3D%22api%22%7D+%3D%3D+0"},
                {"labels": {"alertname": "TTAServiceDown", "instance": "b", "priority": "P0", "service": "api", "team": "platform"},
                 "annotations": {"runbook_url": "https://runbooks.tta.dev/service-down", "summary": "API is down"},
                 "startsAt": "2026-11-25T09:59:00Z",
                 "generatorURL": "http://prom.example:9090/graph?g0.expr=up%7Bjob%3D%22api%22%7D+%3D%3D+0"}
              ],
              "resolved": [],
              "num_firing": 2,
              "num_resolved": 0
            }
          },
          "client": "alert-router",
          "client_url": "http://alert-router.example:8080",
          "links": [
            {"href": "https://runbooks.tta.dev/service-down", "text": "Runbook"},
            {"href": "http://prom.example:9090/graph?g0.expr=up%7Bjob%3D%22api%22%7D+%3D%3D+0", "text": "Source"}
          ]
        }
        """), body(0));
  }

  @Test
  void aResolveCarriesTheSameDedupKey() throws IOException {
    PagerDutyNotifier notifier = notifier(PagerDutyConfigs.v2(enqueue(), PagerDutyConfigs.ROUTING_KEY));
    notifier.send(twoFiring());
    clock.advance(Duration.ofMinutes(5));

    DeliveryOutcome outcome = notifier.send(new Notification(context(), resolved(alerts())));

    assertEquals(new DeliveryOutcome.Delivered(), outcome);
    JsonNode resolve = body(1);
    assertEquals("resolve", resolve.get("event_action").asText());
    assertEquals(body(0).get("dedup_key"), resolve.get("dedup_key"));
    assertEquals(ALERTMANAGERS_DEDUP_KEY, resolve.get("dedup_key").asText());
    assertEquals("[RESOLVED] TTAServiceDown api (platform): API is down", resolve.at("/payload/summary").asText());
    assertEquals(2, resolve.at("/payload/custom_details/num_resolved").asInt());
    assertEquals("2026-11-25T10:04:00Z", resolve.at("/payload/custom_details/resolved/0/endsAt").asText());
  }

  @ParameterizedTest
  @CsvSource({"P0,critical", "P1,warning", "P2,info", "'',error", "P7,error"})
  void theSeverityFollowsThePriority(String priority, String severity) throws IOException {
    Labels labels = priority.isEmpty() ? Labels.of("alertname", "X") : Labels.of("alertname", "X", "priority", priority);

    notifier(PagerDutyConfigs.v2(enqueue(), PagerDutyConfigs.ROUTING_KEY))
        .send(new Notification(context(), List.of(new Alert(labels, Map.of(), T0, null, "", T0))));

    assertEquals(severity, body(0).at("/payload/severity").asText());
  }

  @Test
  void theMostUrgentFiringAlertDecidesTheSeverity() throws IOException {
    List<Alert> alerts = alerts();
    // The P0 alert has resolved; the P1 one still fires.
    alerts.set(1, alerts.get(1).withTimes(alerts.get(1).startsAt(), T0.minusSeconds(1), T0));

    notifier(PagerDutyConfigs.v2(enqueue(), PagerDutyConfigs.ROUTING_KEY)).send(new Notification(context(), alerts));

    assertEquals("warning", body(0).at("/payload/severity").asText());
  }

  @Test
  void theSeverityMappingCanBeChanged() throws IOException {
    Map<Priority, String> map = new EnumMap<>(Priority.class);
    map.put(Priority.P0, "critical");
    map.put(Priority.P1, "error");
    map.put(Priority.P2, "warning");
    PagerDutyNotifier notifier = new PagerDutyNotifier(PagerDutyConfigs.v2(enqueue(), PagerDutyConfigs.ROUTING_KEY),
        URI.create("http://alert-router.example:8080"), new PagerDutySeverities(map, "info"),
        new HttpPoster(HttpClientConfig.defaults()), clock);

    notifier.send(new Notification(context(), List.of(alert("a", "P1", T0))));

    assertEquals("error", body(0).at("/payload/severity").asText());
    assertThrows(IllegalArgumentException.class, () -> new PagerDutySeverities(map, "high"));
  }

  @Test
  void aPlainTextSeverityInTheConfigWinsAndATemplateDoesNot() throws IOException {
    notifier(PagerDutyConfigs.withSeverity(enqueue(), "Warning")).send(twoFiring());
    notifier(PagerDutyConfigs.withSeverity(enqueue(), "{{ .CommonLabels.severity }}")).send(twoFiring());

    assertEquals("warning", body(0).at("/payload/severity").asText());
    assertEquals("critical", body(1).at("/payload/severity").asText());
  }

  @Test
  void aSeverityPagerDutyWouldRefuseStopsStartupNamingTheConfig() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> notifier(PagerDutyConfigs.withSeverity(enqueue(), "high")));

    assertTrue(e.getMessage().startsWith("routing-rules/alertmanager.yml:47: pagerduty_configs: "), e.getMessage());
    assertTrue(e.getMessage().contains("high"), e.getMessage());
  }

  @Test
  void theSummaryIsCutTo1024CharactersWithAnEllipsis() throws IOException {
    String longSummary = "Database replica lag is growing on every shard 🐘 ".repeat(40);
    Alert alert = new Alert(Labels.of("alertname", "TTAServiceDown", "service", "api"), Map.of("summary", longSummary), T0,
        null, "", T0);

    DeliveryOutcome outcome = notifier(PagerDutyConfigs.v2(enqueue(), PagerDutyConfigs.ROUTING_KEY))
        .send(new Notification(context(), List.of(alert)));

    assertEquals(new DeliveryOutcome.Delivered(), outcome);
    String summary = body(0).at("/payload/summary").asText();
    assertEquals(1024, summary.codePointCount(0, summary.length()));
    assertTrue(summary.endsWith("…"));
    assertTrue(summary.startsWith("[FIRING:1] TTAServiceDown api: Database replica lag"), summary);
  }

  @Test
  void aPlainTextDescriptionIsTheSummary() throws IOException {
    notifier(PagerDutyConfigs.withDescription(enqueue(), "TTA is paging")).send(twoFiring());
    notifier(PagerDutyConfigs.withDescription(enqueue(), "{{ template \"pagerduty.default.description\" . }}"))
        .send(twoFiring());

    assertEquals("TTA is paging", body(0).at("/payload/summary").asText());
    assertEquals("[FIRING:2] TTAServiceDown api (platform): API is down", body(1).at("/payload/summary").asText());
  }

  @Test
  void plainTextConfigFieldsAreSentAndTemplatesAreLeftOut() throws IOException {
    PagerDutyConfig config = new PagerDutyConfig(true, HttpClientConfig.defaults(),
        Optional.of(new Secret(PagerDutyConfigs.ROUTING_KEY)), Optional.empty(), enqueue().toString(),
        Optional.of("TTA alert-router"), Optional.of("https://router.tta.dev/api/v1/groups"), Optional.empty(),
        Map.of("environment", "production", "firing", "{{ .Alerts.Firing }}"),
        List.of(new PagerDutyConfig.Image("https://grafana.tta.dev/render/api.png", Optional.of("API"), Optional.empty()),
            new PagerDutyConfig.Image("{{ .CommonAnnotations.graph }}", Optional.empty(), Optional.empty())),
        List.of(new PagerDutyConfig.Link("https://grafana.tta.dev/d/api", Optional.of("Dashboard")),
            new PagerDutyConfig.Link("https://status.tta.dev", Optional.empty()),
            new PagerDutyConfig.Link("{{ .ExternalURL }}", Optional.of("Alertmanager"))),
        Optional.of("api-gateway-1"), Optional.empty(), Optional.of("availability"), Optional.of("{{ .GroupLabels.service }}"),
        Optional.of("tta-core"), PagerDutyConfigs.WHERE);

    notifier(config).send(twoFiring());

    JsonNode event = body(0);
    assertEquals("TTA alert-router", event.get("client").asText());
    assertEquals("https://router.tta.dev/api/v1/groups", event.get("client_url").asText());
    assertEquals("api-gateway-1", event.at("/payload/source").asText());
    assertEquals("availability", event.at("/payload/class").asText());
    assertEquals("api", event.at("/payload/component").asText());
    assertEquals("tta-core", event.at("/payload/group").asText());
    assertEquals("production", event.at("/payload/custom_details/environment").asText());
    assertTrue(event.at("/payload/custom_details/firing").isArray());
    assertEquals(json.readTree("[{\"src\": \"https://grafana.tta.dev/render/api.png\", \"alt\": \"API\"}]"), event.get("images"));
    assertEquals(json.readTree("""
        [{"href": "https://runbooks.tta.dev/service-down", "text": "Runbook"},
         {"href": "http://prom.example:9090/graph?g0.expr=up%7Bjob%3D%22api%22%7D+%3D%3D+0", "text": "Source"},
         {"href": "https://grafana.tta.dev/d/api", "text": "Dashboard"},
         {"href": "https://status.tta.dev", "text": "https://status.tta.dev"}]
        """), event.get("links"));
  }

  @Test
  void anOversizedEventLosesItsCustomDetailsAsInAlertmanager() throws IOException {
    List<Alert> many = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      many.add(new Alert(Labels.of("alertname", "TTAHighLatency", "instance", "pod-" + i),
          Map.of("description", "x".repeat(2000)), T0, null, "", T0));
    }

    DeliveryOutcome outcome = notifier(PagerDutyConfigs.v2(enqueue(), PagerDutyConfigs.ROUTING_KEY))
        .send(new Notification(context(), many));

    assertEquals(new DeliveryOutcome.Delivered(), outcome);
    assertEquals(json.readTree(
        "{\"error\": \"Custom details have been removed because the original event exceeds the maximum size of 512kB\"}"),
        body(0).at("/payload/custom_details"));
  }

  @Test
  void aBadRequestIsPermanentAndSaysWhatPagerDutySaid() {
    DeliveryOutcome outcome = notifier(PagerDutyConfigs.v2(enqueue(), "too-short")).send(twoFiring());

    assertEquals(new DeliveryOutcome.Permanent(
        "PagerDuty refused the event (400): Event object is invalid: Length of 'routing_key' is incorrect (should be 32 characters)"),
        outcome);
  }

  @Test
  void rateLimitsAndServerErrorsAreRetryable() {
    peer.then(Answer.of(429).withHeader("Retry-After", "30"), Answer.of(429), Answer.json(500, "{\"status\":\"error\"}"));
    PagerDutyNotifier notifier = notifier(PagerDutyConfigs.v2(enqueue(), PagerDutyConfigs.ROUTING_KEY));

    assertEquals(new DeliveryOutcome.Retryable(Optional.of(Duration.ofSeconds(30)), "PagerDuty is rate-limiting events (429)"),
        notifier.send(twoFiring()));
    assertEquals(new DeliveryOutcome.Retryable(Optional.empty(), "PagerDuty is rate-limiting events (429)"),
        notifier.send(twoFiring()));
    assertEquals(new DeliveryOutcome.Retryable(Optional.empty(), "PagerDuty answered 500: {\"status\":\"error\"}"),
        notifier.send(twoFiring()));
    assertEquals(new DeliveryOutcome.Delivered(), notifier.send(twoFiring()));
  }

  @Test
  void aServiceKeyUsesTheLegacyEventsApi() throws IOException {
    peer.respondWith(PagerDutyPeer::eventsV1);
    PagerDutyNotifier notifier = notifier(PagerDutyConfigs.v1(peer.uri("/generic/2010-04-15/create_event.json").toString(),
        "fedcba9876543210fedcba9876543210"));

    assertEquals(new DeliveryOutcome.Delivered(), notifier.send(twoFiring()));
    peer.then(Answer.of(403));
    assertTrue(notifier.send(twoFiring()) instanceof DeliveryOutcome.Retryable);

    JsonNode event = body(0);
    assertEquals("/generic/2010-04-15/create_event.json", peer.requests().get(0).path());
    assertEquals("fedcba9876543210fedcba9876543210", event.get("service_key").asText());
    assertEquals(ALERTMANAGERS_DEDUP_KEY, event.get("incident_key").asText());
    assertEquals("trigger", event.get("event_type").asText());
    assertEquals("[FIRING:2] TTAServiceDown api (platform): API is down", event.get("description").asText());
    assertEquals("alert-router", event.get("client").asText());
    assertEquals(2, event.at("/details/num_firing").asInt());
  }

  @Test
  void renderMasksTheRoutingKeyAndIsOtherwiseTheEvent() throws IOException {
    PagerDutyNotifier notifier = notifier(PagerDutyConfigs.v2(enqueue(), PagerDutyConfigs.ROUTING_KEY));

    String rendered = notifier.render(twoFiring());
    notifier.send(twoFiring());

    assertFalse(rendered.contains(PagerDutyConfigs.ROUTING_KEY));
    JsonNode sent = body(0);
    ((com.fasterxml.jackson.databind.node.ObjectNode) sent).put("routing_key", "<secret>");
    assertEquals(sent, json.readTree(rendered));
    assertEquals("<unset>", json.readTree(notifier(PagerDutyConfigs.unset(enqueue())).render(twoFiring()))
        .get("routing_key").asText());
  }

  @Test
  void withoutAKeyNothingIsSent() {
    DeliveryOutcome outcome = notifier(PagerDutyConfigs.unset(enqueue())).send(twoFiring());

    assertTrue(outcome instanceof DeliveryOutcome.Permanent);
    assertEquals(List.of(), peer.requests());
  }

  private URI enqueue() {
    return peer.uri("/v2/enqueue");
  }

  private PagerDutyNotifier notifier(PagerDutyConfig config) {
    return new PagerDutyNotifier(config, URI.create("http://alert-router.example:8080"), PagerDutySeverities.defaults(),
        new HttpPoster(HttpClientConfig.defaults()), clock);
  }

  private JsonNode body(int request) throws IOException {
    return json.readTree(peer.requests().get(request).body());
  }

  private Notification twoFiring() {
    return new Notification(context(), alerts());
  }

  private static List<Alert> alerts() {
    return new ArrayList<>(List.of(alert("a", "P1", T0.minusSeconds(120)), alert("b", "P0", T0.minusSeconds(60))));
  }

  private static Alert alert(String instance, String priority, Instant startsAt) {
    return new Alert(
        Labels.of("alertname", "TTAServiceDown", "service", "api", "team", "platform", "instance", instance,
            "priority", priority),
        Map.of("summary", "API is down", "runbook_url", RUNBOOK), startsAt, null, RULE, startsAt);
  }

  private List<Alert> resolved(List<Alert> alerts) {
    Instant end = clock.instant().minusSeconds(60);
    return alerts.stream().map(a -> a.withTimes(a.startsAt(), end, end)).toList();
  }

  private FlushContext context() {
    return new FlushContext(GROUP_KEY, Labels.of("alertname", "TTAServiceDown", "service", "api"), "critical-alerts",
        "{}", Duration.ofMinutes(5), Duration.ofSeconds(10), List.of(), List.of(), clock.instant());
  }
}
