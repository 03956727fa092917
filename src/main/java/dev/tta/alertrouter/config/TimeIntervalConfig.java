package dev.tta.alertrouter.config;

import java.util.List;
import java.util.Objects;

/**
 * PROVISIONAL (mute branch): stands in for the config branch's record of the same name until it
 * lands; replaced by theirs on merge.
 */
public record TimeIntervalConfig(String name, List<TimeIntervalSpec> intervals, SourceLocation location) {
  public TimeIntervalConfig {
    Objects.requireNonNull(name, "name");
    intervals = List.copyOf(intervals);
    Objects.requireNonNull(location, "location");
  }
}
