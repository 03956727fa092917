package dev.tta.alertrouter.routing;

import static dev.tta.alertrouter.routing.RouteBuilder.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.config.RouteConfig;
import dev.tta.alertrouter.config.SourceLocation;
import dev.tta.alertrouter.config.TeamConfig;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TeamRoutesTest {
  private static final SourceLocation PLATFORM_AT = new SourceLocation("teams/platform.yml", 3);

  private static TeamConfig platform() {
    Map<Priority, List<String>> receivers = new EnumMap<>(Priority.class);
    receivers.put(Priority.P0, List.of("pagerduty", "slack-critical"));
    receivers.put(Priority.P1, List.of("slack-platform"));
    receivers.put(Priority.P2, List.of("email-platform"));
    return new TeamConfig("platform", "team", "platform", receivers, List.of("alertname"),
        Duration.ofSeconds(5), null, Duration.ofMinutes(30), PLATFORM_AT);
  }

  /** Only P1 is routed by this team, on its own label. */
  private static TeamConfig data() {
    return new TeamConfig("data", "squad", "data-eng", Map.of(Priority.P1, List.of("slack-data")), null, null, null,
        null, new SourceLocation("teams/data.yml", 2));
  }

  private static Map<String, TeamConfig> teams(TeamConfig... teams) {
    Map<String, TeamConfig> map = new LinkedHashMap<>();
    for (TeamConfig t : teams) {
      map.put(t.name(), t);
    }
    return map;
  }

  private static RouteConfig seedLikeRoot() {
    return route("default").groupBy("alertname", "cluster", "service").groupWait(Duration.ofSeconds(10))
        .routes(route("critical-alerts", "severity=\"critical\"").groupWait(Duration.ofSeconds(0))).build();
  }

  private static RouteTree compiled(TeamConfig... teams) {
    return RouteTree.of(TeamRoutes.compile(seedLikeRoot(), teams(teams)));
  }

  private static Labels alert(String... labels) {
    return Labels.of(labels);
  }

  @Test
  void eachPriorityReachesTheTeamsReceiversForIt() {
    RouteTree tree = compiled(platform(), data());

    assertEquals(List.of("slack-platform"), tree.receivers(alert("team", "platform", "priority", "P1")));
    assertEquals(List.of("email-platform"), tree.receivers(alert("team", "platform", "priority", "P2")));
    assertEquals(List.of("slack-data"), tree.receivers(alert("squad", "data-eng", "priority", "P1")));
  }

  @Test
  void severalReceiversForAPriorityAreAllReachedThroughContinue() {
    RouteTree tree = compiled(platform());

    assertEquals(List.of("pagerduty", "slack-critical"), tree.receivers(alert("team", "platform", "priority", "P0")));
    Route team = tree.root().children().get(1);
    assertEquals(List.of(true, false, false, false),
        team.children().stream().map(Route::continueMatching).toList());
  }

  @Test
  void teamTimingAndGroupingAreInheritedByItsPriorityRoutes() {
    RouteTree tree = compiled(platform());

    RouteOptions p2 = tree.match(alert("team", "platform", "priority", "P2")).get(0).options();
    assertEquals(List.of("alertname"), p2.groupBy());
    assertEquals(Duration.ofSeconds(5), p2.groupWait());
    assertEquals(RouteTree.DEFAULT_GROUP_INTERVAL, p2.groupInterval(), "unset on the team: the root's");
    assertEquals(Duration.ofMinutes(30), p2.repeatInterval());
  }

  @Test
  void teamWithoutTimingInheritsTheRoots() {
    RouteTree tree = compiled(data());

    RouteOptions p1 = tree.match(alert("squad", "data-eng", "priority", "P1")).get(0).options();
    assertEquals(List.of("alertname", "cluster", "service"), p1.groupBy());
    assertEquals(Duration.ofSeconds(10), p1.groupWait());
  }

  @Test
  void unknownTeamTakesTheDefaultRoute() {
    assertEquals(List.of("default"), compiled(platform()).receivers(alert("team", "payments", "priority", "P0")));
  }

  @Test
  void alertWithoutTeamTakesTheDefaultRoute() {
    assertEquals(List.of("default"), compiled(platform()).receivers(alert("alertname", "X", "priority", "P1")));
  }

  @Test
  void priorityTheTeamDoesNotRouteStaysOnTheTeamRouteWithTheDefaultReceiver() {
    List<Route> routes = compiled(data()).match(alert("squad", "data-eng", "priority", "P0"));

    assertEquals(1, routes.size());
    assertEquals("default", routes.get(0).receiver());
    assertEquals("{}/{squad=\"data-eng\"}", routes.get(0).key());
  }

  @Test
  void routesWrittenUnderRouteComeFirstAndKeepPrecedence() {
    RouteTree tree = compiled(platform());

    assertEquals(List.of("critical-alerts"), tree.receivers(alert("team", "platform", "severity", "critical", "priority", "P0")));
    assertEquals(List.of("{}/{severity=\"critical\"}", "{}/{team=\"platform\"}"),
        tree.root().children().stream().map(Route::key).toList());
  }

  @Test
  void teamsAreCompiledInNameOrderWithTheirSourceLocation() {
    RouteConfig root = TeamRoutes.compile(route("default").build(), teams(platform(), data()));

    assertEquals(List.of("squad", "team"), root.routes().stream().map(r -> r.matchers().get(0).name()).toList());
    assertEquals(PLATFORM_AT, root.routes().get(1).location());
    assertTrue(root.routes().get(1).routes().stream().allMatch(r -> r.location().equals(PLATFORM_AT)));
  }

  @Test
  void teamWithOneReceiverForEveryPriorityIsOneRouteSoItsAlertsGroupTogether() {
    Map<Priority, List<String>> same = new EnumMap<>(Priority.class);
    for (Priority p : Priority.values()) {
      same.put(p, List.of("platform-team"));
    }
    TeamConfig team = new TeamConfig("platform", "team", "platform", same, null, null, null, null, PLATFORM_AT);
    RouteTree tree = RouteTree.of(TeamRoutes.compile(seedLikeRoot(), teams(team)));

    Route teamRoute = tree.root().children().get(1);
    assertTrue(teamRoute.children().isEmpty());
    assertEquals("platform-team", teamRoute.receiver());
    assertSame(teamRoute, tree.match(alert("team", "platform", "priority", "P1")).get(0));
    assertSame(teamRoute, tree.match(alert("team", "platform", "priority", "P2")).get(0));
  }

  @Test
  void withoutTeamsTheTreeIsUnchanged() {
    RouteConfig root = seedLikeRoot();
    assertSame(root, TeamRoutes.compile(root, Map.of()));
  }

  @Test
  void emptyTeamValueIsRefusedBecauseItWouldTakeEveryAlertWithoutTheLabel() {
    TeamConfig blank = new TeamConfig("blank", "team", "", Map.of(Priority.P0, List.of("x")), null, null, null, null,
        PLATFORM_AT);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TeamRoutes.compile(seedLikeRoot(), teams(blank)));
    assertTrue(e.getMessage().contains("teams/platform.yml:3"), e.getMessage());
  }

  @Test
  void teamOfNamesTheOwningTeam() {
    TeamRoutes teams = new TeamRoutes(teams(platform(), data()));

    assertEquals(Optional.of("platform"), teams.teamOf(alert("team", "platform")));
    assertEquals(Optional.of("data"), teams.teamOf(alert("squad", "data-eng")));
    assertEquals(Optional.empty(), teams.teamOf(alert("team", "payments")));
    assertFalse(teams.teamOf(alert("alertname", "X")).isPresent());
  }

  @Test
  void countAsIsBoundedToTeamNamesNoneAndUnknown() {
    TeamRoutes teams = new TeamRoutes(teams(platform(), data()));

    assertEquals("platform", teams.countAs(alert("team", "platform")));
    assertEquals(TeamRoutes.UNKNOWN_TEAM, teams.countAs(alert("team", "payments")));
    assertEquals(TeamRoutes.UNKNOWN_TEAM, teams.countAs(alert("squad", "nobody")));
    assertEquals(TeamRoutes.NO_TEAM, teams.countAs(alert("alertname", "X")));
    assertEquals(TeamRoutes.NO_TEAM, teams.countAs(alert("team", "")));
  }
}
