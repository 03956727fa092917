package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.ack.AckOutcome;
import dev.tta.alertrouter.ack.AckRequest;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.explain.Decision;
import dev.tta.alertrouter.explain.DecisionStage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged group sends no repeat notifications while acknowledged; an alert joining it or a
 * resolve still notifies, and the resolve ends the acknowledgement. On the manual clock, with real
 * webhook deliveries to a loopback peer.
 */
class AckEngineTest {
  private static final Duration GROUP_WAIT = Duration.ofSeconds(30);
  private static final Duration GROUP_INTERVAL = Duration.ofMinutes(5);
  private static final Duration REPEAT = Duration.ofHours(1);

  @TempDir Path dir;
  private PeerWebhook peer;
  private EngineHarness h;

  @BeforeEach
  void start() throws Exception {
    peer = new PeerWebhook();
    h = EngineHarness.of(dir, """
        route:
          receiver: oncall
          group_by: [alertname]
          group_wait: 30s
          group_interval: 5m
          repeat_interval: 1h
        teams:
          platform:
            receivers: {P0: [oncall], P1: [oncall], P2: [oncall]}
        receivers:
          - name: oncall
            webhook_configs: [{url: '%s', send_resolved: true}]
        """.formatted(peer.url("/oncall")));
  }

  @AfterEach
  void stop() {
    h.close();
    peer.close();
  }

  private Alert resolved(Alert a) {
    return new Alert(a.labels(), Map.of(), a.startsAt(), h.clock.instant(), "", h.clock.instant());
  }

  /** The one group the test's alerts form (the team's route, or the root's). */
  private String group() {
    return h.engine.groups().isEmpty() ? "{}:{alertname=\"TTAServiceDown\"}" : h.engine.groups().get(0).groupKey();
  }

  private AckOutcome ack(String by, java.time.Instant until) {
    return h.acks.ack(group(), new AckRequest(by, "looking at it", until, Ack.VIA_API));
  }

  @Test
  void anAcknowledgedGroupSendsNoRepeatsButNewsAndTheResolveStillGoOut() {
    Alert api = h.firing("alertname", "TTAServiceDown", "service", "api", "severity", "critical", "team", "platform");
    h.receive(api);
    h.advance(GROUP_WAIT);
    assertEquals(1, peer.accepted().size(), "the first notification");

    h.advance(Duration.ofMinutes(3));
    String key = group();
    assertTrue(key.startsWith("{}/{team=\"platform\"}"), "the team's route took it: " + key);
    assertInstanceOf(AckOutcome.Acked.class, ack("alice", null));

    h.advance(REPEAT.plus(GROUP_INTERVAL.multipliedBy(2)));
    assertEquals(1, peer.accepted().size(), "no repeat while acknowledged");

    Alert web = h.firing("alertname", "TTAServiceDown", "service", "web", "severity", "critical", "team", "platform");
    h.receive(web);
    h.advance(GROUP_INTERVAL);
    assertEquals(2, peer.accepted().size(), "an alert joining the group is news");
    assertEquals(2, peer.accepted().get(1).path("alerts").size());

    h.advance(REPEAT.plus(GROUP_INTERVAL));
    assertEquals(2, peer.accepted().size(), "still acknowledged: no repeat");

    h.receive(resolved(api), resolved(web));
    h.advance(GROUP_INTERVAL);
    List<JsonNode> sent = peer.accepted();
    assertEquals(3, sent.size(), "the resolve goes out");
    assertEquals("resolved", sent.get(2).path("status").asText());
    assertEquals(Optional.empty(), h.acks.current(key), "resolving ended the acknowledgement");
    assertEquals(Optional.empty(), h.ackStore.get(key));
  }

  @Test
  void explainAndMetricsRecordTheAcknowledgementAndEachHeldRepeat() {
    Alert api = h.firing("alertname", "TTAServiceDown", "service", "api", "severity", "critical", "team", "platform");
    h.receive(api);
    h.advance(GROUP_WAIT);
    h.advance(Duration.ofMinutes(2));
    ack("alice", null);
    h.advance(REPEAT.plus(GROUP_INTERVAL));

    List<Decision> acked = h.explain.explain(api.fingerprint()).orElseThrow().decisions().stream()
        .filter(d -> d.stage() == DecisionStage.ACKNOWLEDGED).toList();
    assertEquals(2, acked.size(), acked.toString());
    String at = EngineHarness.T0.plus(GROUP_WAIT).plus(Duration.ofMinutes(2)).toString();
    assertEquals("acked by alice at " + at + ", until the group resolves: looking at it; repeats are held",
        acked.get(0).summary());
    assertEquals("repeat not sent to oncall via webhook[0]: acked by alice at " + at, acked.get(1).summary());

    MetricSamples m = h.samples();
    assertEquals(1.0, m.value("alertrouter_acks_total", "priority", "P0", "team", "platform", "via", "api"));
    assertEquals(1.0, m.value("alertrouter_time_to_ack_seconds_count", "priority", "P0", "team", "platform"));
    assertEquals(150.0, m.value("alertrouter_time_to_ack_seconds_sum", "priority", "P0", "team", "platform"),
        "from the alert's start to the acknowledgement");
  }

  @Test
  void withoutAnAcknowledgementOrAfterItsUntilTheRepeatGoesOut() {
    Alert api = h.firing("alertname", "TTAServiceDown", "service", "api");
    h.receive(api);
    h.advance(GROUP_WAIT);
    ack("bob", h.clock.instant().plus(Duration.ofMinutes(30)));

    h.advance(REPEAT.plus(GROUP_INTERVAL));
    assertEquals(2, peer.accepted().size(), "the acknowledgement lapsed after 30m: the repeat is due");
    assertEquals(Optional.empty(), h.acks.current(group()));
  }

  @Test
  void unacknowledgingLetsRepeatsResume() {
    Alert api = h.firing("alertname", "TTAServiceDown", "service", "api");
    h.receive(api);
    h.advance(GROUP_WAIT);
    ack("bob", null);
    h.advance(REPEAT.plus(GROUP_INTERVAL));
    assertEquals(1, peer.accepted().size());

    assertInstanceOf(AckOutcome.Unacked.class, h.acks.unack(group(), "carol"));
    h.advance(GROUP_INTERVAL);
    assertEquals(2, peer.accepted().size(), "the repeat held back goes out at the next flush");
    assertTrue(h.explain.explain(api.fingerprint()).orElseThrow().decisions().stream()
        .anyMatch(d -> d.summary().contains("ended: unacknowledged by carol")));
  }

  @Test
  void anUnknownGroupOrABadRequestIsRefused() {
    assertInstanceOf(AckOutcome.UnknownGroup.class, ack("alice", null));
    Alert api = h.firing("alertname", "TTAServiceDown", "service", "api");
    h.receive(api);
    assertEquals(new AckOutcome.Refused("until: must be in the future, was " + h.clock.instant()),
        ack("alice", h.clock.instant()));
    assertEquals(new AckOutcome.Refused("by: who acknowledges is required"), ack(" ", null));
    assertInstanceOf(AckOutcome.UnknownGroup.class, h.acks.unack("{}:{alertname=\"Nope\"}", "x"));
  }
}
