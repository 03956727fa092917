package dev.tta.alertrouter.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookEnricherTest {
  @TempDir Path dir;

  private record Counted(RunbookChoice.Source source, Priority priority, String alertname) {}

  private final List<Counted> counted = new ArrayList<>();

  private RunbookEnricher enricher() {
    RunbookFiles.write(dir, "high-error-rate", "title: High error rate", "owner: platform", "alerts:",
        "  - TTAHighErrorRate");
    RunbookResolver resolver = new RunbookResolver(RunbookFiles.load(dir), Optional.empty(),
        URI.create("http://alert-router:9095"));
    return new RunbookEnricher(resolver,
        (alert, choice, priority) -> counted.add(new Counted(choice.source(), priority, alert.name())));
  }

  @Test
  void setsTheRunbookAnnotationFromTheChosenRunbook() {
    RunbookEnricher enricher = enricher();
    Alert fromWebhook = FixtureAlerts.webhook("webhook-firing-group-of-3.json").get(0);
    Map<String, String> annotations = new TreeMap<>(fromWebhook.annotations());
    annotations.remove("runbook_url");
    Alert withoutLink = fromWebhook.withAnnotations(annotations);

    RunbookEnricher.Enriched enriched = enricher.enrich(withoutLink);

    assertEquals("http://alert-router:9095/runbooks/high-error-rate", enriched.alert().annotations().get("runbook_url"));
    assertEquals(withoutLink.labels(), enriched.alert().labels());
    assertEquals("Error rate is 7.1% for router", enriched.alert().annotations().get("description"));
    assertEquals(RunbookChoice.Source.RUNBOOKS, enriched.choice().source());
    assertEquals(List.of(new Counted(RunbookChoice.Source.RUNBOOKS, Priority.P0, "TTAHighErrorRate")), counted);
  }

  @Test
  void keepsAnAlertsOwnLinkAndCountsItsSource() {
    RunbookEnricher enricher = enricher();
    Alert alert = FixtureAlerts.webhook("webhook-firing-group-of-3.json").get(1);
    RunbookEnricher.Enriched enriched = enricher.enrich(alert);
    assertSame(alert, enriched.alert());
    assertEquals(List.of(new Counted(RunbookChoice.Source.ANNOTATION, Priority.P0, "TTAHighErrorRate")), counted);
  }

  @Test
  void anAlertWithoutRunbookIsUnchangedAndCountedAsNoneByPriority() {
    RunbookEnricher enricher = enricher();
    Alert info = FixtureAlerts.webhook("webhook-firing-info-no-runbook.json").get(0);
    Alert paged = info.withLabels(Labels.of("alertname", "TTADiskFull", "priority", "P0", "severity", "info"));
    assertSame(info, enricher.enrich(info).alert());
    assertSame(paged, enricher.enrich(paged).alert());
    assertEquals(List.of(
        new Counted(RunbookChoice.Source.NONE, Priority.P2, "DeploymentCompleted"),
        new Counted(RunbookChoice.Source.NONE, Priority.P0, "TTADiskFull")), counted);
  }

  @Test
  void priorityComesFromThePriorityLabelElseFromSeverity() {
    assertEquals(Priority.P1, AlertPriority.of(Labels.of("alertname", "X", "priority", "P1", "severity", "critical")));
    assertEquals(Priority.P0, AlertPriority.of(Labels.of("alertname", "X", "severity", "page")));
    assertEquals(Priority.P1, AlertPriority.of(Labels.of("alertname", "X", "severity", "warning")));
    assertEquals(Priority.P2, AlertPriority.of(Labels.of("alertname", "X", "severity", "info")));
    assertEquals(Priority.P2, AlertPriority.of(Labels.of("alertname", "X")));
  }
}
