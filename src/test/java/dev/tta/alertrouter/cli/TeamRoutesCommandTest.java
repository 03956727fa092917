package dev.tta.alertrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The routes commands on a config with teams: teams compiled into the tree, alerts classified first. */
class TeamRoutesCommandTest {
  private static final Path TWO_TEAMS = Path.of("src/test/resources/teams/two-teams.yml");
  private static final Path HAND_WRITTEN = Path.of("src/test/resources/teams/two-teams-as-alertmanager.yml");

  private static String receivers(String... labels) {
    List<String> args = new ArrayList<>(List.of("routes", "test", "--config", TWO_TEAMS.toString()));
    args.addAll(List.of(labels));
    CommandRun run = CommandRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    return run.out();
  }

  @Test
  void routesShowDrawsEachTeamAsARouteWithOneChildPerPriorityAndReceiver() {
    CommandRun run = CommandRun.of("routes", "show", "--config", TWO_TEAMS.toString());

    String branch = "│\u00a0\u00a0 ";
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("""
        Routing tree:
        .
        └── default-route  receiver: default
            ├── {alertname="Watchdog"}  receiver: blackhole
            ├── {squad="data-eng"}  receiver: default
            BRANCH└── {priority="P1"}  receiver: slack-data
            └── {team="platform"}  receiver: default
                ├── {priority="P0"}  continue: true  receiver: pagerduty-platform
                ├── {priority="P0"}  receiver: slack-critical
                ├── {priority="P1"}  receiver: slack-platform
                └── {priority="P2"}  receiver: email-platform

        """.replace("BRANCH", branch), run.out());
  }

  @Test
  void compiledTeamsDrawExactlyAsAmtoolDrawsTheSameTreeWrittenByHand() {
    AmtoolRoutes amtool = AmtoolRoutes.require();

    assertEquals(amtool.show(HAND_WRITTEN), CommandRun.of("routes", "show", "--config", TWO_TEAMS.toString()).out());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "team=platform priority=P0 | pagerduty-platform,slack-critical",
    "team=platform priority=P1 | slack-platform",
    "team=platform priority=P2 service=api | email-platform",
    "squad=data-eng priority=P1 | slack-data",
    "squad=data-eng priority=P0 | default",
    "team=payments priority=P0 | default",
    "alertname=X priority=P1 | default",
    "alertname=Watchdog team=platform priority=P0 | blackhole",
  })
  void routesTestAnswersAsAmtoolDoesForTheHandWrittenTree(String labels, String expected) {
    AmtoolRoutes amtool = AmtoolRoutes.require();
    List<String> args = List.of(labels.split(" "));

    assertEquals(expected + "\n", amtool.test(HAND_WRITTEN, args));
    assertEquals(expected + "\n", receivers(args.toArray(String[]::new)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "team=platform severity=critical | pagerduty-platform,slack-critical",
    "team=platform severity=page | pagerduty-platform,slack-critical",
    "team=platform severity=warning | slack-platform",
    "team=platform severity=info | email-platform",
    "team=platform severity=disaster | email-platform",
    "team=platform | email-platform",
    "team=platform severity=critical priority=P1 | slack-platform",
    "team=platform severity=warning priority=urgent | slack-platform",
    "squad=data-eng severity=critical | default",
    "team=payments severity=critical | default",
    "alertname=X severity=critical | default",
  })
  void routesTestClassifiesTheAlertBeforeRoutingIt(String labels, String expected) {
    assertEquals(expected + "\n", receivers(labels.split(" ")));
  }

  @Test
  void routesTestTreeDrawsTheMatchingPriorityRoute() {
    String out = receivers("--tree", "team=platform", "severity=warning");

    assertEquals("""
        Matching routes:
        .
        └── default-route
            └── {team="platform"}
                └── {priority="P1"}  receiver: slack-platform


        slack-platform
        """, out);
  }
}
