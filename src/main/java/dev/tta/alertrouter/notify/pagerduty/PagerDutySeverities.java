package dev.tta.alertrouter.notify.pagerduty;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Priority;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which PagerDuty severity an event gets from the most urgent {@code priority} label among its
 * alerts: by default P0 critical, P1 warning, P2 info, and {@code error} (Alertmanager's default)
 * when no alert carries a priority.
 *
 * @param byPriority a severity for every priority
 * @param fallback the severity when no alert has a known priority
 */
public record PagerDutySeverities(Map<Priority, String> byPriority, String fallback) {
  /** The severities PagerDuty's Events API v2 accepts. */
  public static final Set<String> VALID = Set.of("critical", "error", "warning", "info");

  public PagerDutySeverities {
    byPriority = Map.copyOf(byPriority);
    for (Priority priority : Priority.values()) {
      if (!byPriority.containsKey(priority)) {
        throw new IllegalArgumentException("no PagerDuty severity for " + priority);
      }
      requireValid(byPriority.get(priority), priority.name());
    }
    requireValid(fallback, "alerts without a priority");
  }

  public static PagerDutySeverities defaults() {
    Map<Priority, String> map = new EnumMap<>(Priority.class);
    map.put(Priority.P0, "critical");
    map.put(Priority.P1, "warning");
    map.put(Priority.P2, "info");
    return new PagerDutySeverities(map, "error");
  }

  /** The severity of the most urgent of {@code alerts}. */
  public String of(List<Alert> alerts) {
    Priority most = null;
    for (Alert alert : alerts) {
      Priority p = parse(alert.labels().get(Priority.LABEL));
      if (p != null && (most == null || p.compareTo(most) < 0)) {
        most = p;
      }
    }
    return most == null ? fallback : byPriority.get(most);
  }

  private static Priority parse(String value) {
    if (value == null) {
      return null;
    }
    for (Priority p : Priority.values()) {
      if (p.name().equals(value)) {
        return p;
      }
    }
    return null;
  }

  static void requireValid(String severity, String what) {
    Objects.requireNonNull(severity, what);
    if (!VALID.contains(severity)) {
      throw new IllegalArgumentException(
          "PagerDuty severity for " + what + " must be one of critical, error, warning, info: " + severity);
    }
  }
}
