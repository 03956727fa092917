package dev.tta.alertrouter.config;

import dev.tta.alertrouter.alert.Matcher;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One node of the route tree exactly as written (Alertmanager's {@code route:}). Null means "not set
 * here, inherit from the parent" (the routing package applies inheritance and Alertmanager's
 * defaults); the loader has already validated every value.
 *
 * @param receiver receiver name, or null to inherit (required on the root)
 * @param groupBy label names, or null to inherit; {@code ["..."]} means group by all labels
 * @param matchers from {@code match} (sorted by name), {@code match_re} (sorted by name), then
 *     {@code matchers} (sorted by name, value, type, as Alertmanager's config loading sorts them),
 *     in that order, as Alertmanager's {@code NewRoute} collects them
 * @param continueMatching {@code continue}
 * @param groupWait null to inherit
 * @param groupInterval null to inherit
 * @param repeatInterval null to inherit
 * @param muteTimeIntervals names of time intervals that mute this route
 * @param activeTimeIntervals names of time intervals outside which this route is muted
 * @param routes child routes in order
 * @param shadow {@code shadow: true}: its notifications (and those of the routes below) are recorded, not sent
 * @param escalate escalation steps, or null to inherit (an empty list stops inheriting them)
 * @param location where this route starts in its file
 * @param flapping the {@code flapping:} block, or null to inherit
 * @param resolve the {@code resolve:} block, or null to inherit
 */
public record RouteConfig(
    String receiver,
    List<String> groupBy,
    List<Matcher> matchers,
    boolean continueMatching,
    Duration groupWait,
    Duration groupInterval,
    Duration repeatInterval,
    List<String> muteTimeIntervals,
    List<String> activeTimeIntervals,
    List<RouteConfig> routes,
    boolean shadow,
    SourceLocation location,
    List<EscalationStep> escalate,
    FlappingRule flapping,
    ResolveRule resolve) {

  public RouteConfig {
    groupBy = groupBy == null ? null : List.copyOf(groupBy);
    matchers = List.copyOf(Objects.requireNonNull(matchers, "matchers"));
    muteTimeIntervals = List.copyOf(Objects.requireNonNull(muteTimeIntervals, "muteTimeIntervals"));
    activeTimeIntervals = List.copyOf(Objects.requireNonNull(activeTimeIntervals, "activeTimeIntervals"));
    routes = List.copyOf(Objects.requireNonNull(routes, "routes"));
    Objects.requireNonNull(location, "location");
    escalate = escalate == null ? null : List.copyOf(escalate);
  }

  /** A route that inherits its flapping and resolve rules. */
  /** This route with {@code children} in place of its routes, every other setting kept. */
  public RouteConfig withRoutes(List<RouteConfig> children) {
    return new RouteConfig(receiver, groupBy, matchers, continueMatching, groupWait, groupInterval, repeatInterval,
        muteTimeIntervals, activeTimeIntervals, children, shadow, location, escalate, flapping, resolve);
  }

  public RouteConfig(String receiver, List<String> groupBy, List<Matcher> matchers, boolean continueMatching,
      Duration groupWait, Duration groupInterval, Duration repeatInterval, List<String> muteTimeIntervals,
      List<String> activeTimeIntervals, List<RouteConfig> routes, boolean shadow, SourceLocation location,
      List<EscalationStep> escalate) {
    this(receiver, groupBy, matchers, continueMatching, groupWait, groupInterval, repeatInterval, muteTimeIntervals,
        activeTimeIntervals, routes, shadow, location, escalate, null, null);
  }

  /** A route that inherits its escalation steps and is not a shadow. */
  public RouteConfig(String receiver, List<String> groupBy, List<Matcher> matchers, boolean continueMatching,
      Duration groupWait, Duration groupInterval, Duration repeatInterval, List<String> muteTimeIntervals,
      List<String> activeTimeIntervals, List<RouteConfig> routes, SourceLocation location) {
    this(receiver, groupBy, matchers, continueMatching, groupWait, groupInterval, repeatInterval, muteTimeIntervals,
        activeTimeIntervals, routes, false, location, null);
  }

  /** A route that is not a shadow. */
  public RouteConfig(String receiver, List<String> groupBy, List<Matcher> matchers, boolean continueMatching,
      Duration groupWait, Duration groupInterval, Duration repeatInterval, List<String> muteTimeIntervals,
      List<String> activeTimeIntervals, List<RouteConfig> routes, SourceLocation location,
      List<EscalationStep> escalate) {
    this(receiver, groupBy, matchers, continueMatching, groupWait, groupInterval, repeatInterval, muteTimeIntervals,
        activeTimeIntervals, routes, false, location, escalate);
  }

  /** A route that inherits its escalation steps. */
  public RouteConfig(String receiver, List<String> groupBy, List<Matcher> matchers, boolean continueMatching,
      Duration groupWait, Duration groupInterval, Duration repeatInterval, List<String> muteTimeIntervals,
      List<String> activeTimeIntervals, List<RouteConfig> routes, boolean shadow, SourceLocation location) {
    this(receiver, groupBy, matchers, continueMatching, groupWait, groupInterval, repeatInterval, muteTimeIntervals,
        activeTimeIntervals, routes, shadow, location, null);
  }
}
