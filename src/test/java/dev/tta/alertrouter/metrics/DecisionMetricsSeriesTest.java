package dev.tta.alertrouter.metrics;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.severity.Classification;
import org.junit.jupiter.api.Test;

/** The counters every alert moves count on the very series a scrape shows, configured or not. */
class DecisionMetricsSeriesTest {
  private final RouterMetrics router = new RouterMetrics("test");
  private final DecisionMetrics metrics = new DecisionMetrics(router);

  private void assertExposed(String line) {
    String text = RouterMetricsTest.text(router);
    assertTrue(text.contains(line + "\n"), line + " in\n" + text);
  }

  @Test
  void aConfiguredTeamAndReceiverStartAtZeroAndCountOnThatSeries() {
    metrics.teamConfigured("storage");
    metrics.receiverConfigured("pager");
    assertExposed("alertrouter_team_routed_total{team=\"storage\"} 0.0");
    assertExposed("alertrouter_route_matched_total{receiver=\"pager\"} 0.0");

    metrics.teamRouted("storage");
    metrics.teamRouted("storage");
    metrics.routeMatched("pager");

    assertExposed("alertrouter_team_routed_total{team=\"storage\"} 2.0");
    assertExposed("alertrouter_route_matched_total{receiver=\"pager\"} 1.0");
  }

  @Test
  void aTeamOrReceiverFirstSeenAtRoutingGetsItsOwnSeries() {
    metrics.teamRouted("unknown");
    metrics.routeMatched("default");
    metrics.routeMatched("default");

    assertExposed("alertrouter_team_routed_total{team=\"unknown\"} 1.0");
    assertExposed("alertrouter_route_matched_total{receiver=\"default\"} 2.0");
  }

  @Test
  void eachPriorityAndReasonCountsOnItsOwnSeries() {
    metrics.priorityAssigned(Priority.P0, Classification.Reason.SEVERITY_LEVEL);
    metrics.priorityAssigned(Priority.P0, Classification.Reason.SEVERITY_LEVEL);
    metrics.priorityAssigned(Priority.P2, Classification.Reason.DEFAULT);

    assertExposed("alertrouter_priority_assigned_total{priority=\"P0\",reason=\"severity_level\"} 2.0");
    assertExposed("alertrouter_priority_assigned_total{priority=\"P2\",reason=\"default\"} 1.0");
    assertExposed("alertrouter_priority_assigned_total{priority=\"P0\",reason=\"default\"} 0.0");
  }

  @Test
  void duplicatesCountByStageAndAnUnknownStageIsRefused() {
    metrics.duplicateSuppressed(DecisionMetrics.DUPLICATE_AT_INTAKE);
    metrics.duplicateSuppressed(DecisionMetrics.DUPLICATE_AT_INTAKE);
    metrics.duplicateSuppressed(DecisionMetrics.DUPLICATE_NOTIFICATION);

    assertExposed("alertrouter_duplicates_suppressed_total{stage=\"intake\"} 2.0");
    assertExposed("alertrouter_duplicates_suppressed_total{stage=\"notification_log\"} 1.0");
    assertThrows(IllegalArgumentException.class, () -> metrics.duplicateSuppressed("elsewhere"));
  }
}
