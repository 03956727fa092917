package dev.tta.alertrouter.config;

import dev.tta.alertrouter.alert.Matcher;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code maintenance:}, a list of silences kept in git. An inline {@code interval:} becomes a
 * time interval of its own, so a window is evaluated exactly as a named one.
 */
final class MaintenanceParser {
  /** The name is part of the silence's id and of an interval's name, so it stays plain. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private final References references;
  private final Map<String, TimeIntervalConfig> inlineIntervals = new HashMap<>();

  MaintenanceParser(References references) {
    this.references = references;
  }

  List<MaintenanceWindow> parseAll(List<Value> items) {
    List<MaintenanceWindow> windows = new ArrayList<>();
    Map<String, Value> seen = new HashMap<>();
    for (Value item : items) {
      MaintenanceWindow window = parse(item, seen);
      if (window != null) {
        windows.add(window);
      }
    }
    return windows;
  }

  /** The intervals the windows' inline {@code interval:} entries define, by name. */
  Map<String, TimeIntervalConfig> inlineIntervals() {
    return Map.copyOf(inlineIntervals);
  }

  /** One window, or null when it has errors (reported); {@code seen} holds the names read so far. */
  private MaintenanceWindow parse(Value item, Map<String, Value> seen) {
    YamlMap m = item.mapping();
    m.allow("name", "matchers", "time_intervals", "interval", "owner", "until");
    String name = m.string("name");
    if (name == null) {
      m.missing("name", "a maintenance window needs a name");
    } else if (!NAME.matcher(name).matches()) {
      m.get("name").error("must be letters, digits, '_', '.' or '-' (it is part of the silence's id)");
      name = null;
    } else if (seen.containsKey(name)) {
      m.get("name").error("maintenance window \"" + name + "\" is already defined at " + seen.get(name).location());
      name = null;
    } else {
      seen.put(name, item);
    }
    List<Matcher> matchers = MatcherReader.collect(m, "match", "match_re", "matchers");
    if (!m.has("matchers")) {
      m.missing("matchers", "a maintenance window needs matchers saying which alerts it mutes");
    } else if (matchers.isEmpty()) {
      m.get("matchers").error("needs at least one matcher");
    } else if (matchers.stream().allMatch(matcher -> matcher.matches(""))) {
      m.get("matchers").error("at least one matcher must not match the empty string (it would mute every alert)");
      matchers = List.of();
    }
    List<String> intervals = intervals(m, name);
    Optional<String> owner = m.optional("owner");
    owner.ifPresent(receiver -> references.receiver(receiver, m.get("owner")));
    Instant until = until(m);
    if (name == null || matchers.isEmpty() || intervals == null || until == null) {
      return null;
    }
    return new MaintenanceWindow(name, matchers, intervals, owner, until, item.location());
  }

  /** The named intervals, or the inline one; null when both are given. */
  private List<String> intervals(YamlMap m, String name) {
    if (m.has("time_intervals") && m.has("interval")) {
      m.get("interval").error("give either time_intervals (names) or interval (one inline spec), not both");
      return null;
    }
    if (m.has("interval")) {
      TimeIntervalSpec spec = TimeIntervalParser.spec(m.map("interval"));
      if (name == null) {
        return List.of();
      }
      String intervalName = MaintenanceWindow.INLINE_INTERVAL_PREFIX + name;
      inlineIntervals.put(intervalName, new TimeIntervalConfig(intervalName, List.of(spec), m.get("interval").location()));
      return List.of(intervalName);
    }
    List<String> names = new ArrayList<>();
    for (Value item : m.list("time_intervals")) {
      String interval = item.text();
      if (interval != null) {
        references.timeInterval(interval, item);
        names.add(interval);
      }
    }
    return names;
  }

  private static Instant until(YamlMap m) {
    String text = m.string("until");
    if (text == null) {
      m.missing("until", "a maintenance window needs until (when it ends for good, e.g. 2027-06-30T00:00:00Z)");
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      m.get("until").error("must be an RFC 3339 time such as 2027-06-30T00:00:00Z, got \"" + text + "\"");
      return null;
    }
  }
}
