package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.dispatch.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matchers;
import dev.tta.alertrouter.config.InhibitRuleConfig;
import dev.tta.alertrouter.config.SourceLocation;
import dev.tta.alertrouter.config.TimeIntervalConfig;
import dev.tta.alertrouter.config.TimeIntervalSpec;
import dev.tta.alertrouter.config.TimeIntervalSpec.InclusiveRange;
import dev.tta.alertrouter.config.TimeIntervalSpec.TimeRange;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.dispatch.StageFailedException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MuteStagesTest {
  private static final Instant T0 = Instant.parse("2024-05-07T09:00:00Z"); // a Tuesday, 10:00 in London

  private final ManualClock clock = new ManualClock(T0);
  private final RecordingListener listener = new RecordingListener();
  private final Inhibitor inhibitor = new Inhibitor(List.of(new InhibitRuleConfig(
      Matchers.parseList("alertname=\"TTAServiceDown\""), Matchers.parseList("alertname=\"TTAHighLatency\""),
      List.of("service"), new SourceLocation("alertmanager.yml", 30))), clock);
  private final Silences silences = new Silences(new InMemorySilenceStore(), clock, Duration.ofHours(120));
  /** Monday to Friday, 09:00 to 17:00 London time. */
  private final TimeIntervals intervals = new TimeIntervals(List.of(new TimeIntervalConfig("business-hours",
      List.of(new TimeIntervalSpec(List.of(new TimeRange(9 * 60, 17 * 60)), List.of(new InclusiveRange(1, 5)),
          List.of(), List.of(), List.of(), ZoneId.of("Europe/London"))),
      new SourceLocation("alertmanager.yml", 50))));
  private final List<Stage> pipeline = MuteStages.inAlertmanagerOrder(inhibitor, intervals, silences, listener);

  private static Alert firing(String... labels) {
    return new Alert(Labels.of(labels), Map.of(), T0.minusSeconds(60), null, "", T0);
  }

  private static FlushContext flush(String receiver, List<String> mute, List<String> active, Instant now) {
    return new FlushContext("{}:{service=\"api\"}", Labels.of("service", "api"), receiver, "{}",
        Duration.ofHours(1), Duration.ofMinutes(5), mute, active, now);
  }

  private List<Alert> run(FlushContext context, List<Alert> alerts) {
    List<Alert> current = alerts;
    for (Stage stage : pipeline) {
      current = stage.apply(context, current);
    }
    return current;
  }

  @Test
  void inhibitedAlertIsDroppedAndReportedWithItsSource() {
    Alert down = firing("alertname", "TTAServiceDown", "service", "api");
    Alert latency = firing("alertname", "TTAHighLatency", "service", "api");
    Alert otherLatency = firing("alertname", "TTAHighLatency", "service", "db");
    inhibitor.onAlerts(List.of(down, latency, otherLatency));

    List<Alert> passed = run(flush("default", List.of(), List.of(), T0), List.of(down, latency, otherLatency));

    assertEquals(List.of(down, otherLatency), passed);
    assertEquals(List.of("inhibited " + latency.fingerprint() + " by " + down.fingerprint() + " rule 0"), listener.events);
  }

  @Test
  void silencedAlertIsDroppedUntilTheSilenceEnds() {
    Alert latency = firing("alertname", "TTAHighLatency", "service", "api");
    String id = silences.set(new SilenceDraft(null, Matchers.parseList("service=\"api\""), T0,
        T0.plus(Duration.ofMinutes(30)), "alice", "deploy"));

    assertEquals(List.of(), run(flush("default", List.of(), List.of(), T0), List.of(latency)));
    assertEquals(List.of("silenced " + latency.fingerprint() + " by [" + id + "]"), listener.events);

    Instant later = T0.plus(Duration.ofMinutes(30));
    assertEquals(List.of(latency), run(flush("default", List.of(), List.of(), later), List.of(latency)));
  }

  @Test
  void anAlertBothInhibitedAndSilencedIsReportedOnlyAsInhibited() {
    Alert down = firing("alertname", "TTAServiceDown", "service", "api");
    Alert latency = firing("alertname", "TTAHighLatency", "service", "api");
    inhibitor.onAlerts(List.of(down));
    silences.set(new SilenceDraft(null, Matchers.parseList("alertname=\"TTAHighLatency\""), T0,
        T0.plusSeconds(600), "alice", "known"));

    run(flush("default", List.of(), List.of(), T0), List.of(latency));

    assertEquals(List.of("inhibited " + latency.fingerprint() + " by " + down.fingerprint() + " rule 0"), listener.events);
  }

  @Test
  void p2EmailIsSentOnlyInBusinessHours() {
    Alert capacity = firing("alertname", "TTACapacityPlanning", "priority", "P2", "service", "api");
    List<String> businessHours = List.of("business-hours");

    // Tuesday 10:00 London (BST, UTC+1).
    assertEquals(List.of(capacity), run(flush("p2-email", List.of(), businessHours, T0), List.of(capacity)));
    // Tuesday 16:59 London passes; 17:00 is outside (the end is exclusive).
    assertEquals(List.of(capacity), run(flush("p2-email", List.of(), businessHours,
        Instant.parse("2024-05-07T15:59:00Z")), List.of(capacity)));
    assertEquals(List.of(), run(flush("p2-email", List.of(), businessHours,
        Instant.parse("2024-05-07T16:00:00Z")), List.of(capacity)));
    // Saturday 10:00 London.
    assertEquals(List.of(), run(flush("p2-email", List.of(), businessHours,
        Instant.parse("2024-05-11T09:00:00Z")), List.of(capacity)));
    // A route without intervals (the P0 pager) is never muted by time.
    assertEquals(List.of(capacity), run(flush("critical-alerts", List.of(), List.of(),
        Instant.parse("2024-05-11T09:00:00Z")), List.of(capacity)));

    assertEquals(List.of(
        "outside active_time_intervals business-hours: 1 alert(s) for p2-email",
        "outside active_time_intervals business-hours: 1 alert(s) for p2-email"), listener.events);
  }

  @Test
  void muteTimeIntervalMutesTheWholeFlushWhileInside() {
    Alert a = firing("alertname", "A", "service", "api");
    Alert b = firing("alertname", "B", "service", "api");
    List<String> mute = List.of("business-hours");

    assertEquals(List.of(), run(flush("default", mute, List.of(), T0), List.of(a, b)));
    assertEquals(List.of("inside mute_time_intervals business-hours: 2 alert(s) for default"), listener.events);
    assertEquals(List.of(a, b), run(flush("default", mute, List.of(),
        Instant.parse("2024-05-11T09:00:00Z")), List.of(a, b)));
  }

  @Test
  void unknownIntervalNameFailsTheFlushInsteadOfGuessing() {
    Alert a = firing("alertname", "A");
    Stage mute = new TimeMuteStage(intervals, listener);
    Stage active = new TimeActiveStage(intervals, listener);

    var e = assertThrows(StageFailedException.class,
        () -> mute.apply(flush("default", List.of("holidays"), List.of(), T0), List.of(a)));
    assertEquals("route {}: time interval \"holidays\" is not defined", e.getMessage());
    assertThrows(StageFailedException.class,
        () -> active.apply(flush("default", List.of(), List.of("holidays"), T0), List.of(a)));
  }

  /** Keeps each decision as one line, so tests compare exactly what was heard. */
  private static final class RecordingListener implements MuteListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void inhibited(FlushContext context, Alert target, InhibitionReason reason) {
      events.add("inhibited " + target.fingerprint() + " by " + reason.source().fingerprint() + " rule " + reason.ruleIndex());
    }

    @Override
    public void silenced(FlushContext context, Alert alert, List<String> silenceIds) {
      events.add("silenced " + alert.fingerprint() + " by " + silenceIds);
    }

    @Override
    public void mutedByTimeInterval(FlushContext context, List<Alert> alerts, TimeMuteReason reason) {
      events.add(reason.describe() + ": " + alerts.size() + " alert(s) for " + context.receiver());
    }
  }
}
