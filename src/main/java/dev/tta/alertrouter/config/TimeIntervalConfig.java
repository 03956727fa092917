package dev.tta.alertrouter.config;

import java.util.List;
import java.util.Objects;

/**
 * A named set of time intervals ({@code time_intervals:} or the deprecated {@code
 * mute_time_intervals:} entry). A moment is inside when any one of the intervals contains it.
 */
public record TimeIntervalConfig(String name, List<TimeIntervalSpec> intervals, SourceLocation location) {
  public TimeIntervalConfig {
    Objects.requireNonNull(name, "name");
    intervals = List.copyOf(intervals);
    Objects.requireNonNull(location, "location");
  }
}
