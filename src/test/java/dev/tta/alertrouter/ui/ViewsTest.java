package dev.tta.alertrouter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.explain.Decision;
import dev.tta.alertrouter.explain.DecisionStage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewsTest {
  @Test
  void agesAndDurations() {
    assertEquals("45s", Views.age(Duration.ofSeconds(45)));
    assertEquals("3h 5m", Views.age(Duration.ofMinutes(185)));
    assertEquals("2d 4h", Views.age(Duration.ofHours(52)));
    assertEquals("in 5m", Views.age(Duration.ofMinutes(-5)));
    assertEquals("0s", Views.duration(Duration.ZERO));
    assertEquals("1h30m", Views.duration(Duration.ofMinutes(90)));
    assertEquals("10s", Views.duration(Duration.ofSeconds(10)));
  }

  @Test
  void onlyHttpLinksAndLocalPathsBecomeLinks() {
    assertEquals("https://runbooks.tta.dev/x", Views.safeLink("https://runbooks.tta.dev/x"));
    assertEquals("/runbooks/x", Views.safeLink("/runbooks/x"));
    assertNull(Views.safeLink("javascript:alert(1)"));
    assertNull(Views.safeLink("JaVaScRiPt:alert(1)"));
    assertNull(Views.safeLink("data:text/html,<script>alert(1)</script>"));
    assertNull(Views.safeLink("//evil.example/x"));
    assertNull(Views.safeLink(""));
  }

  @Test
  void matchersAreTypedAsInAmtool() {
    assertEquals(List.of(Matcher.equal("team", "platform"), Matcher.regex("priority", "P0|P1")),
        MatcherInput.parse("team=\"platform\" priority=~\"P0|P1\""));
    assertEquals(List.of(Matcher.equal("team", "a b"), Matcher.equal("x", "y")),
        MatcherInput.parse("{team=\"a b\",\n x=\"y\"}"));
    assertEquals(List.of(), MatcherInput.parse("  "));
    assertThrows(IllegalArgumentException.class, () -> MatcherInput.parse("team=~\"(\""));
    String formatted = MatcherInput.format(MatcherInput.parse("a=\"1\" b!=\"2\""));
    assertEquals("a=\"1\"\nb!=\"2\"", formatted);
  }

  @Test
  void theTimelineFollowsThePipelineWithinOneInstant() {
    Instant t = Instant.parse("2026-11-24T19:10:00Z");
    List<Decision> recorded = List.of(
        Decision.of(t, DecisionStage.RECEIVED, "", "received", Map.of()),
        Decision.of(t, DecisionStage.NOTIFICATION, "", "sent", Map.of()),
        Decision.of(t, DecisionStage.PRIORITY, "", "P0", Map.of()),
        Decision.of(t.minusSeconds(1), DecisionStage.GROUP, "", "earlier", Map.of()));
    assertEquals(List.of("group", "received", "priority", "notification"),
        WebUi.timeline(recorded).stream().map(WebUi.Step::stage).toList());
  }
}
