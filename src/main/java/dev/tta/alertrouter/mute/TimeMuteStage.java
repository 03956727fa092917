package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.dispatch.StageFailedException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Mutes the whole flush while its time falls in any of the route's {@code mute_time_intervals}
 * (Alertmanager's {@code TimeMuteStage}).
 */
public final class TimeMuteStage implements Stage {
  private final TimeIntervals intervals;
  private final MuteListener listener;

  public TimeMuteStage(TimeIntervals intervals, MuteListener listener) {
    this.intervals = Objects.requireNonNull(intervals, "intervals");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public List<Alert> apply(FlushContext context, List<Alert> alerts) {
    if (context.muteTimeIntervals().isEmpty() || alerts.isEmpty()) {
      return alerts;
    }
    Optional<String> inside;
    try {
      inside = intervals.firstContaining(context.muteTimeIntervals(), context.now());
    } catch (IllegalArgumentException e) {
      // Config validation rejects unknown names; reaching here means the pipeline and config disagree.
      throw new StageFailedException("route " + context.routeKey() + ": " + e.getMessage(), e);
    }
    if (inside.isEmpty()) {
      return alerts;
    }
    listener.mutedByTimeInterval(context, alerts,
        new TimeMuteReason(TimeMuteReason.Kind.INSIDE_MUTE_INTERVAL, List.of(inside.get())));
    return List.of();
  }
}
