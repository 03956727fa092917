package dev.tta.alertrouter.severity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.config.SeverityConfig;
import dev.tta.alertrouter.severity.Classification.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeverityClassifierTest {
  /** What the listener was told, one entry per classification. */
  private record Counted(Priority priority, Reason reason, boolean replacedInvalidPriority) {}

  private final List<Counted> counted = new ArrayList<>();
  private final SeverityClassifier classifier = new SeverityClassifier(
      SeverityConfig.defaults(), (p, r, replaced) -> counted.add(new Counted(p, r, replaced)));

  @ParameterizedTest
  @CsvSource({"critical, P0", "page, P0", "warning, P1", "info, P2"})
  void eachDefaultLevelMapsToItsPriority(String severity, Priority expected) {
    Classification c = classifier.classify(Labels.of("alertname", "X", "severity", severity));

    assertEquals(expected, c.priority());
    assertEquals(Reason.SEVERITY_LEVEL, c.reason());
    assertEquals(severity, c.severityValue());
    assertEquals(Labels.of("alertname", "X", "severity", severity, "priority", expected.name()), c.labels());
    assertEquals(List.of(new Counted(expected, Reason.SEVERITY_LEVEL, false)), counted);
  }

  @Test
  void theSameLabelsObjectGetsTheSameAnswerAgainAndIsCountedEachTime() {
    Labels labels = Labels.of("alertname", "X", "severity", "warning");

    Classification first = classifier.classify(labels);
    Classification again = classifier.classify(labels);

    assertSame(first.labels(), again.labels(), "a resend sharing the labels shares the classified labels");
    assertEquals(first, again);
    assertEquals(2, counted.size(), "each classification is counted");
  }

  @Test
  void anotherConfigurationsClassifierDecidesAfresh() {
    Labels labels = Labels.of("alertname", "X", "severity", "warning");
    classifier.classify(labels);
    SeverityClassifier reloaded = new SeverityClassifier(
        new SeverityConfig("severity", Map.of("warning", Priority.P0), Priority.P2));

    assertEquals(Priority.P0, reloaded.classify(labels).priority());
    assertEquals(Priority.P1, classifier.classify(labels).priority());
  }

  @Test
  void labelsThatCarryTheirPriorityAreLeftToWhoeverRemembersThem() {
    Labels labels = Labels.of("alertname", "X", "priority", "P1");
    Object dispatcherMemo = new Object();
    labels.remember(dispatcherMemo);

    Classification c = classifier.classify(labels);

    assertSame(labels, c.labels());
    assertSame(dispatcherMemo, labels.remembered(), "classified labels that are the labels themselves keep the dispatcher's memo");
  }

  @Test
  void unmappedSeverityTakesTheDefaultAndIsCountedAsDefaulted() {
    Classification c = classifier.classify(Labels.of("alertname", "X", "severity", "disaster"));

    assertEquals(Priority.P2, c.priority());
    assertEquals(Reason.DEFAULT, c.reason());
    assertEquals("disaster", c.severityValue(), "the explain record keeps the value");
    assertEquals("P2", c.labels().get("priority"));
    assertEquals(List.of(new Counted(Priority.P2, Reason.DEFAULT, false)), counted);
  }

  @Test
  void missingOrEmptySeverityTakesTheDefault() {
    Classification missing = classifier.classify(Labels.of("alertname", "X"));
    Classification empty = classifier.classify(Labels.of("alertname", "X", "severity", ""));

    assertEquals(Reason.DEFAULT, missing.reason());
    assertNull(missing.severityValue());
    assertEquals(Reason.DEFAULT, empty.reason());
    assertNull(empty.severityValue());
    assertEquals(2, counted.stream().filter(c -> c.reason() == Reason.DEFAULT).count());
  }

  @Test
  void configuredLabelLevelsAndDefaultAreUsed() {
    Map<String, Priority> levels = new LinkedHashMap<>();
    levels.put("sev1", Priority.P0);
    levels.put("sev2", Priority.P1);
    SeverityClassifier custom = new SeverityClassifier(new SeverityConfig("urgency", levels, Priority.P1));

    assertEquals(Priority.P0, custom.classify(Labels.of("urgency", "sev1")).priority());
    assertEquals(Priority.P1, custom.classify(Labels.of("urgency", "sev3")).priority());
    Classification ignoresSeverity = custom.classify(Labels.of("severity", "critical"));
    assertEquals(Priority.P1, ignoresSeverity.priority());
    assertEquals(Reason.DEFAULT, ignoresSeverity.reason());
  }

  @Test
  void priorityTheRuleAlreadySetWins() {
    Labels labels = Labels.of("alertname", "X", "severity", "critical", "priority", "P2");
    Classification c = classifier.classify(labels);

    assertEquals(Priority.P2, c.priority());
    assertEquals(Reason.EXPLICIT_LABEL, c.reason());
    assertEquals(labels, c.labels(), "labels are left as they were");
    assertEquals("critical", c.severityValue());
    assertNull(c.replacedPriority());
    assertEquals(List.of(new Counted(Priority.P2, Reason.EXPLICIT_LABEL, false)), counted);
  }

  @Test
  void invalidExistingPriorityIsReplacedAndCountedAsSuch() {
    Classification c = classifier.classify(Labels.of("alertname", "X", "severity", "warning", "priority", "high"));

    assertEquals(Priority.P1, c.priority());
    assertEquals(Reason.SEVERITY_LEVEL, c.reason());
    assertEquals("P1", c.labels().get("priority"));
    assertEquals("high", c.replacedPriority());
    assertEquals(List.of(new Counted(Priority.P1, Reason.SEVERITY_LEVEL, true)), counted);
  }

  @Test
  void priorityIsCaseSensitiveAsMatchersAre() {
    Classification c = classifier.classify(Labels.of("severity", "info", "priority", "p0"));

    assertEquals(Priority.P2, c.priority());
    assertEquals("p0", c.replacedPriority());
  }

  @Test
  void emptyPriorityIsAbsentNotInvalid() {
    Classification c = classifier.classify(Labels.of("severity", "critical", "priority", ""));

    assertEquals(Priority.P0, c.priority());
    assertNull(c.replacedPriority());
    assertEquals(List.of(new Counted(Priority.P0, Reason.SEVERITY_LEVEL, false)), counted);
  }

  @Test
  void classificationRefusesLabelsWithoutItsPriority() {
    assertThrows(IllegalArgumentException.class,
        () -> new Classification(Labels.of("priority", "P1"), Priority.P0, Reason.DEFAULT, null, null));
  }

  @Test
  void reasonsHaveStableMetricValues() {
    assertEquals(List.of("explicit_label", "severity_level", "default"),
        List.of(Reason.EXPLICIT_LABEL.label(), Reason.SEVERITY_LEVEL.label(), Reason.DEFAULT.label()));
  }
}
