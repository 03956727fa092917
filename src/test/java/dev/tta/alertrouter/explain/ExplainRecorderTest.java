package dev.tta.alertrouter.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.notify.DeliveryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainRecorderTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private static Alert alert(String... labels) {
    return new Alert(Labels.of(labels), Map.of(), T0, null, "", T0);
  }

  private static Decision team(String team, Instant at) {
    return Decisions.team(team, at);
  }

  private static Decision sent(Instant at) {
    return Decisions.notification(new DeliveryEvent("default", "webhook", 0, "{}:{}", DeliveryEvent.Result.SENT, 1,
        Duration.ofMillis(3), ""), at);
  }

  @Test
  void keepsDecisionsInTheOrderTakenUnderTheFingerprintTheAlertArrivedWith() {
    ExplainRecorder recorder = new ExplainRecorder(10);
    Alert arrived = alert("alertname", "A");
    Alert routed = arrived.withDerivedLabels(arrived.labels().with("priority", "P2"));

    recorder.record(arrived, Decisions.received(arrived, T0));
    recorder.record(routed, team("none", T0.plusSeconds(1)));

    Explanation e = recorder.explain(arrived.fingerprint()).orElseThrow();
    assertEquals(List.of(DecisionStage.RECEIVED, DecisionStage.TEAM), e.decisions().stream().map(Decision::stage).toList());
    assertEquals("P2", e.labels().get("priority"), "the labels as last routed");
    assertTrue(recorder.explain(routed.labels().fingerprint()).isEmpty(), "not under the routed labels' fingerprint");
  }

  @Test
  void aRepeatedDecisionFoldsIntoTheLatestAboutTheSameSubjectAndSaysSo() {
    ExplainRecorder recorder = new ExplainRecorder(10);
    Alert a = alert("alertname", "A");

    assertFalse(recorder.record(a, team("none", T0)));
    assertTrue(recorder.record(a, team("none", T0.plusSeconds(30))));
    assertFalse(recorder.record(a, team("storage", T0.plusSeconds(60))), "a changed decision is news");
    assertFalse(recorder.record(a, team("none", T0.plusSeconds(90))), "changed back: news again, in order");

    List<Decision> d = recorder.explain(a.fingerprint()).orElseThrow().decisions();
    assertEquals(3, d.size());
    assertEquals(2, d.get(0).times());
    assertEquals(T0.plusSeconds(30), d.get(0).lastAt());
    assertEquals("team storage", d.get(1).summary());
    assertEquals("no team: the alert has no team label", d.get(2).summary());
  }

  @Test
  void everyNotificationIsKeptAsItsOwnLine() {
    ExplainRecorder recorder = new ExplainRecorder(10);
    Alert a = alert("alertname", "A");

    recorder.record(a, sent(T0));
    recorder.record(a, sent(T0.plusSeconds(300)));

    assertEquals(2, recorder.explain(a.fingerprint()).orElseThrow().decisions().size());
  }

  @Test
  void aLongStoryLetsItsOldestNotificationsGoFirstAndCountsThem() {
    ExplainRecorder recorder = new ExplainRecorder(10, 4);
    Alert a = alert("alertname", "A");
    recorder.record(a, Decisions.received(a, T0));
    recorder.record(a, team("none", T0));

    for (int i = 0; i < 5; i++) {
      recorder.record(a, sent(T0.plusSeconds(60L * i)));
    }

    Explanation e = recorder.explain(a.fingerprint()).orElseThrow();
    assertEquals(List.of(DecisionStage.RECEIVED, DecisionStage.TEAM, DecisionStage.NOTIFICATION, DecisionStage.NOTIFICATION),
        e.decisions().stream().map(Decision::stage).toList());
    assertEquals(T0.plusSeconds(240), e.decisions().get(3).at(), "the newest notifications stay");
    assertEquals(3, e.droppedDecisions());
  }

  @Test
  void remembersAtMostItsCapacityOfAlerts() {
    ExplainRecorder recorder = new ExplainRecorder(2);

    for (int i = 0; i < 5; i++) {
      Alert a = alert("alertname", "A", "instance", Integer.toString(i));
      recorder.record(a, Decisions.received(a, T0));
    }

    assertEquals(2, recorder.size());
  }

  @Test
  void aKeepAliveWithANewEndFoldsIntoTheFirstReceipt() {
    ExplainRecorder recorder = new ExplainRecorder(10);
    Alert pushed = new Alert(Labels.of("alertname", "A"), Map.of(), T0, T0.plusSeconds(60), "", T0);
    Alert again = new Alert(Labels.of("alertname", "A"), Map.of(), T0, T0.plusSeconds(75), "", T0.plusSeconds(15));

    recorder.record(pushed, Decisions.received(pushed, T0));

    assertTrue(recorder.record(again, Decisions.received(again, T0.plusSeconds(15))));
  }

  @Test
  void repeatsWhenFullFoldIntoRememberedStoriesAndEvictNone() {
    ExplainRecorder recorder = new ExplainRecorder(2);
    Alert a = alert("alertname", "A");
    Alert b = alert("alertname", "B");
    Alert c = alert("alertname", "C");
    recorder.record(a, T0, Verdicts.team("none"));
    recorder.record(b, T0, Verdicts.team("none"));

    // C only resends while A and B fill the record: it gets no story, and A's and B's stay.
    for (int resend = 1; resend <= 3; resend++) {
      Instant at = T0.plusSeconds(60L * resend);
      assertTrue(recorder.recordRepeat(c, at, Verdicts.team("none")), "a repeat not recorded tells nothing new");
      recorder.recordRepeat(a, at, List.of(Verdicts.team("none")));
      assertTrue(recorder.recordRepeat(b, at, Verdicts.team("none")));
    }

    assertTrue(recorder.explain(c.fingerprint()).isEmpty());
    assertEquals(4, recorder.explain(a.fingerprint()).orElseThrow().decisions().get(0).times());
    assertEquals(4, recorder.explain(b.fingerprint()).orElseThrow().decisions().get(0).times());
    // News still gets a story, evicting as before.
    assertFalse(recorder.record(c, T0.plusSeconds(300), Verdicts.team("storage")));
    assertTrue(recorder.explain(c.fingerprint()).isPresent());
  }

  @Test
  void aRepeatStartsAStoryWhileThereIsRoom() {
    ExplainRecorder recorder = new ExplainRecorder(2);
    Alert a = alert("alertname", "A");

    assertFalse(recorder.recordRepeat(a, T0, Verdicts.team("none")), "the first decision in a new story is news");
    recorder.recordRepeat(a, T0.plusSeconds(60), List.of(Verdicts.team("none")));

    Decision only = recorder.explain(a.fingerprint()).orElseThrow().decisions().get(0);
    assertEquals(2, only.times());
    assertEquals(T0.plusSeconds(60), only.lastAt());
  }
}
