package dev.tta.alertrouter.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookResolverTest {
  private static final URI EXTERNAL = URI.create("https://alerts.tta.dev/");
  private static final Optional<UrlTemplate> TEMPLATE =
      Optional.of(UrlTemplate.parse("https://runbooks.tta.dev/{alertname}"));

  @TempDir Path dir;
  private Runbooks runbooks;

  @BeforeEach
  void writeRunbooks() {
    RunbookFiles.write(dir, "service-down", "title: TTA service down", "owner: platform", "alerts:",
        "  - TTAServiceDown");
    RunbookFiles.write(dir, "database-issues", "title: Database issues", "owner: platform",
        "url: https://wiki.tta.dev/db", "alerts:", "  - '{alertname=\"TTAServiceDown\", service=\"database\"}'");
    runbooks = RunbookFiles.load(dir);
  }

  private RunbookResolver resolver(Optional<UrlTemplate> template) {
    return new RunbookResolver(runbooks, template, EXTERNAL);
  }

  @Test
  void anHttpAnnotationWinsOverRunbooksAndTemplate() {
    Alert alert = FixtureAlerts.webhook("webhook-firing-single.json").get(0);
    RunbookChoice choice = resolver(TEMPLATE).choose(alert.labels(), alert.annotations());
    assertEquals(new RunbookChoice(Optional.of("https://runbooks.tta.dev/service-down"), Optional.empty(),
        RunbookChoice.Source.ANNOTATION, "annotation runbook_url"), choice);
  }

  @Test
  void anAnnotationThatIsNotHttpFallsThroughToRunbooks() {
    Labels labels = Labels.of("alertname", "TTAServiceDown", "service", "api");
    RunbookChoice choice = resolver(TEMPLATE).choose(labels, Map.of("runbook_url", "javascript:alert(1)"));
    assertEquals(RunbookChoice.Source.RUNBOOKS, choice.source());
    assertEquals("https://alerts.tta.dev/runbooks/service-down", choice.url().orElseThrow());
    assertEquals("TTA service down", choice.title().orElseThrow());
    assertEquals("{alertname=\"TTAServiceDown\"} in " + dir.resolve("service-down.md") + ":5", choice.matchedBy());
  }

  @Test
  void theMostSpecificRunbookWinsAndItsExternalUrlIsTheLink() {
    RunbookChoice choice = resolver(TEMPLATE).lookup(Labels.of("alertname", "TTAServiceDown", "service", "database"));
    assertEquals(RunbookChoice.Source.RUNBOOKS, choice.source());
    assertEquals("https://wiki.tta.dev/db", choice.url().orElseThrow());
    assertEquals("Database issues", choice.title().orElseThrow());
  }

  @Test
  void theTemplateServesAlertsNoRunbookCovers() {
    RunbookChoice choice = resolver(TEMPLATE).lookup(Labels.of("alertname", "Disk Full/../x", "team", "platform"));
    assertEquals(new RunbookChoice(Optional.of("https://runbooks.tta.dev/Disk%20Full%2F..%2Fx"), Optional.empty(),
        RunbookChoice.Source.TEMPLATE, "url_template https://runbooks.tta.dev/{alertname}"), choice);
  }

  @Test
  void aTemplateNeedingAMissingLabelGivesNone() {
    Optional<UrlTemplate> perService = Optional.of(UrlTemplate.parse("https://runbooks.tta.dev/{service}/{alertname}"));
    RunbookChoice choice = resolver(perService).lookup(Labels.of("alertname", "DeploymentCompleted"));
    assertEquals(RunbookChoice.Source.NONE, choice.source());
    assertTrue(choice.url().isEmpty());
    assertEquals("no runbooks/ entry matches; url_template https://runbooks.tta.dev/{service}/{alertname} needs "
        + "labels [service, alertname] and the alert lacks one", choice.matchedBy());
    assertEquals("https://runbooks.tta.dev/web/DeploymentCompleted",
        resolver(perService).lookup(Labels.of("alertname", "DeploymentCompleted", "service", "web")).url().orElseThrow());
  }

  @Test
  void withoutTemplateAnUncoveredAlertGetsNoneWithTheReasons() {
    Alert alert = FixtureAlerts.webhook("webhook-firing-info-no-runbook.json").get(0);
    RunbookChoice choice = resolver(Optional.empty()).choose(alert.labels(), alert.annotations());
    assertEquals(RunbookChoice.none("no runbooks/ entry matches; no url_template is configured"), choice);
  }

  @Test
  void externalUrlWithAPathPrefixKeepsIt() {
    RunbookResolver resolver = new RunbookResolver(runbooks, Optional.empty(), URI.create("https://tta.dev/alert-router"));
    assertEquals("https://tta.dev/alert-router/runbooks/service-down",
        resolver.lookup(Labels.of("alertname", "TTAServiceDown")).url().orElseThrow());
  }

  @Test
  void urlTemplatesAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse("https://x/{alertname"));
    assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse("https://x/alertname}"));
    assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse("https://x/{bad-label}"));
    assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse("javascript:{alertname}"));
    assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse("/runbooks/{alertname}"));
  }
}
