package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.ack.AckRequest;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.explain.Decision;
import dev.tta.alertrouter.explain.DecisionStage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A route's {@code escalate:} steps on the manual clock, with real webhook deliveries to a loopback
 * peer: each step at exactly its {@code after} from the first notification, once; an
 * acknowledgement or a resolve stops the rest; a restart between steps sends the next one once.
 */
class EscalationEngineTest {
  private static final Duration GROUP_WAIT = Duration.ofSeconds(30);
  private static final Instant FIRST = EngineHarness.T0.plus(GROUP_WAIT);
  private static final String ROUTE = "{}/{severity=\"critical\"}";

  @TempDir Path dir;
  private PeerWebhook peer;
  private EngineHarness h;

  @BeforeEach
  void start() throws Exception {
    peer = new PeerWebhook();
    h = EngineHarness.of(dir, """
        route:
          receiver: default
          group_by: [alertname]
          group_wait: 30s
          group_interval: 5m
          repeat_interval: 4h
          routes:
            - matchers: ['severity="critical"']
              receiver: primary
              escalate:
                - {after: 5m, receiver: secondary}
                - {after: 15m, receiver: manager}
        receivers:
          - name: default
          - name: primary
            webhook_configs: [{url: '%s', send_resolved: true}]
          - name: secondary
            webhook_configs: [{url: '%s'}]
          - name: manager
            webhook_configs: [{url: '%s'}]
        """.formatted(peer.url("/primary"), peer.url("/secondary"), peer.url("/manager")));
  }

  @AfterEach
  void stop() {
    h.close();
    peer.close();
  }

  private Alert down() {
    return h.firing("alertname", "TTAServiceDown", "service", "api", "severity", "critical");
  }

  private List<JsonNode> sentTo(String receiver) {
    return peer.accepted().stream().filter(p -> p.path("receiver").asText().equals(receiver)).toList();
  }

  private void advanceTo(Instant at) {
    h.advance(Duration.between(h.clock.instant(), at));
  }

  private String groupKey() {
    return h.engine.groups().get(0).groupKey();
  }

  @Test
  void unacknowledgedEachStepGoesOutAtExactlyItsAfterOnce() {
    Alert down = down();
    h.receive(down);
    advanceTo(FIRST);
    assertEquals(1, sentTo("primary").size());

    advanceTo(FIRST.plus(Duration.ofMinutes(5)).minusMillis(1));
    assertEquals(List.of(), sentTo("secondary"), "not before 5m");
    advanceTo(FIRST.plus(Duration.ofMinutes(5)));
    List<JsonNode> secondary = sentTo("secondary");
    assertEquals(1, secondary.size(), "step 1 at exactly 5m");
    JsonNode alert = secondary.get(0).path("alerts").get(0);
    assertEquals("escalated: nobody acknowledged in 5m", alert.path("annotations").path("escalation").asText());
    assertEquals("escalated: nobody acknowledged in 5m", alert.path("annotations").path("summary").asText());
    assertEquals("TTAServiceDown", alert.path("labels").path("alertname").asText());

    advanceTo(FIRST.plus(Duration.ofMinutes(15)).minusMillis(1));
    assertEquals(List.of(), sentTo("manager"));
    advanceTo(FIRST.plus(Duration.ofMinutes(15)));
    assertEquals(1, sentTo("manager").size(), "step 2 at exactly 15m");
    assertEquals("escalated: nobody acknowledged in 15m",
        sentTo("manager").get(0).path("alerts").get(0).path("annotations").path("escalation").asText());

    h.advance(Duration.ofHours(2));
    assertEquals(1, sentTo("secondary").size(), "each step once");
    assertEquals(1, sentTo("manager").size());
    assertEquals(1, sentTo("primary").size(), "escalating is not a repeat to the route's receiver");

    List<Decision> escalated = h.explain.explain(down.fingerprint()).orElseThrow().decisions().stream()
        .filter(d -> d.stage() == DecisionStage.ESCALATED).toList();
    assertEquals(List.of("escalated: nobody acknowledged in 5m; step 1 notified secondary",
        "escalated: nobody acknowledged in 15m; step 2 notified manager"),
        escalated.stream().map(Decision::summary).toList());
    // The route key holds quotes, which the exposition escapes (MetricSamples does not read those).
    String metrics = new String(h.metrics.expose("text/plain").body(), java.nio.charset.StandardCharsets.UTF_8);
    String route = ROUTE.replace("\"", "\\\"");
    assertTrue(metrics.contains("alertrouter_escalations_total{route=\"" + route + "\",step=\"1\"} 1.0"), metrics);
    assertTrue(metrics.contains("alertrouter_escalations_total{route=\"" + route + "\",step=\"2\"} 1.0"), metrics);
  }

  @Test
  void acknowledgedBeforeStepOneNothingEscalates() {
    h.receive(down());
    advanceTo(FIRST.plus(Duration.ofMinutes(4)));
    h.acks.ack(groupKey(), new AckRequest("alice", "", null, Ack.VIA_API));

    h.advance(Duration.ofHours(1));

    assertEquals(List.of(), sentTo("secondary"));
    assertEquals(List.of(), sentTo("manager"));
  }

  @Test
  void anAcknowledgementBetweenStepsStopsTheRest() {
    h.receive(down());
    advanceTo(FIRST.plus(Duration.ofMinutes(6)));
    assertEquals(1, sentTo("secondary").size());
    h.acks.ack(groupKey(), new AckRequest("bob", "", null, Ack.VIA_API));

    h.advance(Duration.ofHours(1));

    assertEquals(List.of(), sentTo("manager"));
  }

  @Test
  void aResolveBeforeStepOneStopsTheSteps() {
    Alert down = down();
    h.receive(down);
    advanceTo(FIRST.plus(Duration.ofMinutes(2)));
    Instant now = h.clock.instant();
    h.receive(new Alert(down.labels(), Map.of(), down.startsAt(), now, "", now));

    h.advance(Duration.ofHours(1));

    assertEquals(2, sentTo("primary").size(), "the firing notification and the resolve");
    assertEquals(List.of(), sentTo("secondary"));
    assertEquals(List.of(), sentTo("manager"));
  }

  @Test
  void aRestartBetweenStepsSendsStepTwoOnceAndStepOneNotAgain() {
    h.receive(down());
    advanceTo(FIRST.plus(Duration.ofMinutes(7)));
    assertEquals(1, sentTo("secondary").size());

    h.restart();
    advanceTo(FIRST.plus(Duration.ofMinutes(15)).minusMillis(1));
    assertEquals(1, sentTo("secondary").size(), "step 1 is not repeated after the restart");
    assertEquals(List.of(), sentTo("manager"));
    advanceTo(FIRST.plus(Duration.ofMinutes(15)));
    assertEquals(1, sentTo("manager").size(), "step 2 when it was due");

    h.restart();
    h.advance(Duration.ofHours(1));
    assertEquals(1, sentTo("manager").size(), "and once");
    assertEquals(1, sentTo("secondary").size());
  }

  @Test
  void aRestartPastAStepsTimeSendsItAtOnce() {
    h.receive(down());
    advanceTo(FIRST.plus(Duration.ofMinutes(3)));
    h.engine.close(); // down from 3m to 9m: step 1 (5m) fell due meanwhile
    h.clock.set(FIRST.plus(Duration.ofMinutes(9)));

    h.restart();
    h.scheduler.runDue();

    assertEquals(1, sentTo("secondary").size(), "the missed step is sent, not skipped");
    assertTrue(sentTo("manager").isEmpty());
  }
}
