package dev.tta.alertrouter.notify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageModelsTest {
  private static final Instant NOW = Instant.parse("2026-11-24T19:10:00Z");
  private static final Instant START = Instant.parse("2026-11-24T19:00:00Z");

  private static Alert alert(String instance, String priority, Instant endsAt, Map<String, String> annotations) {
    return TestNotifications.alert(Map.of("alertname", "TTAHighLatency", "instance", instance, "priority", priority),
        annotations, START, endsAt, "");
  }

  private static MessageModel model(List<Alert> alerts) {
    return MessageModels.of(TestNotifications.notification("team", Labels.of("alertname", "TTAHighLatency"), NOW, alerts),
        TestNotifications.LINKS);
  }

  @Test
  void priorityIsTheMostUrgentOfTheFiringAlerts() {
    MessageModel m = model(List.of(
        alert("a", "P2", null, Map.of()),
        alert("b", "P0", Instant.parse("2026-11-24T19:05:00Z"), Map.of()),
        alert("c", "P1", null, Map.of())));

    assertEquals("P1", m.priority(), "the resolved P0 no longer counts");
    assertEquals("#ECB22E", m.color());
    assertEquals(2, m.firingCount());
    assertEquals(1, m.resolvedCount());
  }

  @Test
  void resolvedGroupIsGreenAndKeepsItsPriority() {
    MessageModel m = model(List.of(alert("a", "P0", Instant.parse("2026-11-24T19:05:00Z"), Map.of())));

    assertEquals("resolved", m.status());
    assertEquals("P0", m.priority());
    assertEquals("#2EB67D", m.color());
    assertEquals("", m.since());
  }

  @Test
  void descriptionIsTheGroupsOnlyWhenItIsShared() {
    MessageModel differing = model(List.of(
        alert("a", "P1", null, Map.of("summary", "Slow", "description", "p99 2s on a")),
        alert("b", "P1", null, Map.of("summary", "Slow", "description", "p99 3s on b"))));
    MessageModel single = model(List.of(alert("a", "P1", null, Map.of("description", "p99 2s on a"))));

    assertEquals("Slow", differing.summary());
    assertEquals("", differing.description(), "each alert shows its own");
    assertEquals("instance=a", differing.alerts().get(0).identity());
    assertEquals("p99 2s on a", single.description());
    assertEquals("TTAHighLatency", single.alerts().get(0).identity());
  }

  @Test
  void linksThatAPersonCannotSafelyFollowAreDropped() {
    MessageModel m = model(List.of(TestNotifications.alert(Map.of("alertname", "X"),
        Map.of("runbook_url", "javascript:alert(document.cookie)"), START, null, "file:///etc/passwd")));

    assertEquals("", m.runbookUrl());
    assertEquals("", m.sourceUrl());
    assertEquals("", MessageLinks.safe("https://runbooks.tta.dev/a b"));
    assertEquals("https://runbooks.tta.dev/a", MessageLinks.safe("https://runbooks.tta.dev/a"));
  }

  @Test
  void groupAndExplainLinksPointAtAlertRouter() {
    MessageLinks links = new MessageLinks(URI.create("http://router.internal:9094/"));
    Alert a = alert("a", "P1", null, Map.of());

    assertEquals("http://router.internal:9094/alerts/" + a.fingerprint(), links.explain(a.fingerprint()));
    assertEquals("http://router.internal:9094/alerts?filter=alertname%3D%22TTAHighLatency%22"
        + "&filter=env%3D%22prod+%5C%22eu%5C%22%22", links.group(Labels.of("alertname", "TTAHighLatency", "env", "prod \"eu\"")));
    assertEquals("http://router.internal:9094/alerts", links.group(Labels.empty()));
  }

  @Test
  void externalUrlMustBeAnAbsoluteWebUrl() {
    assertThrows(IllegalArgumentException.class, () -> new MessageLinks(URI.create("router.internal:9094")));
    assertThrows(IllegalArgumentException.class, () -> new MessageLinks(URI.create("/relative")));
    assertThrows(IllegalArgumentException.class, () -> new MessageLinks(URI.create("https://r.tta.dev/?x=1")));
  }
}
