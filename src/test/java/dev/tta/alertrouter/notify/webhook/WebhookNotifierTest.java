package dev.tta.alertrouter.notify.webhook;

import dev.tta.alertrouter.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.HttpAuth;
import dev.tta.alertrouter.config.HttpClientConfig;
import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.config.SourceLocation;
import dev.tta.alertrouter.config.TlsSettings;
import dev.tta.alertrouter.config.WebhookConfig;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.HttpPeer;
import dev.tta.alertrouter.notify.HttpPeer.Answer;
import dev.tta.alertrouter.notify.HttpPoster;
import dev.tta.alertrouter.notify.Notification;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webhook payload, compared field by field with what a real Alertmanager 0.25 sent for the
 * same alerts (the fixtures), as received by an HTTP peer on loopback.
 */
class WebhookNotifierTest {
  private static final Path FIXTURES = Fixtures.ALERTMANAGER;
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";
  /** After every fixture's alerts started and its resolved ones ended. */
  private static final Instant FLUSH = Instant.parse("2026-11-24T19:08:30Z");

  private final ObjectMapper json = new ObjectMapper();
  private final ManualClock clock = new ManualClock(FLUSH);
  private final HttpPeer peer;

  WebhookNotifierTest() throws IOException {
    peer = HttpPeer.ok(clock);
  }

