package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.mute.SilenceDraft;
import dev.tta.alertrouter.notify.DeliveryEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each decision a stage takes moves its own counter, with bounded labels. */
class DecisionMetricsTest {
  private static final Duration GROUP_WAIT = Duration.ofSeconds(30);
  private static final Duration GROUP_INTERVAL = Duration.ofMinutes(5);

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

  /** Root takes what no child does; api continues so platform can take it too. */
  private String config(String extra) {
    return """
        route:
          receiver: default
          group_by: [alertname]
          group_wait: 30s
          group_interval: 5m
          repeat_interval: 1h
          routes:
            - matchers: ['service="api"']
              receiver: api
              continue: true
            - matchers: ['team="platform"']
              receiver: platform
        receivers:
          - name: default
            webhook_configs: [{url: '%s'}]
          - name: api
            webhook_configs: [{url: '%s'}]
          - name: platform
            webhook_configs: [{url: '%s'}]
        """.formatted(peer.url("/default"), peer.url("/api"), peer.url("/platform")) + extra;
  }

  @Test
  void priorityAssignedCountsEachPriorityWithItsReason() throws Exception {
    h = EngineHarness.of(dir, config(""));
    assertEquals(0.0, h.samples().value("alertrouter_priority_assigned_total", "priority", "P0", "reason", "severity_level"));
    assertTrue(h.samples().has("alertrouter_priority_assigned_total", "priority", "P1", "reason", "explicit_label"),
        "the closed set shows before the first alert");

    h.receive(h.firing("alertname", "Down", "severity", "critical"),
        h.firing("alertname", "Slow", "priority", "P1"),
        h.firing("alertname", "Note"));

    MetricSamples s = h.samples();
    assertEquals(1.0, s.value("alertrouter_priority_assigned_total", "priority", "P0", "reason", "severity_level"));
    assertEquals(1.0, s.value("alertrouter_priority_assigned_total", "priority", "P1", "reason", "explicit_label"));
    assertEquals(1.0, s.value("alertrouter_priority_assigned_total", "priority", "P2", "reason", "default"));
  }

  @Test
  void teamRoutedCountsTheOwningTeamAndNeverAnUnclaimedValue() throws Exception {
    h = EngineHarness.of(dir, config("""
        teams:
          storage:
            receivers: {P0: [default], P1: [default], P2: [default]}
        """));
    assertTrue(h.samples().has("alertrouter_team_routed_total", "team", "storage"), "configured team at 0");

    h.receive(h.firing("alertname", "A", "team", "storage"),
        h.firing("alertname", "B", "team", "marketing-2026-q4"),
        h.firing("alertname", "C"));

    MetricSamples s = h.samples();
    assertEquals(1.0, s.value("alertrouter_team_routed_total", "team", "storage"));
    assertEquals(1.0, s.value("alertrouter_team_routed_total", "team", "unknown"));
    assertEquals(1.0, s.value("alertrouter_team_routed_total", "team", "none"));
    assertTrue(!s.has("alertrouter_team_routed_total", "team", "marketing-2026-q4"), "alerts choose that value");
  }

  @Test
  void routeMatchedCountsEveryRouteThatTakesTheAlertByReceiver() throws Exception {
    h = EngineHarness.of(dir, config(""));

    h.receive(h.firing("alertname", "A", "service", "api", "team", "platform"), h.firing("alertname", "B"));

    MetricSamples s = h.samples();
    assertEquals(1.0, s.value("alertrouter_route_matched_total", "receiver", "api"));
    assertEquals(1.0, s.value("alertrouter_route_matched_total", "receiver", "platform"));
    assertEquals(1.0, s.value("alertrouter_route_matched_total", "receiver", "default"));
  }

  @Test
  void inhibitedCountsByThePositionOfTheRuleThatMuted() throws Exception {
    h = EngineHarness.of(dir, config("""
        inhibit_rules:
          - source_matchers: ['alertname="Maintenance"']
            target_matchers: ['severity="info"']
          - source_matchers: ['alertname="Down"']
            target_matchers: ['alertname="Slow"']
            equal: [instance]
        """).replace("group_by: [alertname]", "group_by: [instance]"));

    h.receive(h.firing("alertname", "Down", "instance", "a"), h.firing("alertname", "Slow", "instance", "a"));
    h.advance(GROUP_WAIT);

    assertEquals(1.0, h.samples().value("alertrouter_alerts_inhibited_total", "rule", "1"));
    assertEquals(0.0, h.samples().value("alertrouter_alerts_inhibited_total", "rule", "0"));
    assertEquals(1, peer.accepted().size(), "the source was notified, alone");
    assertTrue(PeerWebhook.carries(peer.accepted().get(0), "Down") && !PeerWebhook.carries(peer.accepted().get(0), "Slow"));
  }

