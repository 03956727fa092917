package dev.tta.alertrouter.config;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads {@code time_intervals:} and {@code mute_time_intervals:} with Alertmanager's syntax and checks. */
final class TimeIntervalParser {
  private static final Pattern TIME = Pattern.compile("^((([01][0-9])|(2[0-3])):[0-5][0-9])$|(^24:00$)");
  private static final List<String> WEEKDAYS =
      List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");
  private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june",
      "july", "august", "september", "october", "november", "december");

  private final Map<String, TimeIntervalConfig> intervals = new LinkedHashMap<>();
  private final Map<String, Value> names = new LinkedHashMap<>();

  Map<String, TimeIntervalConfig> parseAll(List<Value> items) {
    for (Value item : items) {
      YamlMap m = item.mapping();
      m.allow("name", "time_intervals");
      Value nameValue = m.get("name");
      String name = nameValue == null ? null : nameValue.text();
      if (nameValue == null || "".equals(name)) {
        m.missing("name", "missing name in time interval");
        continue;
      }
      if (name == null) {
        continue;
      }
      List<TimeIntervalSpec> specs = new ArrayList<>();
      for (Value spec : m.list("time_intervals")) {
        specs.add(spec(spec.mapping()));
      }
      Value previous = names.putIfAbsent(name, nameValue);
      if (previous != null) {
        nameValue.error("time interval \"" + name + "\" is defined twice (first at " + previous.location() + ")");
        continue;
      }
      intervals.put(name, new TimeIntervalConfig(name, specs, item.location()));
    }
    return intervals;
  }

  static TimeIntervalSpec spec(YamlMap m) {
    m.allow("times", "weekdays", "days_of_month", "months", "years", "location");
    List<TimeIntervalSpec.TimeRange> times = new ArrayList<>();
    for (Value item : m.list("times")) {
      TimeIntervalSpec.TimeRange t = timeRange(item);
      if (t != null) {
        times.add(t);
      }
    }
    return new TimeIntervalSpec(
        times,
        ranges(m.list("weekdays"), TimeIntervalParser::weekday),
        ranges(m.list("days_of_month"), TimeIntervalParser::dayOfMonth),
        ranges(m.list("months"), TimeIntervalParser::month),
        ranges(m.list("years"), TimeIntervalParser::year),
        location(m.get("location")));
  }

  private static TimeIntervalSpec.TimeRange timeRange(Value item) {
    YamlMap t = item.mapping();
    t.allow("start_time", "end_time");
    String start = t.string("start_time");
    String end = t.string("end_time");
    if (start == null || end == null || start.isEmpty() || end.isEmpty()) {
      item.error("both start and end times must be provided");
      return null;
    }
    Integer startMinute = minuteOfDay(t.get("start_time"), start);
    Integer endMinute = minuteOfDay(t.get("end_time"), end);
    if (startMinute == null || endMinute == null) {
      return null;
    }
    if (startMinute >= endMinute) {
      item.error("start time cannot be equal or greater than end time");
      return null;
    }
    return new TimeIntervalSpec.TimeRange(startMinute, endMinute);
  }

  private static Integer minuteOfDay(Value v, String text) {
    if (!TIME.matcher(text).matches()) {
      v.error("couldn't parse timestamp " + text + ", invalid format (want HH:MM, 00:00 to 24:00)");
      return null;
    }
    return Integer.parseInt(text.substring(0, 2)) * 60 + Integer.parseInt(text.substring(3));
  }

  private interface RangeReader {
    /** The range, or throws IllegalArgumentException with Alertmanager's message. */
    TimeIntervalSpec.InclusiveRange read(String text);
  }

  private static List<TimeIntervalSpec.InclusiveRange> ranges(List<Value> items, RangeReader reader) {
    List<TimeIntervalSpec.InclusiveRange> out = new ArrayList<>();
    for (Value item : items) {
      String text = item.text();
      if (text == null) {
        continue;
      }
      try {
        out.add(reader.read(text));
      } catch (IllegalArgumentException e) {
        item.error(e.getMessage());
      }
    }
    return out;
  }

  /** "a" or "a:b", lower-cased, each side mapped by {@code member}. */
  private static int[] split(String text, java.util.function.ToIntFunction<String> member) {
    String in = text.toLowerCase(Locale.ROOT);
    String[] parts = in.split(":", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException("couldn't parse range " + in + ", invalid format");
    }
    int begin = member.applyAsInt(parts[0]);
    int end = parts.length == 2 ? member.applyAsInt(parts[1]) : begin;
    return new int[] {begin, end};
  }

  private static int number(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("strconv.Atoi: parsing \"" + s + "\": invalid syntax");
    }
  }

  private static TimeIntervalSpec.InclusiveRange weekday(String text) {
    int[] r = split(text, s -> {
      int i = WEEKDAYS.indexOf(s);
      if (i < 0) {
        throw new IllegalArgumentException(s + " is not a valid weekday");
      }
      return i;
    });
    if (r[0] > r[1]) {
      throw new IllegalArgumentException("start day cannot be before end day");
    }
    return new TimeIntervalSpec.InclusiveRange(r[0], r[1]);
  }

  private static TimeIntervalSpec.InclusiveRange dayOfMonth(String text) {
    int[] r = split(text, TimeIntervalParser::number);
    for (int day : r) {
      if (day == 0 || day < -31 || day > 31) {
        throw new IllegalArgumentException(day + " is not a valid day of the month: out of range");
      }
    }
    if (r[0] < 0 && r[1] > 0) {
      throw new IllegalArgumentException("end day must be negative if start day is negative");
    }
    // As Alertmanager: with negative days the order is only known per month; reject what is
    // wrong even in the shortest month.
    int checkBegin = r[0] < 0 ? 28 + r[0] : r[0];
    int checkEnd = r[1] < 0 ? 28 + r[1] : r[1];
    if (checkBegin > checkEnd) {
      throw new IllegalArgumentException("end day " + r[1] + " is always before start day " + r[0]);
    }
    return new TimeIntervalSpec.InclusiveRange(r[0], r[1]);
  }

  private static TimeIntervalSpec.InclusiveRange month(String text) {
    int[] r = split(text, s -> {
      int i = MONTHS.indexOf(s);
      if (i >= 0) {
        return i + 1;
      }
      try {
        return Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(s + " is not a valid month");
      }
    });
    for (int month : r) {
      // Alertmanager 0.25 accepts 13 and then never matches it; saying so is kinder.
      if (month < 1 || month > 12) {
        throw new IllegalArgumentException(month + " is not a valid month: out of range");
      }
    }
    if (r[0] > r[1]) {
      throw new IllegalArgumentException("end month " + MONTHS.get(r[1] - 1) + " is before start month "
          + MONTHS.get(r[0] - 1));
    }
    return new TimeIntervalSpec.InclusiveRange(r[0], r[1]);
  }

  private static TimeIntervalSpec.InclusiveRange year(String text) {
    int[] r = split(text, TimeIntervalParser::number);
    if (r[0] > r[1]) {
      throw new IllegalArgumentException("end year " + r[1] + " is before start year " + r[0]);
    }
    return new TimeIntervalSpec.InclusiveRange(r[0], r[1]);
  }

  /** Go's {@code time.LoadLocation}: a tz database name, {@code UTC} or {@code Local}; default UTC. */
  private static ZoneId location(Value v) {
    String name = v == null ? null : v.text();
    if (name == null || name.isEmpty() || name.equals("UTC")) {
      return ZoneOffset.UTC;
    }
    if (name.equals("Local")) {
      return ZoneId.systemDefault();
    }
    if (!ZoneId.getAvailableZoneIds().contains(name)) {
      v.error("unknown time zone " + name);
      return ZoneOffset.UTC;
    }
    return ZoneId.of(name);
  }
}
