package dev.tta.alertrouter.routing;

import dev.tta.alertrouter.config.EscalationStep;
import dev.tta.alertrouter.config.FlappingRule;
import dev.tta.alertrouter.config.ResolveRule;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a route does with the alerts it takes, after inheritance and defaults (Alertmanager's {@code
 * RouteOpts}).
 *
 * @param receiver the receiver's name
 * @param groupBy label names to group by, distinct, in the order the config wrote them
 * @param groupByAll {@code group_by: ['...']}: group by every label. As in Alertmanager, {@code groupBy}
 *     keeps what was inherited beside it; the dispatcher must check this flag first.
 * @param groupWait wait before the first notification of a new group
 * @param groupInterval wait before notifying a group again after it changed
 * @param repeatInterval wait before resending an unchanged group
 * @param muteTimeIntervals time intervals during which this route is muted (not inherited)
 * @param activeTimeIntervals time intervals outside which this route is muted (not inherited)
 * @param escalate who else is notified when a group stays unacknowledged (inherited)
 * @param shadow {@code shadow: true} here or on a parent: its notifications are recorded, not sent
 * @param flapping flap detection (inherited; {@link FlappingRule#OFF} by default)
 * @param resolve what happens to resolves whose firing was muted or never sent (inherited;
 *     {@link ResolveRule#DEFAULT}, Alertmanager's behaviour)
 */
public record RouteOptions(
    String receiver,
    List<String> groupBy,
    boolean groupByAll,
    Duration groupWait,
    Duration groupInterval,
    Duration repeatInterval,
    List<String> muteTimeIntervals,
    List<String> activeTimeIntervals,
    List<EscalationStep> escalate,
    boolean shadow,
    FlappingRule flapping,
    ResolveRule resolve) {

  /** Alertmanager's flapping and resolve behaviour. */
  public RouteOptions(String receiver, List<String> groupBy, boolean groupByAll, Duration groupWait,
      Duration groupInterval, Duration repeatInterval, List<String> muteTimeIntervals, List<String> activeTimeIntervals,
      List<EscalationStep> escalate, boolean shadow) {
    this(receiver, groupBy, groupByAll, groupWait, groupInterval, repeatInterval, muteTimeIntervals, activeTimeIntervals,
        escalate, shadow, FlappingRule.OFF, ResolveRule.DEFAULT);
  }

  /** Not a shadow. */
  public RouteOptions(String receiver, List<String> groupBy, boolean groupByAll, Duration groupWait,
      Duration groupInterval, Duration repeatInterval, List<String> muteTimeIntervals, List<String> activeTimeIntervals,
      List<EscalationStep> escalate) {
    this(receiver, groupBy, groupByAll, groupWait, groupInterval, repeatInterval, muteTimeIntervals, activeTimeIntervals,
        escalate, false);
  }

  /** Without escalation steps. */
  public RouteOptions(String receiver, List<String> groupBy, boolean groupByAll, Duration groupWait,
      Duration groupInterval, Duration repeatInterval, List<String> muteTimeIntervals, List<String> activeTimeIntervals,
      boolean shadow) {
    this(receiver, groupBy, groupByAll, groupWait, groupInterval, repeatInterval, muteTimeIntervals, activeTimeIntervals,
        List.of(), shadow);
  }

  public RouteOptions {
    Objects.requireNonNull(receiver, "receiver");
    groupBy = Objects.requireNonNull(groupBy, "groupBy").stream().distinct().toList();
    requireNotNegative(groupWait, "groupWait");
    requireNotNegative(groupInterval, "groupInterval");
    requireNotNegative(repeatInterval, "repeatInterval");
    muteTimeIntervals = List.copyOf(muteTimeIntervals);
    activeTimeIntervals = List.copyOf(activeTimeIntervals);
    escalate = List.copyOf(escalate);
    Objects.requireNonNull(flapping, "flapping");
    Objects.requireNonNull(resolve, "resolve");
  }

  /** Options without escalation steps, not a shadow. */
  public RouteOptions(
      String receiver,
      List<String> groupBy,
      boolean groupByAll,
      Duration groupWait,
      Duration groupInterval,
      Duration repeatInterval,
      List<String> muteTimeIntervals,
      List<String> activeTimeIntervals) {
    this(receiver, groupBy, groupByAll, groupWait, groupInterval, repeatInterval, muteTimeIntervals,
        activeTimeIntervals, List.of(), false);
  }

  private static void requireNotNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + d);
    }
  }
}
