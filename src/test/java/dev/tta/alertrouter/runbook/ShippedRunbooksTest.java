package dev.tta.alertrouter.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Labels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ShippedRunbooksTest {
  private final Runbooks shipped = RunbookFiles.load(Path.of("runbooks"));

  @Test
  void theSixSeedRunbooksAndAlertRoutersOwnLoad() {
    assertEquals(List.of("alert-router-config-reload-failed", "alert-router-down", "alert-router-notifications-failing",
        "alert-router-p0-without-runbook", "alert-router-queue-backing-up", "alert-router-store-unreachable",
        "cache-optimization", "database-issues", "heartbeat-missing", "high-error-rate", "high-latency", "resource-scaling", "service-down"),
        shipped.all().stream().map(Runbook::name).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"cache-optimization", "database-issues", "high-error-rate", "high-latency",
      "resource-scaling", "service-down", "alert-router-config-reload-failed", "alert-router-down",
      "alert-router-notifications-failing", "alert-router-p0-without-runbook", "alert-router-queue-backing-up",
      "alert-router-store-unreachable", "heartbeat-missing"})
  void eachRunbookTellsOnCallWhatToDo(String name) {
    String markdown = shipped.byName(name).orElseThrow().markdown();
    for (String section : List.of("## Symptoms", "## First queries", "```promql", "## Mitigation", "## Escalation")) {
      assertTrue(markdown.contains(section), name + " lacks " + section);
    }
  }

  @ParameterizedTest
  @CsvSource({
      "TTAServiceDown, api, service-down",
      "TTAServiceDown, database, database-issues",
      "TTAHighLatency, api, high-latency",
      "TTAHighErrorRate, router, high-error-rate",
      "TTACacheHitRateLow, api, cache-optimization",
      "TTAHighMemoryUsage, api, resource-scaling",
      "TTADatabaseReplicationLag, database, database-issues",
      "AlertRouterDown, alert-router, alert-router-down",
      "AlertRouterNotificationsFailing, alert-router, alert-router-notifications-failing",
      "AlertRouterQueueBackingUp, alert-router, alert-router-queue-backing-up",
      "AlertRouterConfigReloadFailed, alert-router, alert-router-config-reload-failed",
      "AlertRouterP0WithoutRunbook, alert-router, alert-router-p0-without-runbook"})
  void seedAlertsFindTheirRunbook(String alertname, String service, String runbook) {
    assertEquals(runbook, shipped.mostSpecific(Labels.of("alertname", alertname, "service", service))
        .orElseThrow().runbook().name());
  }
}
