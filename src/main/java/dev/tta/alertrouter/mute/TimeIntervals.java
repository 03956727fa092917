package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.config.TimeIntervalConfig;
import dev.tta.alertrouter.config.TimeIntervalSpec;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The config's named {@code time_intervals}, answering whether an instant falls in one. Immutable. */
public final class TimeIntervals {
  private final Map<String, List<TimeIntervalSpec>> byName;

  /** @throws IllegalArgumentException when two intervals share a name */
  public TimeIntervals(Collection<TimeIntervalConfig> intervals) {
    Map<String, List<TimeIntervalSpec>> map = new LinkedHashMap<>();
    for (TimeIntervalConfig interval : intervals) {
      if (map.put(interval.name(), interval.intervals()) != null) {
        throw new IllegalArgumentException(
            "time interval \"" + interval.name() + "\" is defined twice (again at " + interval.location() + ")");
      }
    }
    this.byName = Map.copyOf(map);
  }

  public static TimeIntervals none() {
    return new TimeIntervals(List.of());
  }

  public Set<String> names() {
    return byName.keySet();
  }

  /**
   * True when {@code instant} falls in any of the named interval's specs (a named interval with no
   * specs holds no instant, as in Alertmanager).
   *
   * @throws IllegalArgumentException when no interval has that name
   */
  public boolean contains(String name, Instant instant) {
    List<TimeIntervalSpec> specs = byName.get(Objects.requireNonNull(name, "name"));
    if (specs == null) {
      throw new IllegalArgumentException("time interval \"" + name + "\" is not defined");
    }
    for (TimeIntervalSpec spec : specs) {
      if (TimeIntervalEvaluation.contains(spec, instant)) {
        return true;
      }
    }
    return false;
  }

  /** The first of {@code names} that holds {@code instant}. */
  public Optional<String> firstContaining(List<String> names, Instant instant) {
    for (String name : names) {
      if (contains(name, instant)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }
}
