package dev.tta.alertrouter.mute;

import java.util.List;
import java.util.Objects;

/**
 * Why a route's time intervals muted a flush.
 *
 * @param kind inside a mute interval, or outside every active interval
 * @param intervals for {@link Kind#INSIDE_MUTE_INTERVAL} the one interval now falls in; for
 *     {@link Kind#OUTSIDE_ACTIVE_INTERVALS} all the route's active intervals, none of which holds now
 */
public record TimeMuteReason(Kind kind, List<String> intervals) {
  public TimeMuteReason {
    Objects.requireNonNull(kind, "kind");
    intervals = List.copyOf(intervals);
    if (intervals.isEmpty()) {
      throw new IllegalArgumentException("a time mute names at least one interval");
    }
  }

  public String describe() {
    return switch (kind) {
      case INSIDE_MUTE_INTERVAL -> "inside mute_time_intervals " + intervals.get(0);
      case OUTSIDE_ACTIVE_INTERVALS -> "outside active_time_intervals " + String.join(", ", intervals);
    };
  }

  /** Which of the route's two interval lists muted it. */
  public enum Kind {
    INSIDE_MUTE_INTERVAL,
    OUTSIDE_ACTIVE_INTERVALS
  }
}
