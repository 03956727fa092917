package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.config.TimeIntervalSpec;
import dev.tta.alertrouter.config.TimeIntervalSpec.InclusiveRange;
import dev.tta.alertrouter.config.TimeIntervalSpec.TimeRange;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Predicate;

/**
 * Alertmanager's {@code timeinterval.TimeInterval.ContainsTime}: the instant, seen in the interval's
 * location, must fall in every field that is given; an empty field matches any value.
 */
final class TimeIntervalEvaluation {
  private TimeIntervalEvaluation() {}

  static boolean contains(TimeIntervalSpec spec, Instant instant) {
    ZonedDateTime t = instant.atZone(spec.location());
    int minuteOfDay = t.getHour() * 60 + t.getMinute();
    int daysInMonth = t.toLocalDate().lengthOfMonth();
    // java.time numbers Monday 1 to Sunday 7; Alertmanager (as Go) numbers Sunday 0 to Saturday 6.
    int weekday = t.getDayOfWeek().getValue() % 7;
    return anyOrEmpty(spec.times(), r -> containsMinute(r, minuteOfDay))
        && anyOrEmpty(spec.daysOfMonth(), r -> containsDayOfMonth(r, t.getDayOfMonth(), daysInMonth))
        && anyOrEmpty(spec.months(), r -> r.contains(t.getMonthValue()))
        && anyOrEmpty(spec.weekdays(), r -> r.contains(weekday))
        && anyOrEmpty(spec.years(), r -> r.contains(t.getYear()));
  }

  /**
   * Negative days count back from the month's end (-1 is its last day). As Alertmanager, a range
   * starting after the month's last day matches nothing, and bounds are clamped to the month.
   */
  private static boolean containsDayOfMonth(InclusiveRange range, int day, int daysInMonth) {
    int begin = range.begin() < 0 ? daysInMonth + range.begin() + 1 : range.begin();
    int end = range.end() < 0 ? daysInMonth + range.end() + 1 : range.end();
    if (begin > daysInMonth) {
      return false;
    }
    begin = Math.max(-daysInMonth, Math.min(begin, daysInMonth));
    end = Math.max(-daysInMonth, Math.min(end, daysInMonth));
    return day >= begin && day <= end;
  }

  private static <T> boolean anyOrEmpty(List<T> ranges, Predicate<T> contains) {
    return ranges.isEmpty() || ranges.stream().anyMatch(contains);
  }

  /** A time range's end minute is exclusive: 09:00-17:00 holds 16:59 but not 17:00. */
  private static boolean containsMinute(TimeRange range, int minuteOfDay) {
    return minuteOfDay >= range.startMinute() && minuteOfDay < range.endMinute();
  }
}
