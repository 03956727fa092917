package dev.tta.alertrouter.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.config.LoadResult;
import dev.tta.alertrouter.config.SeverityConfig;
import dev.tta.alertrouter.routing.Route;
import dev.tta.alertrouter.routing.RouteTree;
import dev.tta.alertrouter.severity.SeverityClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact words of the decisions every copy of an alert gets (receipt, priority, team, route,
 * group): explain and the debug log show them, so they must not drift.
 */
class IntakeDecisionWordsTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @TempDir Path dir;

  private static Map<String, String> ordered(String... keyValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  private static void assertWords(Decision d, DecisionStage stage, String subject, String summary,
      Map<String, String> details) {
    assertEquals(stage, d.stage());
    assertEquals(subject, d.subject());
    assertEquals(summary, d.summary());
    assertEquals(List.copyOf(details.entrySet()), List.copyOf(d.details().entrySet()), "details, in order");
  }

  @Test
  void aReceiptNamesItsStatusAndStartAndTheEndOnlyOnceResolved() {
    Alert firing = new Alert(Labels.of("alertname", "A"), Map.of(), T0, T0.plusSeconds(300), "", T0);
    Alert resolved = new Alert(Labels.of("alertname", "A"), Map.of(), T0, T0.plusSeconds(60), "", T0);

    assertWords(Decisions.received(firing, T0.plusSeconds(60)), DecisionStage.RECEIVED, "",
        "received firing, started 2026-11-25T10:00:00Z",
        ordered("status", "firing", "starts_at", "2026-11-25T10:00:00Z"));
    assertWords(Decisions.received(resolved, T0.plusSeconds(60)), DecisionStage.RECEIVED, "",
        "received resolved, started 2026-11-25T10:00:00Z, ended 2026-11-25T10:01:00Z",
        ordered("status", "resolved", "starts_at", "2026-11-25T10:00:00Z", "ends_at", "2026-11-25T10:01:00Z"));
  }

  @Test
  void aPriorityNamesWhyItWasGiven() {
    SeverityClassifier classifier = new SeverityClassifier(SeverityConfig.defaults());

    assertWords(Decisions.priority(classifier.classify(Labels.of("severity", "critical")), T0), DecisionStage.PRIORITY, "",
        "priority P0: severity \"critical\" maps to it",
        ordered("priority", "P0", "reason", "severity_level", "severity", "critical"));
    assertWords(Decisions.priority(classifier.classify(Labels.of("alertname", "A")), T0), DecisionStage.PRIORITY, "",
        "priority P2: no severity label, so the default", ordered("priority", "P2", "reason", "default"));
    assertWords(Decisions.priority(classifier.classify(Labels.of("severity", "bad")), T0), DecisionStage.PRIORITY, "",
        "priority P2: severity \"bad\" names no level, so the default",
        ordered("priority", "P2", "reason", "default", "severity", "bad"));
    assertWords(Decisions.priority(classifier.classify(Labels.of("priority", "P1")), T0), DecisionStage.PRIORITY, "",
        "priority P1: its own priority label", ordered("priority", "P1", "reason", "explicit_label"));
    assertWords(Decisions.priority(classifier.classify(Labels.of("priority", "urgent", "severity", "warning")), T0),
        DecisionStage.PRIORITY, "",
        "priority P1: severity \"warning\" maps to it (its invalid priority \"urgent\" was replaced)",
        ordered("priority", "P1", "reason", "severity_level", "severity", "warning", "replaced_priority", "urgent"));
  }

  @Test
  void aTeamSaysWhoOwnsTheAlertOrWhyNobodyDoes() {
    assertWords(Decisions.team("storage", T0), DecisionStage.TEAM, "", "team storage", ordered("team", "storage"));
    assertWords(Decisions.team("none", T0), DecisionStage.TEAM, "", "no team: the alert has no team label",
        ordered("team", "none"));
    assertWords(Decisions.team("unknown", T0), DecisionStage.TEAM, "", "no team: no configured team claims its team label",
        ordered("team", "unknown"));
  }

  @Test
  void aRouteAndItsGroupNameTheMatchersTheReceiverAndWhereTheRouteWasWritten() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yml"), """
        route:
          receiver: default
          group_by: [alertname]
          routes:
            - matchers: ['severity="critical"', 'service=~"api|web"']
              receiver: pager
              continue: true
              routes:
                - matchers: ['team="db"']
                  receiver: dba
        receivers: [{name: default}, {name: pager}, {name: dba}]
        """);
    LoadResult loaded = new ConfigLoader(Map.of()).load(file);
    RouteTree tree = RouteTree.of(loaded.config().route());
    Route pager = tree.match(Labels.of("severity", "critical", "service", "api")).get(0);
    Route root = tree.match(Labels.of("alertname", "A")).get(0);

    assertWords(Decisions.route(pager, T0), DecisionStage.ROUTE, "{}/{service=~\"api|web\",severity=\"critical\"}/0",
        "route {}/{service=~\"api|web\",severity=\"critical\"} to receiver pager: matched"
            + " {service=~\"api|web\",severity=\"critical\"} (" + file + ":5), and no route below it matched",
        ordered("route", "{}/{service=~\"api|web\",severity=\"critical\"}/0", "receiver", "pager",
            "matchers", "{service=~\"api|web\",severity=\"critical\"}", "continue", "true", "location", file + ":5"));
    assertWords(Decisions.route(root, T0), DecisionStage.ROUTE, "{}",
        "route {} to receiver default: no matchers of its own (" + file + ":1), and no route below it matched",
        ordered("route", "{}", "receiver", "default", "matchers", "{}", "continue", "false", "location", file + ":1"));
    assertWords(Decisions.group("{}:{alertname=\"A\"}", "default", T0), DecisionStage.GROUP, "{}:{alertname=\"A\"}",
        "group {}:{alertname=\"A\"} for receiver default",
        ordered("group_key", "{}:{alertname=\"A\"}", "receiver", "default"));
  }
}
