package dev.tta.alertrouter.routing;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.config.RouteConfig;
import dev.tta.alertrouter.config.TeamConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the {@code teams:} section into ordinary routes, so that the route tree, {@code routes show}
 * and {@code routes test} need to know nothing about teams.
 *
 * <p>Each team becomes one route matching {@code label="value"} with the team's grouping and timing,
 * holding one child per priority and receiver ({@code priority="P0"} → receiver; several receivers
 * are siblings with {@code continue} on all but the last, so each is reached). The team routes come
 * after the routes written under {@code route:}, so a route written there (the seed's {@code
 * severity="critical"} route) keeps precedence, exactly as in the Alertmanager tree the teams
 * replace. An alert of a team without receivers for its priority stays on the team route and so
 * reaches the inherited receiver, normally the root's default.
 */
public final class TeamRoutes {
  /** {@link #countAs} for an alert that carries no team label. */
  public static final String NO_TEAM = "none";
  /** {@link #countAs} for an alert whose team label names no configured team. */
  public static final String UNKNOWN_TEAM = "unknown";

  private final List<TeamConfig> teams;
  private final Set<String> teamLabels;

  /** For asking which team owns an alert; {@code teams} by name, as {@code RouterConfig.teams()}. */
  public TeamRoutes(Map<String, TeamConfig> teams) {
    this.teams = sortedByName(teams);
    Set<String> labels = new LinkedHashSet<>();
    labels.add(TeamConfig.DEFAULT_LABEL);
    this.teams.forEach(t -> labels.add(t.label()));
    this.teamLabels = Set.copyOf(labels);
  }

  /**
   * A copy of {@code root} whose children are its own routes, unchanged, followed by one route per
   * team in team-name order. Without teams, {@code root} itself.
   *
   * @throws IllegalArgumentException when a team's value is empty: its route would take every alert
   *     that lacks the label
   */
  public static RouteConfig compile(RouteConfig root, Map<String, TeamConfig> teams) {
    Objects.requireNonNull(root, "root");
    if (teams.isEmpty()) {
      return root;
    }
    List<RouteConfig> children = new ArrayList<>(root.routes());
    for (TeamConfig team : sortedByName(teams)) {
      children.add(teamRoute(team));
    }
    return root.withRoutes(children);
  }

  /** The team whose route an alert's team label selects (the first by name if several could), if any. */
  public Optional<String> teamOf(Labels labels) {
    for (TeamConfig team : teams) {
      if (team.value().equals(labels.get(team.label()))) {
        return Optional.of(team.name());
      }
    }
    return Optional.empty();
  }

  /**
   * A bounded value for a metric label: the team's name, {@link #UNKNOWN_TEAM} when the alert has a
   * team label (by default {@code team}, or any label a team is keyed on) that no team claims, else
   * {@link #NO_TEAM}. The unclaimed value itself is never returned: alerts choose it.
   */
  public String countAs(Labels labels) {
    Optional<String> team = teamOf(labels);
    if (team.isPresent()) {
      return team.get();
    }
    for (String label : teamLabels) {
      if (!labels.getOrEmpty(label).isEmpty()) {
        return UNKNOWN_TEAM;
      }
    }
    return NO_TEAM;
  }

  private static RouteConfig teamRoute(TeamConfig team) {
    if (team.value().isEmpty()) {
      throw new IllegalArgumentException(
          "team " + team.name() + " (" + team.location() + "): an empty " + team.label() + " value would take every alert without it");
    }
    List<Matcher> matchers = List.of(Matcher.equal(team.label(), team.value()));
    String single = sameSingleReceiverForEveryPriority(team);
    List<RouteConfig> children = new ArrayList<>();
    if (single == null) {
      for (Priority p : Priority.values()) {
        List<String> receivers = team.receivers().getOrDefault(p, List.of());
        for (int i = 0; i < receivers.size(); i++) {
          children.add(leaf(receivers.get(i), p, i < receivers.size() - 1, team));
        }
      }
    }
    // A team with one receiver for everything stays one route: its alerts then group together
    // whatever their priority, as under a hand-written team="..." route.
    return new RouteConfig(single, team.groupBy(), matchers, false, team.groupWait(), team.groupInterval(),
        team.repeatInterval(), List.of(), List.of(), children, team.location());
  }

  private static RouteConfig leaf(String receiver, Priority priority, boolean continueMatching, TeamConfig team) {
    return new RouteConfig(receiver, null, List.of(Matcher.equal(Priority.LABEL, priority.name())), continueMatching,
        null, null, null, List.of(), List.of(), List.of(), team.location());
  }

  private static String sameSingleReceiverForEveryPriority(TeamConfig team) {
    List<String> first = team.receivers().get(Priority.P0);
    if (first == null || first.size() != 1) {
      return null;
    }
    for (Priority p : Priority.values()) {
      if (!first.equals(team.receivers().get(p))) {
        return null;
      }
    }
    return first.get(0);
  }

  private static List<TeamConfig> sortedByName(Map<String, TeamConfig> teams) {
    return teams.values().stream().sorted(Comparator.comparing(TeamConfig::name)).toList();
  }
}
