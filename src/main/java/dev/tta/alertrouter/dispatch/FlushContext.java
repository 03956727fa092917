package dev.tta.alertrouter.dispatch;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.FlappingRule;
import dev.tta.alertrouter.config.ResolveRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the per-receiver pipeline knows about one flush of one aggregation group: Alertmanager passes
 * the same facts through its context ({@code notify.WithGroupKey}, {@code WithReceiverName},
 * {@code WithRepeatInterval}, {@code WithMuteTimeIntervals}, ...).
 *
 * @param groupKey the aggregation group's key, as Alertmanager prints it ({@code routeKey:groupLabels})
 * @param groupLabels the labels the group is keyed by
 * @param receiver the receiver this flush is for
 * @param routeKey the key of the route that formed the group
 * @param repeatInterval the route's repeat_interval (the dedup stage reads it)
 * @param groupInterval the route's group_interval (the default delivery deadline)
 * @param muteTimeIntervals names of time intervals that mute the route
 * @param activeTimeIntervals names of time intervals outside which the route is muted
 * @param now the flush time, from the injected clock
 * @param shadow the group's route is a shadow: notifications are rendered and recorded, not sent
 * @param flapping the route's flap detection
 * @param resolve the route's rules for resolves whose firing was muted or never sent
 */
public record FlushContext(
    String groupKey,
    Labels groupLabels,
    String receiver,
    String routeKey,
    Duration repeatInterval,
    Duration groupInterval,
    List<String> muteTimeIntervals,
    List<String> activeTimeIntervals,
    Instant now,
    boolean shadow,
    FlappingRule flapping,
    ResolveRule resolve) {

  /** A flush of a route with Alertmanager's flapping and resolve behaviour. */
  public FlushContext(String groupKey, Labels groupLabels, String receiver, String routeKey, Duration repeatInterval,
      Duration groupInterval, List<String> muteTimeIntervals, List<String> activeTimeIntervals, Instant now,
      boolean shadow) {
    this(groupKey, groupLabels, receiver, routeKey, repeatInterval, groupInterval, muteTimeIntervals,
        activeTimeIntervals, now, shadow, FlappingRule.OFF, ResolveRule.DEFAULT);
  }

  /** A flush of a route that is not a shadow. */
  public FlushContext(String groupKey, Labels groupLabels, String receiver, String routeKey, Duration repeatInterval,
      Duration groupInterval, List<String> muteTimeIntervals, List<String> activeTimeIntervals, Instant now) {
    this(groupKey, groupLabels, receiver, routeKey, repeatInterval, groupInterval, muteTimeIntervals,
        activeTimeIntervals, now, false);
  }

  public FlushContext {
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(groupLabels, "groupLabels");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(routeKey, "routeKey");
    Objects.requireNonNull(repeatInterval, "repeatInterval");
    Objects.requireNonNull(groupInterval, "groupInterval");
    muteTimeIntervals = List.copyOf(muteTimeIntervals);
    activeTimeIntervals = List.copyOf(activeTimeIntervals);
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(flapping, "flapping");
    Objects.requireNonNull(resolve, "resolve");
  }
}
