package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.explain.Decision;
import dev.tta.alertrouter.explain.DecisionStage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storm to a receiver with {@code digest: {max_per_interval: 10, interval: 5m}}, through the real
 * pipeline to a loopback webhook peer: at most ten messages per interval plus one digest, every
 * alert in one or the other, nothing re-sent as new, resolves handled as usual, P0 never folded.
 */
class DigestStormTest {
  private static final int MAX = 10;

  @TempDir Path dir;
  private PeerWebhook peer;
  private EngineHarness h;

  @BeforeEach
  void peer() throws Exception {
    peer = new PeerWebhook();
  }

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
    peer.close();
  }

  private String config() {
    return """
        route:
          receiver: storm
          group_by: [alertname, service]
          group_wait: 30s
          group_interval: 5m
          repeat_interval: 4h
        receivers:
          - name: storm
            digest: {max_per_interval: %d, interval: 5m}
            webhook_configs: [{url: '%s', send_resolved: true}]
        """.formatted(MAX, peer.url("/storm"));
  }

  /** {@code count} alerts in groups of ten: alertname and service vary, so each ten share a group. */
  private List<Alert> storm(String prefix, int count, String priority) {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int group = i / 10;
      alerts.add(h.firing("alertname", prefix + (group % 10), "service", "svc-" + (group / 10),
          "instance", "host-" + i, "team", i % 3 == 0 ? "db" : "web", "priority", priority));
    }
    return alerts;
  }

  private static boolean isDigest(JsonNode payload) {
    return payload.has("digest");
  }

  private List<JsonNode> messages() {
    return peer.accepted().stream().filter(p -> !isDigest(p)).toList();
  }

  private List<JsonNode> digests() {
    return peer.accepted().stream().filter(DigestStormTest::isDigest).toList();
  }

  @Test
  void aStormGivesTheBudgetThenOneDigestPerIntervalAccountingForEveryAlert() throws Exception {
    h = EngineHarness.of(dir, config());
    List<Alert> wave = storm("Storm", 500, "P1");
    h.receive(wave.toArray(Alert[]::new));

    h.advance(Duration.ofSeconds(30)); // 10:00:30, the 50 groups flush
    assertEquals(MAX, messages().size(), "the budget of the interval goes out one by one");
    assertEquals(0, digests().size(), "the digest waits for the end of the interval");

    h.advance(Duration.ofSeconds(270)); // 10:05:00, the end of the first window
    assertEquals(MAX, messages().size());
    assertEquals(1, digests().size());
    JsonNode digest = digests().get(0).path("digest");
    assertEquals("storm/webhook[0]@2026-11-25T10:00:00Z", digest.path("id").asText());
    assertEquals("+400 more alerts in 40 groups", digests().get(0).path("commonAnnotations").path("summary").asText());
    assertEquals("http://alert-router.test/alerts?receiver=storm", digest.path("listURL").asText());

    // Every alert is in a message or in the digest, each group in exactly one of them.
    Set<String> sentGroups = new HashSet<>();
    int sentAlerts = 0;
    for (JsonNode m : messages()) {
      assertTrue(sentGroups.add(m.path("groupKey").asText()));
      sentAlerts += m.path("alerts").size();
    }
    Set<String> foldedGroups = new HashSet<>();
    int foldedAlerts = 0;
    for (JsonNode g : digest.path("groups")) {
      assertTrue(foldedGroups.add(g.path("groupKey").asText()));
      assertFalse(sentGroups.contains(g.path("groupKey").asText()), "a group is sent or folded, not both");
      foldedAlerts += g.path("firing").asInt() + g.path("resolved").asInt();
    }
    assertEquals(500, sentAlerts + foldedAlerts);
    assertEquals(400, digest.path("alerts").asInt());
    assertEquals(50, sentGroups.size() + foldedGroups.size());
    assertEquals(40, digest.path("notifications").asInt());
    // The top values: 500 alerts over ten alert names, a third of them of team db, all P1.
    assertEquals(Set.of("P1"), values(digest.path("priorities")));
    assertEquals(400, digest.path("priorities").get(0).path("count").asInt());
    assertEquals(Set.of("db", "web"), values(digest.path("teams")));
    assertEquals(5, digest.path("alertnames").size());

    MetricSamples s = h.samples();
    assertEquals(40.0, s.value("alertrouter_notifications_folded_total", "receiver", "storm", "integration", "webhook"));
    assertEquals(1.0, s.value("alertrouter_digests_sent_total", "receiver", "storm", "integration", "webhook"));

    // Explain: each alert of a folded notification says which digest took it, and when it went out.
    Alert folded = wave.stream()
        .filter(a -> foldedGroups.stream().anyMatch(k -> k.contains("alertname=\"" + a.name() + "\"")
            && k.contains("service=\"" + a.labels().get("service") + "\"")))
        .findFirst().orElseThrow();
    List<Decision> story = h.explain.explain(folded.fingerprint()).orElseThrow().decisions();
    assertTrue(story.stream().anyMatch(d -> d.stage() == DecisionStage.FOLDED && d.summary().startsWith(
        "folded into digest storm/webhook[0]@2026-11-25T10:00:00Z at 2026-11-25T10:05:00Z")), story.toString());

    // The folded notifications were recorded: the next flushes tell nothing again, and no digest follows.
    h.advance(Duration.ofMinutes(15));
    assertEquals(MAX, messages().size());
    assertEquals(1, digests().size());

    // A second wave in a later interval: its own budget, its own digest.
    List<Alert> second = storm("Second", 200, "P2");
    h.receive(second.toArray(Alert[]::new)); // 10:20:00
    h.advance(Duration.ofSeconds(30));
    assertEquals(2 * MAX, messages().size());
    h.advance(Duration.ofSeconds(270)); // 10:25:00
    assertEquals(2, digests().size());
    JsonNode later = digests().get(1).path("digest");
    assertEquals("storm/webhook[0]@2026-11-25T10:20:00Z", later.path("id").asText());
    assertEquals(100, later.path("alerts").asInt());
    assertEquals(Set.of("P2"), values(later.path("priorities")));
  }

  @Test
  void aFoldedGroupStillGetsItsResolve() throws Exception {
    h = EngineHarness.of(dir, config());
    List<Alert> wave = storm("Storm", 200, "P1");
    h.receive(wave.toArray(Alert[]::new));
    h.advance(Duration.ofMinutes(5)); // flushed at 10:00:30, digest at 10:05:00
    JsonNode digest = digests().get(0).path("digest");
    String groupKey = digest.path("groups").get(0).path("groupKey").asText();

    // Every alert of that folded group resolves at 10:06.
    h.advance(Duration.ofMinutes(1));
    List<Alert> resolved = new ArrayList<>();
    for (Alert a : wave) {
      if (groupKey.contains("alertname=\"" + a.name() + "\"") && groupKey.contains("service=\""
          + a.labels().get("service") + "\"")) {
        resolved.add(new Alert(a.labels(), a.annotations(), a.startsAt(), h.clock.instant(), a.generatorUrl(),
            h.clock.instant()));
      }
    }
    assertEquals(10, resolved.size());
    h.receive(resolved.toArray(Alert[]::new));
    h.advance(Duration.ofMinutes(5)); // the group's next flush, at 10:10:30, in a fresh window

    JsonNode resolve = messages().stream().filter(m -> m.path("groupKey").asText().equals(groupKey))
        .findFirst().orElseThrow(() -> new AssertionError("no resolve for " + groupKey + ": " + peer.accepted()));
    assertEquals("resolved", resolve.path("status").asText());
    assertEquals(10, resolve.path("alerts").size());
  }

  @Test
  void aDigestThePeerRefusesIsCarriedIntoTheNextIntervals() throws Exception {
    h = EngineHarness.of(dir, config());
    h.receive(storm("Storm", 150, "P1").toArray(Alert[]::new));
    h.advance(Duration.ofSeconds(30)); // 10 sent, 5 folded
    // The digest at 10:05 meets a peer that fails until the delivery deadline passes.
    Integer[] failures = new Integer[100];
    java.util.Arrays.fill(failures, 503);
    peer.answer("/storm", failures);
    h.advance(Duration.ofSeconds(270));
    assertEquals(0, digests().size());
    assertEquals(0.0, h.samples().value("alertrouter_digests_sent_total", "receiver", "storm", "integration", "webhook"));

    peer.recover("/storm");
    h.advance(Duration.ofMinutes(5)); // 10:10, the next window's end
    assertEquals(1, digests().size());
    JsonNode digest = digests().get(0).path("digest");
    assertEquals("storm/webhook[0]@2026-11-25T10:00:00Z", digest.path("id").asText(), "still the first window's");
    assertEquals(50, digest.path("alerts").asInt());
    assertEquals(5, digest.path("groups").size());
  }

  @Test
  void aShadowRouteNeitherSpendsTheBudgetNorFeedsADigest() throws Exception {
    h = EngineHarness.of(dir, config().replace("  repeat_interval: 4h\n", """
          repeat_interval: 4h
          routes:
            - matchers: ['trial="yes"']
              receiver: storm
              shadow: true
        """));
    List<Alert> trial = new ArrayList<>();
    for (Alert a : storm("Trial", 150, "P1")) {
      trial.add(new Alert(a.labels().with("trial", "yes"), a.annotations(), a.startsAt(), null, "", a.updatedAt()));
    }
    h.receive(trial.toArray(Alert[]::new));
    h.receive(storm("Live", 30, "P1").toArray(Alert[]::new));
    h.advance(Duration.ofMinutes(5));

    assertEquals(3, messages().size(), "the live groups are within the budget the shadows did not spend");
    assertEquals(0, digests().size());
    MetricSamples s = h.samples();
    assertEquals(15.0, s.value("alertrouter_shadow_notifications_total", "receiver", "storm", "integration", "webhook"));
    assertEquals(0.0, s.value("alertrouter_notifications_folded_total", "receiver", "storm", "integration", "webhook"));
  }

  @Test
  void aRestartSendsThePendingDigestAtOnceAndNotifiesNothingAgain() throws Exception {
    h = EngineHarness.of(dir, config());
    h.receive(storm("Storm", 150, "P1").toArray(Alert[]::new));
    h.advance(Duration.ofSeconds(30)); // 10 sent, 5 folded, the digest due at 10:05
    assertEquals(0, digests().size());

    h.restart(); // 10:00:30: the old engine's budget sends what it holds before its clients close
    assertEquals(1, digests().size());
    assertEquals(50, digests().get(0).path("digest").path("alerts").asInt());
    assertEquals("2026-11-25T10:00:30Z", digests().get(0).path("digest").path("windowEnd").asText());

    h.advance(Duration.ofMinutes(15));
    assertEquals(MAX, messages().size(), "the new engine's groups find every notification in the log");
    assertEquals(1, digests().size());
  }

  @Test
  void p0NotificationsAreNeverFolded() throws Exception {
    h = EngineHarness.of(dir, config());
    List<Alert> pages = storm("Page", 300, "P0");
    List<Alert> noise = storm("Noise", 100, "P2");
    h.receive(pages.toArray(Alert[]::new));
    h.receive(noise.toArray(Alert[]::new));
    h.advance(Duration.ofMinutes(5));

    long p0Messages = messages().stream().filter(m -> m.path("commonLabels").path("priority").asText().equals("P0"))
        .count();
    assertEquals(30, p0Messages, "every P0 group is sent one by one, beyond the budget");
    assertEquals(30, messages().size(), "the P0s used the budget up: the P2 groups are folded");
    assertEquals(1, digests().size());
    JsonNode digest = digests().get(0).path("digest");
    assertEquals(100, digest.path("alerts").asInt());
    assertEquals(Set.of("P2"), values(digest.path("priorities")));
    MetricSamples s = h.samples();
    assertEquals(10.0, s.value("alertrouter_notifications_folded_total", "receiver", "storm", "integration", "webhook"));
    for (Alert page : pages) {
      assertTrue(h.explain.explain(page.fingerprint()).orElseThrow().decisions().stream()
          .noneMatch(d -> d.stage() == DecisionStage.FOLDED));
    }
  }

  private static Set<String> values(JsonNode counts) {
    Set<String> values = new HashSet<>();
    counts.forEach(c -> values.add(c.path("value").asText()));
    return values;
  }
}