  @Test
  void silencedCountsEachAlertASilenceDrops() throws Exception {
    h = EngineHarness.of(dir, config(""));
    h.silences.set(new SilenceDraft(null, List.of(Matcher.equal("alertname", "Noisy")),
        h.clock.instant().minusSeconds(60), h.clock.instant().plus(Duration.ofHours(1)), "alice", "deploy"));

    h.receive(h.firing("alertname", "Noisy", "instance", "a"), h.firing("alertname", "Noisy", "instance", "b"));
    h.advance(GROUP_WAIT);

    assertEquals(2.0, h.samples().value("alertrouter_alerts_silenced_total"));
    assertEquals(List.of(), peer.accepted());
  }

  @Test
  void timeMutedCountsAlertsByWhichIntervalListMutedThem() throws Exception {
    h = EngineHarness.of(dir, """
        route:
          receiver: default
          group_by: [alertname]
          group_wait: 30s
          routes:
            - matchers: ['team="a"']
              mute_time_intervals: [always]
            - matchers: ['team="b"']
              active_time_intervals: [in-2001]
        time_intervals:
          - name: always
            time_intervals: [{weekdays: ['sunday:saturday']}]
          - name: in-2001
            time_intervals: [{years: ['2001']}]
        receivers:
          - name: default
            webhook_configs: [{url: '%s'}]
        """.formatted(peer.url("/default")));

    h.receive(h.firing("alertname", "A", "team", "a", "instance", "1"), h.firing("alertname", "A", "team", "a", "instance", "2"),
        h.firing("alertname", "B", "team", "b"));
    h.advance(GROUP_WAIT);

    MetricSamples s = h.samples();
    assertEquals(2.0, s.value("alertrouter_alerts_time_muted_total", "kind", "mute_time_intervals"));
    assertEquals(1.0, s.value("alertrouter_alerts_time_muted_total", "kind", "outside_active_time_intervals"));
    assertEquals(List.of(), peer.accepted());
  }

  @Test
  void aggregationGroupsGaugeCountsTheGroupsHoldingAlerts() throws Exception {
    h = EngineHarness.of(dir, config(""));
    assertEquals(0.0, h.samples().value("alertrouter_aggregation_groups"));

    h.receive(h.firing("alertname", "A"), h.firing("alertname", "A", "instance", "2"), h.firing("alertname", "B"));

    assertEquals(2.0, h.samples().value("alertrouter_aggregation_groups"));
  }

  @Test
  void notificationsCountEachOutcomeByReceiverAndIntegrationAndTimeEachAttempt() throws Exception {
    h = EngineHarness.of(dir, config(""));
    peer.answer("/default", 503).answer("/api", 400);
    MetricSamples before = h.samples();
    assertTrue(before.has("alertrouter_notifications_total", "receiver", "api", "integration", "webhook", "outcome", "failed"),
        "every outcome of a configured integration shows 0 before the first");

    h.receive(h.firing("alertname", "A"), h.firing("alertname", "B", "service", "api"));
    h.advance(GROUP_WAIT);

    MetricSamples s = h.samples();
    assertEquals(1.0, s.value("alertrouter_notifications_total", "receiver", "default", "integration", "webhook", "outcome", "retried"));
    assertEquals(1.0, s.value("alertrouter_notifications_total", "receiver", "default", "integration", "webhook", "outcome", "sent"));
    assertEquals(1.0, s.value("alertrouter_notifications_total", "receiver", "api", "integration", "webhook", "outcome", "failed"));
    assertEquals(0.0, s.value("alertrouter_notifications_total", "receiver", "api", "integration", "webhook", "outcome", "sent"));
    assertEquals(3.0, s.value("alertrouter_notification_latency_seconds_count", "integration", "webhook"), "three attempts");
  }

