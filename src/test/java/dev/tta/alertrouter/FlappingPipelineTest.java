package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.explain.Decision;
import dev.tta.alertrouter.explain.DecisionStage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flap detection through the real pipeline (engine, dispatcher, dedup, webhook deliveries to a
 * loopback peer) on the manual clock: an alert firing for 5 minutes of every 10 is notified normally
 * until its fifth change, then once as flapping, then held until it has been stable for stable_for,
 * then its real state goes out once; a P0 alert is marked but never held.
 */
class FlappingPipelineTest {
  private static final Instant T0 = EngineHarness.T0;

  @TempDir Path dir;
  private PeerWebhook peer;
  private EngineHarness h;
  private int seen;

  @BeforeEach
  void start() throws Exception {
    peer = new PeerWebhook();
    h = EngineHarness.of(dir, """
        route:
          receiver: team
          group_by: [alertname]
          group_wait: 30s
          group_interval: 1m
          repeat_interval: 4h
          flapping: {max_changes: 4, window: 1h, stable_for: 30m}
        receivers:
          - name: team
            webhook_configs: [{url: '%s', send_resolved: true}]
        """.formatted(peer.url("/team")));
  }

  @AfterEach
  void stop() {
    h.close();
    peer.close();
  }

  @Test
  void aTenMinuteCycleIsNotifiedUntilItFlapsThenOnceAsFlappingThenOnceStable() {
    Labels labels = Labels.of("alertname", "QueueLagging", "severity", "warning");
    List<String> sent = run(labels, cycleStarts(0, 10, 20, 30, 40, 50, 100), 110);

    assertEquals(List.of(
        "00:30 firing",
        "05:30 resolved",
        "10:30 firing",
        "15:30 resolved",
        "20:30 firing",
        "25:30 resolved flapping", // the fifth change within 1h: the one flapping notification
        // 30:00 to 55:00 it fires and resolves three more times: held
        "85:30 resolved", // 30m after its last change (55:00): its real state, once
        "100:30 firing", // after flapping it is notified as before
        "105:30 resolved"), sent);
  }

  @Test
  void flappingShowsInExplainAndTheGaugeWhileItLasts() {
    Labels labels = Labels.of("alertname", "QueueLagging", "severity", "warning");
    run(labels, cycleStarts(0, 10, 20, 30), 40);
    assertEquals(1.0, h.samples().value("alertrouter_alerts_flapping"));
    List<String> flapping = h.explain.explain(labels.fingerprint()).orElseThrow().decisions().stream()
        .filter(d -> d.stage() == DecisionStage.FLAPPING).map(Decision::summary).toList();
    assertTrue(flapping.get(0).startsWith("flapping since 2026-11-25T10:25:30Z, 5 changes in 1h; marked flapping"),
        flapping.toString());
    assertTrue(flapping.stream().anyMatch(s -> s.contains("notification held until stable")), flapping.toString());
    assertTrue(h.engine.flapping(labels.fingerprint()).isPresent());

    advanceTo(T0.plus(Duration.ofMinutes(80)));
    assertEquals(0.0, h.samples().value("alertrouter_alerts_flapping"));
  }

  @Test
  void aP0AlertIsMarkedFlappingButNeverHeld() {
    Labels labels = Labels.of("alertname", "ApiDown", "severity", "critical");
    List<String> sent = run(labels, cycleStarts(0, 10, 20, 30), 40);

    assertEquals(List.of(
        "00:30 firing",
        "05:30 resolved",
        "10:30 firing",
        "15:30 resolved",
        "20:30 firing",
        "25:30 resolved flapping",
        "30:30 firing flapping",
        "35:30 resolved flapping"), sent);
  }

  @Test
  void aFlappingAlertThatSettlesFiringIsSentFiringOnceEvenThoughItWasShownFiring() {
    Labels labels = Labels.of("alertname", "DiskFilling", "severity", "warning");
    // Fires at 0, 10, 20 for five minutes each, again 10 s after 25:00, then from 40:00 for good.
    List<Event> events = new ArrayList<>(cycleStarts(0, 10, 20));
    events.add(new Event(25 * 60 + 10, true));
    events.add(new Event(30 * 60, false));
    events.add(new Event(40 * 60, true));
    List<String> sent = run(labels, events, 80);

    assertEquals(List.of(
        "00:30 firing",
        "05:30 resolved",
        "10:30 firing",
        "15:30 resolved",
        "20:30 firing",
        "25:30 firing flapping", // resolved at 25:00, fired again at 25:10: six changes within 1h
        // resolved at 30:00 (after 25:10's firing) and fires from 40:00: held
        "70:30 firing"), sent); // stable since 40:00 for 30m: its real state, once, though the same
  }

  /** A change of the alert at a second from T0: a new firing ({@code firing}) or a resolve. */
  private record Event(int second, boolean firing) {}

  /** Fires at each minute given and resolves five minutes later. */
  private static List<Event> cycleStarts(int... minutes) {
    List<Event> events = new ArrayList<>();
    for (int m : minutes) {
      events.add(new Event(m * 60, true));
      events.add(new Event(m * 60 + 300, false));
    }
    return events;
  }

  /**
   * Sends the alert's copies as a source would at each event (and resends a firing copy every
   * 30 s, as Prometheus does), runs every flush up to {@code minutes}, and returns what the receiver
   * got, as {@code mm:ss status[ flapping]} at the time it was sent.
   */
  private List<String> run(Labels labels, List<Event> events, int minutes) {
    List<String> sent = new ArrayList<>();
    Instant startsAt = null;
    int next = 0;
    for (int second = 0; second <= minutes * 60; second += 10) {
      advanceTo(T0.plusSeconds(second));
      Instant now = h.clock.instant();
      while (next < events.size() && events.get(next).second() == second) {
        Event e = events.get(next++);
        if (e.firing()) {
          startsAt = now;
          h.receive(new Alert(labels, Map.of(), now, null, "", now));
        } else {
          h.receive(new Alert(labels, Map.of(), startsAt, now, "", now));
          startsAt = null;
        }
      }
      if (startsAt != null && second % 30 == 0) {
        h.receive(new Alert(labels, Map.of(), startsAt, null, "", now));
      }
      for (JsonNode payload : newPayloads()) {
        sent.add(describe(second, payload));
      }
    }
    return sent;
  }

  private List<JsonNode> newPayloads() {
    List<JsonNode> all = peer.accepted();
    List<JsonNode> fresh = all.subList(seen, all.size());
    seen = all.size();
    return fresh;
  }

  private static String describe(int second, JsonNode payload) {
    assertEquals(1, payload.path("alerts").size(), payload.toString());
    JsonNode alert = payload.path("alerts").get(0);
    String flapping = alert.path("annotations").path("flapping").asText();
    return "%02d:%02d %s%s".formatted(second / 60, second % 60, alert.path("status").asText(),
        flapping.equals("true") ? " flapping" : "");
  }

  private void advanceTo(Instant at) {
    Duration d = Duration.between(h.clock.instant(), at);
    if (!d.isNegative()) {
      h.advance(d);
    }
  }
}
