package dev.tta.alertrouter.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.config.RouteConfig;
import dev.tta.alertrouter.config.SeverityConfig;
import dev.tta.alertrouter.routing.Route;
import dev.tta.alertrouter.routing.RouteTree;
import dev.tta.alertrouter.severity.SeverityClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the verdicts every copy of an alert gets fold into its story, and what explain shows of them. */
class VerdictFoldingTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @TempDir Path dir;

  private final Labels labels = Labels.of("alertname", "A", "severity", "critical");
  private final Alert alert = new Alert(labels, Map.of(), T0, T0.plusSeconds(240), "", T0);

  private RouteConfig routes() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yml"), """
        route:
          receiver: default
          routes:
            - {matchers: ['severity="critical"'], receiver: pager}
        receivers: [{name: default}, {name: pager}]
        """);
    return new ConfigLoader(Map.of()).load(file).config().route();
  }

  private List<Verdict> routed(Route route) {
    return List.of(
        Verdicts.priority(new SeverityClassifier(SeverityConfig.defaults()).classify(labels)),
        Verdicts.team("none"),
        Verdicts.route(route),
        Verdicts.group("{}/{severity=\"critical\"}:{}", route.receiver()));
  }

  @Test
  void everyResendOfTheSameVerdictsFoldsIntoOneLineEachWithItsCountAndLastTime() throws Exception {
    ExplainRecorder recorder = new ExplainRecorder(10);
    Route pager = RouteTree.of(routes()).match(labels).get(0);

    for (int resend = 0; resend < 3; resend++) {
      Instant at = T0.plusSeconds(15L * resend);
      assertEquals(resend > 0, recorder.record(alert, at, Verdicts.received(alert, at)));
      recorder.record(alert, at, routed(pager));
    }

    List<Decision> story = recorder.explain(alert.fingerprint()).orElseThrow().decisions();
    assertEquals(List.of(DecisionStage.RECEIVED, DecisionStage.PRIORITY, DecisionStage.TEAM, DecisionStage.ROUTE,
        DecisionStage.GROUP), story.stream().map(Decision::stage).toList());
    for (Decision d : story) {
      assertEquals(3, d.times(), d.toString());
      assertEquals(T0, d.at(), d.toString());
      assertEquals(T0.plusSeconds(30), d.lastAt(), d.toString());
    }
    assertEquals(Decisions.route(pager, T0).summary(), story.get(3).summary());
  }

  @Test
  void aRouteOfAReloadedTreeThatReadsTheSameFoldsIntoTheEarlierLine() throws Exception {
    ExplainRecorder recorder = new ExplainRecorder(10);
    Route before = RouteTree.of(routes()).match(labels).get(0);
    Route reloaded = RouteTree.of(routes()).match(labels).get(0);
    assertNotSame(before, reloaded);

    recorder.record(alert, T0, Verdicts.route(before));

    assertTrue(recorder.record(alert, T0.plusSeconds(15), Verdicts.route(reloaded)));
    assertTrue(recorder.record(alert, T0.plusSeconds(30), Verdicts.route(reloaded)));
    assertEquals(3, recorder.explain(alert.fingerprint()).orElseThrow().decisions().get(0).times());
  }

  @Test
  void aVerdictAndADecisionInTheSameWordsFoldIntoEachOther() {
    ExplainRecorder recorder = new ExplainRecorder(10);

    recorder.record(alert, Decisions.team("storage", T0));

    assertTrue(recorder.record(alert, T0.plusSeconds(15), Verdicts.team("storage")));
    assertFalse(recorder.record(alert, T0.plusSeconds(30), Verdicts.team("none")), "another team is news");
  }

  @Test
  void aCopyThatStartedAgainOrResolvedIsNews() {
    ExplainRecorder recorder = new ExplainRecorder(10);
    Alert restarted = new Alert(labels, Map.of(), T0.plusSeconds(600), T0.plusSeconds(900), "", T0.plusSeconds(600));
    Alert resolved = new Alert(labels, Map.of(), T0.plusSeconds(600), T0.plusSeconds(660), "", T0.plusSeconds(700));

    recorder.record(alert, T0, Verdicts.received(alert, T0));

    assertFalse(recorder.record(restarted, T0.plusSeconds(600), Verdicts.received(restarted, T0.plusSeconds(600))));
    assertFalse(recorder.record(resolved, T0.plusSeconds(700), Verdicts.received(resolved, T0.plusSeconds(700))));
    assertTrue(recorder.record(resolved, T0.plusSeconds(715), Verdicts.received(resolved, T0.plusSeconds(715))));
    List<Decision> story = recorder.explain(alert.fingerprint()).orElseThrow().decisions();
    assertEquals("received resolved, started 2026-11-25T10:10:00Z, ended 2026-11-25T10:11:00Z", story.get(2).summary());
    assertEquals(2, story.get(2).times());
  }

  @Test
  void anExplanationTakenEarlierKeepsWhatItShowedWhileTheStoryGoesOn() {
    ExplainRecorder recorder = new ExplainRecorder(10);
    recorder.record(alert, T0, Verdicts.team("none"));
    Explanation earlier = recorder.explain(alert.fingerprint()).orElseThrow();

    recorder.record(alert, T0.plusSeconds(15), Verdicts.team("none"));

    assertEquals(1, earlier.decisions().get(0).times());
    assertEquals(T0, earlier.decisions().get(0).lastAt());
    assertEquals(2, recorder.explain(alert.fingerprint()).orElseThrow().decisions().get(0).times());
  }
}
