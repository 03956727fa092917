package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.explain.Decision;
import dev.tta.alertrouter.explain.DecisionStage;
import dev.tta.alertrouter.explain.Explanation;
import dev.tta.alertrouter.mute.SilenceDraft;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the explain record keeps about an alert at each stage, with the facts that decided. */
class DecisionRecordTest {
  private static final Duration GROUP_WAIT = Duration.ofSeconds(30);

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
          receiver: default
          group_by: [alertname, service]
          group_wait: 30s
          group_interval: 5m
          repeat_interval: 1h
          routes:
            - matchers: ['severity="critical"']
              receiver: pager
        inhibit_rules:
          - source_matchers: ['alertname="TTAServiceDown"']
            target_matchers: ['alertname="TTAHighLatency"']
            equal: [service]
        receivers:
          - name: default
            webhook_configs: [{url: '%s'}]
          - name: pager
            webhook_configs: [{url: '%s'}]
        """.formatted(peer.url("/default"), peer.url("/pager"));
  }

  private Explanation story(Alert a) {
    return h.explain.explain(a.fingerprint()).orElseThrow();
  }

  private static Decision only(Explanation e, DecisionStage stage) {
    List<Decision> found = e.decisions().stream().filter(d -> d.stage() == stage).toList();
    assertEquals(1, found.size(), stage + " in " + e.decisions());
    return found.get(0);
  }

  @Test
  void aRoutedAlertsStoryRunsFromReceiptToNotification() throws Exception {
    h = EngineHarness.withRunbooks(dir, config(), Path.of("runbooks"));
    Alert down = h.firing("alertname", "TTAServiceDown", "service", "api", "severity", "critical");

    h.receive(down);
    h.advance(GROUP_WAIT);

    Explanation e = story(down);
    assertEquals(List.of(DecisionStage.RECEIVED, DecisionStage.PRIORITY, DecisionStage.TEAM, DecisionStage.ROUTE,
        DecisionStage.GROUP, DecisionStage.RUNBOOK, DecisionStage.NOTIFICATION),
        e.decisions().stream().map(Decision::stage).toList());
    assertEquals("priority P0: severity \"critical\" maps to it", only(e, DecisionStage.PRIORITY).summary());
    Decision route = only(e, DecisionStage.ROUTE);
    assertEquals("pager", route.details().get("receiver"));
    assertEquals("{severity=\"critical\"}", route.details().get("matchers"), "the matcher that decided");
    assertTrue(route.details().get("location").startsWith(dir.resolve("config.yml") + ":"), route.details().toString());
    assertEquals("{}/{severity=\"critical\"}:{alertname=\"TTAServiceDown\", service=\"api\"}",
        only(e, DecisionStage.GROUP).details().get("group_key"));
    assertEquals("runbooks", only(e, DecisionStage.RUNBOOK).details().get("source"));
    Decision sent = only(e, DecisionStage.NOTIFICATION);
    assertEquals("sent", sent.details().get("outcome"));
    assertEquals("webhook[0]", sent.details().get("integration"));
    assertEquals("pager", sent.details().get("receiver"));
    assertEquals(EngineHarness.T0.plus(GROUP_WAIT), sent.at());
  }

  @Test
  void anInhibitedAlertNamesTheAlertAndTheRuleThatMutedIt() throws Exception {
    h = EngineHarness.of(dir, config());
    Alert down = h.firing("alertname", "TTAServiceDown", "service", "api");
    Alert slow = h.firing("alertname", "TTAHighLatency", "service", "api");

    h.receive(down, slow);
    h.advance(GROUP_WAIT);

    Decision inhibited = only(story(slow), DecisionStage.INHIBITED);
    assertEquals(down.fingerprint().toString(), inhibited.details().get("source_fingerprint"));
    assertEquals("inhibit_rules[0]", inhibited.details().get("rule"));
    assertEquals(dir.resolve("config.yml") + ":11", inhibited.details().get("rule_location"));
    assertTrue(story(slow).decisions().stream().noneMatch(d -> d.stage() == DecisionStage.NOTIFICATION));
  }

  @Test
  void aSilencedAlertNamesTheSilence() throws Exception {
    h = EngineHarness.of(dir, config());
    String id = h.silences.set(new SilenceDraft(null, List.of(Matcher.equal("service", "batch")),
        h.clock.instant(), h.clock.instant().plus(Duration.ofHours(2)), "alice", "nightly reindex"));
    Alert batch = h.firing("alertname", "JobSlow", "service", "batch");

    h.receive(batch);
    h.advance(GROUP_WAIT);
    h.advance(Duration.ofMinutes(5));

    Decision silenced = only(story(batch), DecisionStage.SILENCED);
    assertEquals(id, silenced.details().get("silences"));
    assertEquals(2, silenced.times(), "each flush muted it again: one line, counted");
  }

  @Test
  void aTimeMutedAlertNamesTheInterval() throws Exception {
    h = EngineHarness.of(dir, """
        route:
          receiver: default
          group_wait: 30s
          routes:
            - matchers: ['alertname="A"']
              mute_time_intervals: [wednesdays]
        time_intervals:
          - name: wednesdays
            time_intervals: [{weekdays: ['wednesday']}]
        receivers:
          - name: default
            webhook_configs: [{url: '%s'}]
        """.formatted(peer.url("/default")));
    Alert a = h.firing("alertname", "A");

    h.receive(a);
    h.advance(GROUP_WAIT);

    Decision muted = only(story(a), DecisionStage.TIME_MUTED);
    assertEquals("wednesdays", muted.details().get("intervals"), "2026-11-25 is a Wednesday");
    assertEquals("mute_time_intervals", muted.details().get("kind"));
  }

  @Test
  void aFlushWithNothingNewIsRecordedAsDeduplicated() throws Exception {
    h = EngineHarness.of(dir, config());
    Alert a = h.firing("alertname", "A");

    h.receive(a);
    h.advance(GROUP_WAIT);
    h.advance(Duration.ofMinutes(5));

    Decision dedup = only(story(a), DecisionStage.DEDUPLICATED);
    assertEquals("webhook[0]", dedup.details().get("integration"));
    assertEquals("PT1H", dedup.details().get("repeat_interval"));
  }

  @Test
  void aWebhookUrlsTokenNeverReachesTheLogOrTheRecord() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String token = "tok-5ecr3t-9f8e7d";
    peer.answer("/hook", 401);
    h = EngineHarness.of(dir, """
        route:
          receiver: default
          group_wait: 30s
          routes:
            - matchers: ['alertname="Unreachable"']
              receiver: gone
        receivers:
          - name: default
            webhook_configs: [{url: '%s'}]
          - name: gone
            webhook_configs: [{url: 'http://127.0.0.1:%d/hook?token=%s'}]
        """.formatted(peer.url("/hook?token=" + token), closedPort, token));
    Alert refused = h.firing("alertname", "Refused");
    Alert unreachable = h.firing("alertname", "Unreachable");

    h.receive(refused, unreachable);
    h.advance(GROUP_WAIT);

    assertEquals("failed", only(story(refused), DecisionStage.NOTIFICATION).details().get("outcome"));
    String record = story(refused).toString() + story(unreachable).toString();
    assertTrue(record.contains("notification"), record);
    assertFalse(record.contains(token), record);
    assertTrue(h.jsonLog().contains("\"outcome\":\"failed\""), h.jsonLog());
    assertFalse(h.jsonLog().contains(token), h.jsonLog());
    assertFalse(new String(h.metrics.expose("text/plain").body()).contains(token));
  }
}
