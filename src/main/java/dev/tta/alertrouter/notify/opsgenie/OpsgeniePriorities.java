package dev.tta.alertrouter.notify.opsgenie;

import dev.tta.alertrouter.alert.Priority;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which Opsgenie priority (P1 highest … P5 lowest) an alert gets from alert-router's priority: P0
 * → P1, P1 → P3, P2 → P5, so the two scales keep their ends and their middle; none is sent (Opsgenie
 * then uses its default, P3) when no alert has a priority. A {@code priority:} written in the
 * configuration wins.
 */
final class OpsgeniePriorities {
  private static final Map<Priority, String> BY_PRIORITY = new EnumMap<>(Map.of(
      Priority.P0, "P1",
      Priority.P1, "P3",
      Priority.P2, "P5"));

  private OpsgeniePriorities() {}

  /** @param priority the message model's priority: {@code P0}…{@code P2}, or "" */
  static Optional<String> of(String priority) {
    for (Priority p : Priority.values()) {
      if (p.name().equals(priority)) {
        return Optional.of(BY_PRIORITY.get(p));
      }
    }
    return Optional.empty();
  }
}
