package dev.tta.alertrouter.config;

import java.time.ZoneId;
import java.util.List;

/**
 * PROVISIONAL (mute branch): stands in for the config branch's record of the same name until it
 * lands; replaced by theirs on merge. Empty lists mean "any".
 */
public record TimeIntervalSpec(
    List<TimeRange> times,
    List<IntRange> weekdays,
    List<IntRange> daysOfMonth,
    List<IntRange> months,
    List<IntRange> years,
    ZoneId location) {
  public TimeIntervalSpec {
    times = List.copyOf(times);
    weekdays = List.copyOf(weekdays);
    daysOfMonth = List.copyOf(daysOfMonth);
    months = List.copyOf(months);
    years = List.copyOf(years);
    location = location == null ? ZoneId.of("UTC") : location;
  }

  /** Minutes of the day, end exclusive. */
  public record TimeRange(int startMinute, int endMinute) {}

  /** Inclusive; weekdays 0 = Sunday. */
  public record IntRange(int begin, int end) {}
}
