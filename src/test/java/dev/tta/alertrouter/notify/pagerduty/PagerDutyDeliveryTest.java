package dev.tta.alertrouter.notify.pagerduty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.HttpClientConfig;
import dev.tta.alertrouter.config.PagerDutyConfig;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.dispatch.StageFailedException;
import dev.tta.alertrouter.notify.Backoff;
import dev.tta.alertrouter.notify.ConcurrencyLimits;
import dev.tta.alertrouter.notify.DeliveryEvent.Result;
import dev.tta.alertrouter.notify.DeliveryOptions;
import dev.tta.alertrouter.notify.DeliveryRuntime;
import dev.tta.alertrouter.notify.DeliveryStage;
import dev.tta.alertrouter.notify.FixedJitter;
import dev.tta.alertrouter.notify.HttpPeer;
import dev.tta.alertrouter.notify.HttpPeer.Answer;
import dev.tta.alertrouter.notify.HttpPoster;
import dev.tta.alertrouter.notify.InMemoryNotificationLog;
import dev.tta.alertrouter.notify.ManualSleeper;
import dev.tta.alertrouter.notify.PipelineBuilder;
import dev.tta.alertrouter.notify.RecordingListener;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PagerDuty through the whole per-receiver pipeline (dedup against the notification log, delivery
 * with retries, send_resolved), against a loopback peer speaking Events API v2, on a manual clock.
 */
class PagerDutyDeliveryTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final String GROUP_KEY = "{}/{severity=\"critical\"}:{alertname=\"TTAServiceDown\", service=\"api\"}";
  private static final String RUNBOOK = "https://runbooks.tta.dev/service-down";

  private final ObjectMapper json = new ObjectMapper();
  private final ManualClock clock = new ManualClock(T0);
  private final ManualSleeper sleeper = new ManualSleeper(clock);
  private final RecordingListener listener = new RecordingListener();
  private final ExecutorService fanout = Executors.newCachedThreadPool();
  private final InMemoryNotificationLog log = new InMemoryNotificationLog(Duration.ofDays(5));
  private final HttpPeer peer;

  PagerDutyDeliveryTest() throws IOException {
    peer = new HttpPeer(clock, PagerDutyPeer::eventsV2);
  }

  @AfterEach
  void stop() {
    peer.close();
    fanout.shutdownNow();
  }

  @Test
  void aGroupIsTriggeredOnceThenResolvedWithTheSameDedupKey() throws IOException {
    Stage pipeline = pipeline(PagerDutyConfigs.v2(enqueue(), PagerDutyConfigs.ROUTING_KEY), true);

    pipeline.apply(context(), List.of(firing()));
    clock.advance(Duration.ofSeconds(10));
    pipeline.apply(context(), List.of(firing()));
    clock.advance(Duration.ofMinutes(5));
    pipeline.apply(context(), List.of(resolvedAt(clock.instant().minusSeconds(30))));

    // The second flush told PagerDuty nothing new: no event.
    assertEquals(2, peer.requests().size());
    JsonNode trigger = body(0);
    JsonNode resolve = body(1);
    assertEquals("trigger", trigger.get("event_action").asText());
    assertEquals("resolve", resolve.get("event_action").asText());
    assertEquals(PagerDutyNotifier.dedupKey(GROUP_KEY), trigger.get("dedup_key").asText());
    assertEquals(trigger.get("dedup_key"), resolve.get("dedup_key"));
    assertEquals(RUNBOOK, trigger.at("/links/0/href").asText());
    assertEquals("Runbook", trigger.at("/links/0/text").asText());
    assertEquals(List.of(Result.SENT, Result.SENT), listener.results());
  }

  @Test
  void withoutSendResolvedTheIncidentIsLeftOpen() {
    Stage pipeline = pipeline(PagerDutyConfigs.v2(enqueue(), PagerDutyConfigs.ROUTING_KEY), false);

    pipeline.apply(context(), List.of(firing()));
    clock.advance(Duration.ofMinutes(5));
    pipeline.apply(context(), List.of(resolvedAt(clock.instant().minusSeconds(30))));

    assertEquals(1, peer.requests().size());
  }

  @Test
  void aBadRequestIsNotRetriedAndTheFlushFailsWithPagerDutysMessage() {
    Stage pipeline = pipeline(PagerDutyConfigs.v2(enqueue(), "not-a-32-character-key"), true);

    StageFailedException failure =
        assertThrows(StageFailedException.class, () -> pipeline.apply(context(), List.of(firing())));

    assertEquals(1, peer.requests().size());
    assertEquals(List.of(), sleeper.waits());
    assertEquals(List.of(Result.FAILED), listener.results());
    assertEquals("pagerduty[0]: delivery to receiver critical-alerts via pagerduty[0] failed: PagerDuty refused the event "
        + "(400): Event object is invalid: Length of 'routing_key' is incorrect (should be 32 characters)",
        failure.getMessage());
  }

  @Test
  void aRateLimitedEventIsSentAgainAfterItsRetryAfter() throws IOException {
    peer.then(Answer.of(429).withHeader("Retry-After", "30"), Answer.json(503, "{\"status\":\"unavailable\"}"));
    Stage pipeline = pipeline(PagerDutyConfigs.v2(enqueue(), PagerDutyConfigs.ROUTING_KEY), true);

    pipeline.apply(context(Duration.ofMinutes(1)), List.of(firing()));

    // Retry-After 30s beats the 0.5s backoff; after the 503 the backoff's second step (1s) applies.
    assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(1)), sleeper.waits());
    assertEquals(List.of(T0, T0.plusSeconds(30), T0.plusSeconds(31)),
        peer.requests().stream().map(HttpPeer.Request::at).toList());
    assertEquals(body(0), body(2));
    assertEquals(List.of(Result.RETRIED, Result.RETRIED, Result.SENT), listener.results());
  }

  @Test
  void aRetryAfterBeyondTheDeadlineGivesUpAtOnce() {
    peer.then(Answer.of(429).withHeader("Retry-After", "30"));
    Stage pipeline = pipeline(PagerDutyConfigs.v2(enqueue(), PagerDutyConfigs.ROUTING_KEY), true);

    StageFailedException failure =
        assertThrows(StageFailedException.class, () -> pipeline.apply(context(Duration.ofSeconds(10)), List.of(firing())));

    assertEquals(1, peer.requests().size());
    assertEquals(List.of(), sleeper.waits());
    assertTrue(failure.getMessage().contains("PagerDuty is rate-limiting events (429); gave up after 1 attempt(s)"),
        failure.getMessage());
  }

  @Test
  void anOutageOutlastingTheFlushIsRetriedAtTheNextFlush() throws IOException {
    peer.respondWith(request -> Answer.of(502));
    Stage pipeline = pipeline(PagerDutyConfigs.v2(enqueue(), PagerDutyConfigs.ROUTING_KEY), true);

    assertThrows(StageFailedException.class, () -> pipeline.apply(context(), List.of(firing())));
    int attempts = peer.requests().size();
    assertTrue(attempts > 1);
    assertTrue(clock.instant().isBefore(T0.plusSeconds(10)), "retries stop within the 10s deadline");

    peer.respondWith(PagerDutyPeer::eventsV2);
    clock.set(T0.plusSeconds(10));
    pipeline.apply(context(), List.of(firing()));

    assertEquals(attempts + 1, peer.requests().size());
    assertEquals("trigger", body(attempts).get("event_action").asText());
    assertEquals(Result.SENT, listener.results().get(listener.results().size() - 1));
  }

  @Test
  void anUnsetRoutingKeyRunsInDryRunAndSendsNothing() {
    PagerDutyConfig unset = PagerDutyConfigs.unset(enqueue());
    Stage pipeline = pipeline(unset, true);

    pipeline.apply(context(), List.of(firing()));

    assertEquals(List.of(), peer.requests());
    assertEquals(List.of(Result.DRY_RUN), listener.results());
  }

  private Stage pipeline(PagerDutyConfig config, boolean sendResolved) {
    PagerDutyNotifier notifier = new PagerDutyNotifier(config, URI.create("http://alert-router.example:8080"),
        PagerDutySeverities.defaults(), new HttpPoster(HttpClientConfig.defaults()), clock);
    DeliveryRuntime runtime = new DeliveryRuntime(clock, sleeper, new FixedJitter(0.5),
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0), ConcurrencyLimits.defaults(), listener, false);
    DeliveryStage delivery = new DeliveryStage(notifier, 0, runtime, DeliveryOptions.defaults().withDryRun(config.dryRun()));
    return new PipelineBuilder(log, fanout).receiver("critical-alerts", List.of(delivery.integration(sendResolved))).build();
  }

  private Alert firing() {
    return new Alert(labels(), Map.of("summary", "API is down", "runbook_url", RUNBOOK), T0.minusSeconds(60), null,
        "http://prom.example:9090/graph?g0.expr=up", T0);
  }

  private Alert resolvedAt(Instant end) {
    return firing().withTimes(T0.minusSeconds(60), end, end);
  }

  private static Labels labels() {
    return Labels.of("alertname", "TTAServiceDown", "service", "api", "severity", "critical", "priority", "P0");
  }

  private URI enqueue() {
    return peer.uri("/v2/enqueue");
  }

  private JsonNode body(int request) throws IOException {
    return json.readTree(peer.requests().get(request).body());
  }

  /** A flush of the seed's critical route: group_interval 10s, repeat_interval 5m. */
  private FlushContext context() {
    return context(Duration.ofSeconds(10));
  }

  private FlushContext context(Duration groupInterval) {
    return new FlushContext(GROUP_KEY, Labels.of("alertname", "TTAServiceDown", "service", "api"), "critical-alerts",
        "{}/{severity=\"critical\"}", Duration.ofMinutes(5), groupInterval, List.of(), List.of(), clock.instant());
  }
}
