package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.dispatch.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Matchers;
import dev.tta.alertrouter.config.InhibitRuleConfig;
import dev.tta.alertrouter.config.SourceLocation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InhibitorTest {
  private static final Instant T0 = Instant.parse("2024-05-06T10:00:00Z");

  private final ManualClock clock = new ManualClock(T0);

  /** The seed's rule: TTAServiceDown mutes TTAHighLatency with equal service and environment. */
  private static InhibitRuleConfig seedRule() {
    return rule("alertname=\"TTAServiceDown\"", "alertname=\"TTAHighLatency\"", List.of("service", "environment"));
  }

  private static InhibitRuleConfig rule(String source, String target, List<String> equal) {
    return new InhibitRuleConfig(Matchers.parseList(source), Matchers.parseList(target), equal,
        new SourceLocation("alertmanager.yml", 40));
  }

  private static Alert firing(String... labels) {
    return new Alert(Labels.of(labels), Map.of(), T0.minusSeconds(60), null, "", T0);
  }

  private static Alert endingAt(Instant endsAt, String... labels) {
    return new Alert(Labels.of(labels), Map.of(), T0.minusSeconds(60), endsAt, "", T0);
  }

  @Test
  void firingSourceInhibitsTargetWithEqualLabels() {
    Inhibitor inhibitor = new Inhibitor(List.of(seedRule()), clock);
    Alert down = firing("alertname", "TTAServiceDown", "service", "api", "environment", "prod");
    inhibitor.onAlerts(List.of(down));

    Optional<InhibitionReason> reason = inhibitor.isInhibited(
        Labels.of("alertname", "TTAHighLatency", "service", "api", "environment", "prod", "pod", "p1"), T0);

    assertTrue(reason.isPresent());
    assertEquals(down, reason.get().source());
    assertEquals(0, reason.get().ruleIndex());
    assertEquals(new SourceLocation("alertmanager.yml", 40), reason.get().ruleLocation());
  }

  @Test
  void differentEqualLabelValueDoesNotInhibit() {
    Inhibitor inhibitor = new Inhibitor(List.of(seedRule()), clock);
    inhibitor.onAlerts(List.of(firing("alertname", "TTAServiceDown", "service", "api", "environment", "prod")));

    assertFalse(inhibitor.isInhibited(
        Labels.of("alertname", "TTAHighLatency", "service", "api", "environment", "staging"), T0).isPresent());
    assertFalse(inhibitor.isInhibited(
        Labels.of("alertname", "TTAHighLatency", "service", "db", "environment", "prod"), T0).isPresent());
  }

  @Test
  void targetMatchersMustMatch() {
    Inhibitor inhibitor = new Inhibitor(List.of(seedRule()), clock);
    inhibitor.onAlerts(List.of(firing("alertname", "TTAServiceDown", "service", "api", "environment", "prod")));

    assertFalse(inhibitor.isInhibited(
        Labels.of("alertname", "TTAHighErrorRate", "service", "api", "environment", "prod"), T0).isPresent());
  }

  @Test
  void labelMissingOnBothSidesCountsAsEqual() {
    Inhibitor inhibitor = new Inhibitor(List.of(seedRule()), clock);
    inhibitor.onAlerts(List.of(firing("alertname", "TTAServiceDown", "service", "api")));

    assertTrue(inhibitor.isInhibited(Labels.of("alertname", "TTAHighLatency", "service", "api"), T0).isPresent());
    // Missing on the source, present on the target: not equal.
    assertFalse(inhibitor.isInhibited(
        Labels.of("alertname", "TTAHighLatency", "service", "api", "environment", "prod"), T0).isPresent());
  }

  @Test
  void alertMatchingBothSidesDoesNotInhibitItselfNorItsPeers() {
    // Alertmanager's classic: critical mutes warning-or-critical of the same cluster.
    InhibitRuleConfig rule = rule("severity=\"critical\"", "severity=~\"critical|warning\"", List.of("cluster"));
    Inhibitor inhibitor = new Inhibitor(List.of(rule), clock);
    Alert first = firing("alertname", "A", "severity", "critical", "cluster", "c1");
    Alert second = firing("alertname", "B", "severity", "critical", "cluster", "c1");
    inhibitor.onAlerts(List.of(first, second));

    assertFalse(inhibitor.isInhibited(first.labels(), T0).isPresent(), "not by itself");
    assertFalse(inhibitor.isInhibited(second.labels(), T0).isPresent(), "not by another two-sided alert");
    assertTrue(inhibitor.isInhibited(
        Labels.of("alertname", "C", "severity", "warning", "cluster", "c1"), T0).isPresent(),
        "a target-only alert is inhibited by the two-sided sources");
  }

  @Test
  void sourceOnlyAlertStillInhibitsATwoSidedAlert() {
    InhibitRuleConfig rule = rule("tier=\"core\"", "severity=\"critical\"", List.of());
    Inhibitor inhibitor = new Inhibitor(List.of(rule), clock);
    Alert sourceOnly = firing("alertname", "CoreDown", "tier", "core");
    Alert twoSided = firing("alertname", "Other", "tier", "core", "severity", "critical");
    inhibitor.onAlerts(List.of(twoSided, sourceOnly));

    Optional<InhibitionReason> reason = inhibitor.isInhibited(twoSided.labels(), T0);

    assertEquals(Optional.of(sourceOnly), reason.map(InhibitionReason::source));
  }

  @Test
  void resolvedSourceDoesNotInhibit() {
    Inhibitor inhibitor = new Inhibitor(List.of(seedRule()), clock);
    Alert down = firing("alertname", "TTAServiceDown", "service", "api");
    Labels latency = Labels.of("alertname", "TTAHighLatency", "service", "api");
    inhibitor.onAlerts(List.of(down));
    assertTrue(inhibitor.isInhibited(latency, T0).isPresent());

    clock.advance(Duration.ofSeconds(30));
    inhibitor.onAlerts(List.of(down.withTimes(down.startsAt(), clock.instant(), clock.instant())));

    assertFalse(inhibitor.isInhibited(latency, clock.instant()).isPresent());
    assertEquals(0, inhibitor.indexedSources(), "a resolved copy removes the source from the index");
  }

  @Test
  void sourceWhoseEndPassesStopsInhibitingAndIsCollected() {
    Inhibitor inhibitor = new Inhibitor(List.of(seedRule()), clock);
    Instant end = T0.plus(Duration.ofMinutes(5));
    inhibitor.onAlerts(List.of(endingAt(end, "alertname", "TTAServiceDown", "service", "api"),
        endingAt(end, "alertname", "TTAServiceDown", "service", "db")));
    Labels latency = Labels.of("alertname", "TTAHighLatency", "service", "api");

    assertTrue(inhibitor.isInhibited(latency, end.minusMillis(1)).isPresent());
    assertFalse(inhibitor.isInhibited(latency, end).isPresent());
    assertEquals(1, inhibitor.indexedSources(), "the lookup dropped the resolved source it met");

    assertEquals(0, inhibitor.collectGarbage(end.minusSeconds(1)));
    assertEquals(1, inhibitor.collectGarbage(end));
    assertEquals(0, inhibitor.indexedSources());
  }

  @Test
  void deprecatedMatchFormsFoldedIntoMatchersWork() {
    // source_match: {alertname: X} and source_match_re: {service: "api|web"}, target_match: {severity: warning}.
    InhibitRuleConfig folded = new InhibitRuleConfig(
        List.of(Matcher.equal("alertname", "NodeDown"), Matcher.regex("service", "api|web")),
        List.of(Matcher.equal("severity", "warning")),
        List.of("node"), new SourceLocation("old.yml", 3));
    Inhibitor inhibitor = new Inhibitor(List.of(folded), clock);
    inhibitor.onAlerts(List.of(firing("alertname", "NodeDown", "service", "web", "node", "n1")));

    assertTrue(inhibitor.isInhibited(Labels.of("alertname", "Disk", "severity", "warning", "node", "n1"), T0).isPresent());
    assertFalse(inhibitor.isInhibited(Labels.of("alertname", "Disk", "severity", "warning", "node", "n2"), T0).isPresent());

    inhibitor.onAlerts(List.of(firing("alertname", "NodeDown", "service", "webby", "node", "n2")));
    assertFalse(inhibitor.isInhibited(Labels.of("alertname", "Disk", "severity", "warning", "node", "n2"), T0).isPresent(),
        "the regex is anchored");
  }

  @Test
  void firstInhibitingRuleInConfigOrderIsReported() {
    Inhibitor inhibitor = new Inhibitor(List.of(
        rule("alertname=\"Never\"", "severity=\"warning\"", List.of()),
        rule("alertname=\"ClusterDown\"", "severity=\"warning\"", List.of("cluster")),
        rule("alertname=\"RegionDown\"", "severity=\"warning\"", List.of())), clock);
    inhibitor.onAlerts(List.of(
        firing("alertname", "RegionDown"), firing("alertname", "ClusterDown", "cluster", "c1")));

    assertEquals(Optional.of(1), inhibitor.isInhibited(
        Labels.of("alertname", "X", "severity", "warning", "cluster", "c1"), T0).map(InhibitionReason::ruleIndex));
    assertEquals(Optional.of(2), inhibitor.isInhibited(
        Labels.of("alertname", "X", "severity", "warning", "cluster", "c2"), T0).map(InhibitionReason::ruleIndex));
  }

  @Test
  void tenThousandFiringSourcesAreLookedUpByTheirEqualLabels() {
    Inhibitor inhibitor = new Inhibitor(List.of(seedRule()), clock);
    List<Alert> sources = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      sources.add(firing("alertname", "TTAServiceDown", "service", "svc-" + i, "environment", "prod"));
    }
    inhibitor.onAlerts(sources);
    assertEquals(10_000, inhibitor.indexedSources());

    for (int i = 0; i < 10_000; i += 7) {
      Labels target = Labels.of("alertname", "TTAHighLatency", "service", "svc-" + i, "environment", "prod");
      Optional<InhibitionReason> reason = inhibitor.isInhibited(target, T0);
      assertEquals(Optional.of(sources.get(i)), reason.map(InhibitionReason::source), "svc-" + i);
    }
    assertFalse(inhibitor.isInhibited(
        Labels.of("alertname", "TTAHighLatency", "service", "svc-10000", "environment", "prod"), T0).isPresent());

    List<Alert> resolvedEvenOnes = new ArrayList<>();
    for (int i = 0; i < 10_000; i += 2) {
      Alert a = sources.get(i);
      resolvedEvenOnes.add(a.withTimes(a.startsAt(), T0, T0));
    }
    inhibitor.onAlerts(resolvedEvenOnes);
    assertEquals(5_000, inhibitor.indexedSources());
    for (int i = 0; i < 10_000; i += 3) {
      Labels target = Labels.of("alertname", "TTAHighLatency", "service", "svc-" + i, "environment", "prod");
      assertEquals(i % 2 == 1, inhibitor.isInhibited(target, T0).isPresent(), "svc-" + i);
    }
  }

  @Test
  void noRulesInhibitNothing() {
    Inhibitor inhibitor = new Inhibitor(List.of(), clock);
    inhibitor.onAlerts(List.of(firing("alertname", "TTAServiceDown")));

    assertFalse(inhibitor.isInhibited(Labels.of("alertname", "TTAHighLatency"), T0).isPresent());
  }
}