  @Test
  void dryRunNotificationsAreCountedAsDryRunAndSendNothing() throws Exception {
    h = EngineHarness.dryRun(dir, config(""));

    h.receive(h.firing("alertname", "A"));
    h.advance(GROUP_WAIT);

    assertEquals(1.0, h.samples().value("alertrouter_notifications_total", "receiver", "default", "integration", "webhook", "outcome", "dry_run"));
    assertEquals(0.0, h.samples().value("alertrouter_notification_latency_seconds_count", "integration", "webhook"));
    assertEquals(List.of(), peer.accepted());
  }

  @Test
  void aDroppedDeliveryIsCountedWithoutALatency() throws Exception {
    h = EngineHarness.of(dir, config(""));

    h.decisionMetrics.delivery(new DeliveryEvent("default", "webhook", 0, "{}:{}", DeliveryEvent.Result.DROPPED, 0,
        Duration.ZERO, "interrupted while shutting down"));

    assertEquals(1.0, h.samples().value("alertrouter_notifications_total", "receiver", "default", "integration", "webhook", "outcome", "dropped"));
    assertEquals(0.0, h.samples().value("alertrouter_notification_latency_seconds_count", "integration", "webhook"));
  }

  @Test
  void notificationDelayRunsFromTheNewestReceiptToDeliveryByTheMostUrgentPriority() throws Exception {
    h = EngineHarness.of(dir, config(""));

    h.receive(h.firing("alertname", "A", "severity", "warning", "instance", "1"));
    h.advance(Duration.ofSeconds(10));
    h.receive(h.firing("alertname", "A", "severity", "critical", "instance", "2"));
    h.advance(GROUP_WAIT.minusSeconds(10));

    MetricSamples s = h.samples();
    assertEquals(1.0, s.value("alertrouter_notification_delay_seconds_count", "priority", "P0"));
    assertEquals(20.0, s.value("alertrouter_notification_delay_seconds_sum", "priority", "P0"), "from the newer copy");
    assertEquals(0.0, s.value("alertrouter_notification_delay_seconds_bucket", "priority", "P0", "le", "10.0"));
    assertEquals(1.0, s.value("alertrouter_notification_delay_seconds_bucket", "priority", "P0", "le", "30.0"));
    assertEquals(0.0, s.value("alertrouter_notification_delay_seconds_count", "priority", "P1"));
  }

  @Test
  void runbookEnrichmentCountsWhereEachLinkCameFromByPriority() throws Exception {
    h = EngineHarness.withRunbooks(dir, config(""), Path.of("runbooks"));

    h.receive(h.firing("alertname", "TTAServiceDown", "severity", "critical"),
        h.firing("alertname", "NoBookForThis", "severity", "critical"),
        new Alert(Labels.of("alertname", "Annotated"), Map.of("runbook_url", "https://wiki.example/annotated"),
            h.clock.instant(), null, "", h.clock.instant()));
    h.advance(GROUP_WAIT);

    MetricSamples s = h.samples();
    assertEquals(1.0, s.value("alertrouter_runbook_enrichments_total", "source", "runbooks", "priority", "P0"));
    assertEquals(1.0, s.value("alertrouter_runbook_enrichments_total", "source", "none", "priority", "P0"));
    assertEquals(1.0, s.value("alertrouter_runbook_enrichments_total", "source", "annotation", "priority", "P2"));
  }

  @Test
  void duplicatesAreCountedAtIntakeAndWhenTheNotificationLogHasNothingNew() throws Exception {
    h = EngineHarness.of(dir, config(""));
    Alert first = h.firing("alertname", "A");

    h.receive(first);
    h.advance(Duration.ofSeconds(5));
    // The second post of an HA pair: the same alert, received again.
    h.receive(first.withTimes(first.startsAt(), null, h.clock.instant()));

    assertEquals(1.0, h.samples().value("alertrouter_duplicates_suppressed_total", "stage", "intake"));
    assertEquals(0.0, h.samples().value("alertrouter_duplicates_suppressed_total", "stage", "notification_log"));

    h.advance(GROUP_WAIT);
    h.advance(GROUP_INTERVAL);

    assertEquals(1, peer.accepted().size(), "notified once");
    assertEquals(1.0, h.samples().value("alertrouter_duplicates_suppressed_total", "stage", "notification_log"));
  }

  @Test
  void pendingWorkGaugesAreExposed() throws Exception {
    h = EngineHarness.of(dir, config(""));

    assertEquals(0.0, h.samples().value("alertrouter_notifications_in_flight"));
    assertTrue(h.samples().has("alertrouter_notifications_in_flight"));
  }
}
