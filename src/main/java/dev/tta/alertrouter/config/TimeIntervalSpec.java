package dev.tta.alertrouter.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One interval of a named time interval, with Alertmanager's {@code timeinterval} semantics: a
 * moment (seen in {@code location}) is inside when it satisfies every non-empty list, and it
 * satisfies a list when any one range of it contains it. An empty list does not constrain.
 *
 * @param times minutes of the day, each {@code [startMinute, endMinute)}
 * @param weekdays inclusive ranges, 0 = Sunday … 6 = Saturday (Go's numbering: {@code
 *     DayOfWeek.getValue() % 7})
 * @param daysOfMonth inclusive ranges of 1..31 or -31..-1 (counted from the end of the month, -1 is
 *     the last day); clamp to the month's length when evaluating, as Alertmanager does
 * @param months inclusive ranges, 1 = January
 * @param years inclusive ranges
 * @param location the zone the moment is seen in (default UTC; {@code Local} is the system zone)
 */
public record TimeIntervalSpec(
    List<TimeRange> times,
    List<InclusiveRange> weekdays,
    List<InclusiveRange> daysOfMonth,
    List<InclusiveRange> months,
    List<InclusiveRange> years,
    ZoneId location) {

  public TimeIntervalSpec {
    times = List.copyOf(times);
    weekdays = List.copyOf(weekdays);
    daysOfMonth = List.copyOf(daysOfMonth);
    months = List.copyOf(months);
    years = List.copyOf(years);
    Objects.requireNonNull(location, "location");
  }

  /** Minutes of the day from {@code startMinute} (inclusive) to {@code endMinute} (exclusive, at most 1440). */
  public record TimeRange(int startMinute, int endMinute) {
    public TimeRange {
      if (startMinute < 0 || endMinute > 1440 || startMinute >= endMinute) {
        throw new IllegalArgumentException("bad time range " + startMinute + "-" + endMinute);
      }
    }
  }

  /** {@code begin} to {@code end}, both included. */
  public record InclusiveRange(int begin, int end) {
    public boolean contains(int n) {
      return n >= begin && n <= end;
    }
  }
}
