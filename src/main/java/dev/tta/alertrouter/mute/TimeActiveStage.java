package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.dispatch.StageFailedException;
import java.util.List;
import java.util.Objects;

/**
 * Mutes the whole flush while its time falls outside all of the route's
 * {@code active_time_intervals}; a route without any is always active (Alertmanager's
 * {@code TimeActiveStage}).
 */
public final class TimeActiveStage implements Stage {
  private final TimeIntervals intervals;
  private final MuteListener listener;

  public TimeActiveStage(TimeIntervals intervals, MuteListener listener) {
    this.intervals = Objects.requireNonNull(intervals, "intervals");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public List<Alert> apply(FlushContext context, List<Alert> alerts) {
    List<String> active = context.activeTimeIntervals();
    if (active.isEmpty() || alerts.isEmpty()) {
      return alerts;
    }
    boolean inside;
    try {
      inside = intervals.firstContaining(active, context.now()).isPresent();
    } catch (IllegalArgumentException e) {
      // Config validation rejects unknown names; reaching here means the pipeline and config disagree.
      throw new StageFailedException("route " + context.routeKey() + ": " + e.getMessage(), e);
    }
    if (inside) {
      return alerts;
    }
    listener.mutedByTimeInterval(context, alerts,
        new TimeMuteReason(TimeMuteReason.Kind.OUTSIDE_ACTIVE_INTERVALS, active));
    return List.of();
  }
}
