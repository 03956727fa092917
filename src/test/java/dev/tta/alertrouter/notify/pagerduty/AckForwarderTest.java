package dev.tta.alertrouter.notify.pagerduty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.ack.AckedGroup;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.config.HttpClientConfig;
import dev.tta.alertrouter.config.PagerDutyConfig;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.notify.Backoff;
import dev.tta.alertrouter.notify.ConcurrencyLimits;
import dev.tta.alertrouter.notify.DeliveryRuntime;
import dev.tta.alertrouter.notify.FixedJitter;
import dev.tta.alertrouter.notify.HttpPeer;
import dev.tta.alertrouter.notify.HttpPoster;
import dev.tta.alertrouter.notify.ManualSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The acknowledge events sent to PagerDuty's Events API v2 (a peer on loopback checking them as
 * PagerDuty does), retried like notifications on the manual clock: 5xx and 429 again, 400 given up.
 */
class AckForwarderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GROUP = "{}:{alertname=\"TTADatabaseDown\"}";
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final ManualSleeper sleeper = new ManualSleeper(clock);
  private HttpPeer pagerDuty;
  private AckForwarder forwarder;

  @BeforeEach
  void start() throws Exception {
    pagerDuty = new HttpPeer(clock, PagerDutyPeer::eventsV2);
    PagerDutyConfig config = PagerDutyConfigs.v2(pagerDuty.uri("/v2/enqueue"), PagerDutyConfigs.ROUTING_KEY);
    DeliveryRuntime runtime = new DeliveryRuntime(clock, sleeper, new FixedJitter(0.5),
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0), ConcurrencyLimits.defaults(), e -> {}, false);
    Map<String, List<PagerDutyConfig>> receivers = Map.of("pager", List.of(config, PagerDutyConfigs.v1("http://unused", "k")));
    forwarder = new AckForwarder(name -> receivers.getOrDefault(name, List.of()), c -> new HttpPoster(HttpClientConfig.defaults()),
        runtime, Runnable::run);
  }

  @AfterEach
  void stop() {
    pagerDuty.close();
  }

  private static AckedGroup group(String receiver) {
    return new AckedGroup(GROUP, Labels.of("alertname", "TTADatabaseDown"), receiver, List.of(), Priority.P0, "none",
        null);
  }

  private Ack ack(String via) {
    return new Ack(GROUP, "alice", "", clock.instant(), null, via);
  }

  @Test
  void anAckSendsOneAcknowledgeForTheIncidentThroughEachEventsV2Integration() throws Exception {
    forwarder.acked(ack(Ack.VIA_EMAIL), group("pager"));

    assertEquals(1, pagerDuty.requests().size(), "the v1 service_key integration is skipped");
    JsonNode event = JSON.readTree(pagerDuty.requests().get(0).body());
    assertEquals("acknowledge", event.path("event_action").asText());
    assertEquals(PagerDutyNotifier.dedupKey(GROUP), event.path("dedup_key").asText());
    assertEquals(PagerDutyConfigs.ROUTING_KEY, event.path("routing_key").asText());
  }

  @Test
  void serverErrorsAndRateLimitsAreRetriedWithBackoffAndARefusalIsNot() {
    pagerDuty.then(HttpPeer.Answer.of(503), HttpPeer.Answer.of(429).withHeader("Retry-After", "30"));

    forwarder.acked(ack(Ack.VIA_API), group("pager"));

    assertEquals(3, pagerDuty.requests().size());
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(30)), sleeper.waits(),
        "half the first ceiling, then PagerDuty's Retry-After");

    pagerDuty.then(HttpPeer.Answer.json(400, "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\"}"));
    forwarder.acked(ack(Ack.VIA_API), group("pager"));
    assertEquals(4, pagerDuty.requests().size(), "a 400 is not retried");
  }

  @Test
  void givesUpAfterTheDeadline() {
    pagerDuty.respondWith(request -> HttpPeer.Answer.of(500));

    forwarder.acked(ack(Ack.VIA_API), group("pager"));

    int attempts = pagerDuty.requests().size();
    assertTrue(attempts > 3, "retried: " + attempts);
    Duration waited = sleeper.waits().stream().reduce(Duration.ZERO, Duration::plus);
    assertTrue(waited.compareTo(AckForwarder.DEADLINE) <= 0, "within the deadline: " + waited);
  }

  @Test
  void anAckPagerDutyGaveAndOtherReceiversSendNothing() {
    forwarder.acked(ack(Ack.VIA_PAGERDUTY), group("pager"));
    forwarder.acked(ack(Ack.VIA_API), group("email-only"));

    assertEquals(0, pagerDuty.requests().size());
  }
}