  @AfterEach
  void stopPeer() {
    peer.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"webhook-firing-single.json", "webhook-firing-group-of-3.json",
      "webhook-firing-info-no-runbook.json", "webhook-mixed-firing-resolved.json", "webhook-resolved-single.json"})
  void thePayloadIsAlertmanagers(String fixture) throws IOException {
    JsonNode expected = json.readTree(FIXTURES.resolve(fixture).toFile());

    DeliveryOutcome outcome = notifier(config(0)).send(notificationLike(expected, List.of()));

    assertEquals(new DeliveryOutcome.Delivered(), outcome);
    assertEquals(expected, json.readTree(peer.requests().get(0).body()));
  }

  @Test
  void maxAlertsCutsTheGroupAndCountsWhatWasCut() throws IOException {
    JsonNode expected = json.readTree(FIXTURES.resolve("webhook-firing-truncated.json").toFile());
    // Alertmanager was sent four alerts for this group (max_alerts: 2); it kept the first two.
    List<Alert> cut = new ArrayList<>();
    for (String instance : List.of("cache-3", "cache-4")) {
      Alert first = alerts(expected).get(0);
      cut.add(first.withLabels(first.labels().with("instance", instance)));
    }

    notifier(config(2)).send(notificationLike(expected, cut));

    assertEquals(expected, json.readTree(peer.requests().get(0).body()));
  }

  @Test
  void theReceiverIsQuotedAsAlertmanagerQuotesIt() throws IOException {
    // A real Alertmanager 0.25 sent "crit\\.alerts" for the receiver crit.alerts.
    notifier(config(0)).send(new Notification(context("crit.alerts", "{}:{alertname=\"X\"}", Labels.of("alertname", "X")),
        List.of(new Alert(Labels.of("alertname", "X"), Map.of(), FLUSH, null, "", FLUSH))));

    assertEquals("crit\\.alerts", json.readTree(peer.requests().get(0).body()).get("receiver").asText());
  }

  @Test
  void aFiringAlertWithAKnownEndIsSentWithoutIt() throws IOException {
    // Alertmanager's flush clears the end of alerts still firing (Prometheus pushes ends in the future).
    Alert pushed = new Alert(Labels.of("alertname", "X"), Map.of(), FLUSH.minusSeconds(60), FLUSH.plusSeconds(240), "", FLUSH);

    notifier(config(0)).send(new Notification(context("default", "{}:{}", Labels.empty()), List.of(pushed)));

    JsonNode alert = json.readTree(peer.requests().get(0).body()).get("alerts").get(0);
    assertEquals("firing", alert.get("status").asText());
    assertEquals(ZERO_TIME, alert.get("endsAt").asText());
    assertEquals("2026-11-24T19:07:30Z", alert.get("startsAt").asText());
  }

  @Test
  void theFingerprintIsTheAlertsCurrentLabels() throws IOException {
    Labels labels = Labels.of("alertname", "TTAServiceDown", "service", "api", "severity", "critical", "priority", "P0");

    notifier(config(0)).send(new Notification(context("default", "{}:{}", Labels.empty()),
        List.of(new Alert(labels, Map.of(), FLUSH, null, "", FLUSH))));

    // What a real Alertmanager 0.25 sent for these labels.
    assertEquals("987c4db5013fbdcb",
        json.readTree(peer.requests().get(0).body()).get("alerts").get(0).get("fingerprint").asText());
  }

  @Test
  void httpConfigAuthorizationIsSent() throws IOException {
    HttpClientConfig bearer = new HttpClientConfig(Optional.of(new HttpAuth.Bearer(new Secret("hook-token"))),
        Optional.empty(), TlsSettings.defaults(), true, true);
    WebhookConfig config = new WebhookConfig(true, bearer, Optional.of(new Secret(peer.uri("/hook").toString())), 0,
        SourceLocation.unknown());

    new WebhookNotifier(config, URI.create("http://router.example"), new HttpPoster(bearer), clock).send(simple());

    assertEquals("Bearer hook-token", peer.requests().get(0).header("Authorization"));
  }

  @Test
  void theSameContentRepeatsTheIdempotencyKeyAndNewContentChangesIt() throws IOException {
    Alert api = new Alert(Labels.of("alertname", "X", "service", "api"), Map.of(), FLUSH.minusSeconds(60), null, "", FLUSH);
    Alert db = new Alert(Labels.of("alertname", "X", "service", "db"), Map.of(), FLUSH.minusSeconds(60), null, "", FLUSH);
    Alert dbResolved = new Alert(db.labels(), Map.of(), db.startsAt(), FLUSH.minusSeconds(1), "", FLUSH);
    WebhookNotifier notifier = notifier(config(0));
    FlushContext group = context("default", "{}:{alertname=\"X\"}", Labels.of("alertname", "X"));
    FlushContext later = new FlushContext(group.groupKey(), group.groupLabels(), group.receiver(), group.routeKey(),
        group.repeatInterval(), group.groupInterval(), List.of(), List.of(), FLUSH.plusSeconds(300));

    notifier.send(new Notification(group, List.of(api, db)));
    // The same alerts, in another order, sent again after a restart: the same content.
    notifier.send(new Notification(later, List.of(db, api)));
    notifier.send(new Notification(group, List.of(api, dbResolved)));
    notifier.send(new Notification(group, List.of(api)));
    notifier.send(new Notification(context("default", "{}:{alertname=\"Y\"}", Labels.of("alertname", "Y")), List.of(api, db)));

    List<String> keys = peer.requests().stream().map(r -> r.header(IdempotencyKey.HEADER)).toList();
    assertTrue(keys.get(0).matches("[0-9a-f]{64}"), keys.get(0));
    assertEquals(keys.get(0), keys.get(1));
    assertEquals(4, new java.util.HashSet<>(keys.subList(1, 5)).size(), "each change of content gives a new key: " + keys);
  }

  @Test
  void answersBecomeOutcomes() throws IOException {
    peer.then(Answer.of(204), Answer.of(429).withHeader("Retry-After", "20"), Answer.of(503),
        Answer.json(400, "{\"error\":\"bad payload\"}"), Answer.of(404));
    WebhookNotifier notifier = notifier(config(0));

    assertEquals(new DeliveryOutcome.Delivered(), notifier.send(simple()));
    assertEquals(new DeliveryOutcome.Retryable(Optional.of(Duration.ofSeconds(20)), "webhook answered 429"),
        notifier.send(simple()));
    assertEquals(new DeliveryOutcome.Retryable(Optional.empty(), "webhook answered 503"), notifier.send(simple()));
    assertEquals(new DeliveryOutcome.Permanent("webhook answered 400: {\"error\":\"bad payload\"}"), notifier.send(simple()));
    assertEquals(new DeliveryOutcome.Permanent("webhook answered 404"), notifier.send(simple()));
  }

  @Test
  void renderIsThePayloadWithoutTheUrl() throws IOException {
    WebhookConfig config = new WebhookConfig(true, HttpClientConfig.defaults(),
        Optional.of(new Secret(peer.uri("/hook/secret-path-token").toString())), 0, SourceLocation.unknown());
    WebhookNotifier notifier = new WebhookNotifier(config, URI.create("http://router.example"),
        new HttpPoster(HttpClientConfig.defaults()), clock);

    String rendered = notifier.render(simple());
    notifier.send(simple());

    assertEquals(json.readTree(peer.requests().get(0).body()), json.readTree(rendered));
    assertFalse(rendered.contains("secret-path-token"));
  }

  @Test
  void withoutAUrlNothingIsSent() {
    WebhookConfig unset = new WebhookConfig(true, HttpClientConfig.defaults(), Optional.empty(), 0, SourceLocation.unknown());
    DeliveryOutcome outcome = new WebhookNotifier(unset, URI.create("http://router.example"),
        new HttpPoster(HttpClientConfig.defaults()), clock).send(simple());

    assertTrue(outcome instanceof DeliveryOutcome.Permanent);
    assertEquals(List.of(), peer.requests());
  }

  private Notification simple() {
    return new Notification(context("default", "{}:{alertname=\"X\"}", Labels.of("alertname", "X")),
        List.of(new Alert(Labels.of("alertname", "X"), Map.of(), FLUSH, null, "", FLUSH)));
  }

  /** The notification that made Alertmanager send {@code payload}, with {@code more} alerts after its own. */
  private Notification notificationLike(JsonNode payload, List<Alert> more) {
    List<Alert> alerts = new ArrayList<>(alerts(payload));
    alerts.addAll(more);
    return new Notification(
        context(payload.get("receiver").asText(), payload.get("groupKey").asText(), Labels.of(strings(payload.get("groupLabels")))),
        alerts);
  }

  private static List<Alert> alerts(JsonNode payload) {
    List<Alert> alerts = new ArrayList<>();
    for (JsonNode a : payload.get("alerts")) {
      String endsAt = a.get("endsAt").asText();
      alerts.add(new Alert(
          Labels.of(strings(a.get("labels"))),
          strings(a.get("annotations")),
          Instant.parse(a.get("startsAt").asText()),
          endsAt.equals(ZERO_TIME) ? null : Instant.parse(endsAt),
          a.get("generatorURL").asText(),
          FLUSH));
    }
    return alerts;
  }

  private WebhookNotifier notifier(WebhookConfig config) {
    return new WebhookNotifier(config, URI.create("http://alertmanager.example:9093"),
        new HttpPoster(HttpClientConfig.defaults()), clock);
  }

  private WebhookConfig config(long maxAlerts) {
    return new WebhookConfig(true, HttpClientConfig.defaults(), Optional.of(new Secret(peer.uri("/hook").toString())),
        maxAlerts, SourceLocation.unknown());
  }

  private static FlushContext context(String receiver, String groupKey, Labels groupLabels) {
    return new FlushContext(groupKey, groupLabels, receiver, "{}", Duration.ofHours(1), Duration.ofSeconds(2),
        List.of(), List.of(), FLUSH);
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new TreeMap<>();
    object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }
}
