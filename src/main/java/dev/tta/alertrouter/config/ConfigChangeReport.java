package dev.tta.alertrouter.config;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the last successful reload changed.
 *
 * @param reloadedAt when it took effect
 * @param changes in order: routes, receivers, inhibition rules, time intervals, teams, other sections
 */
public record ConfigChangeReport(Instant reloadedAt, List<ConfigChange> changes) {
  public ConfigChangeReport {
    Objects.requireNonNull(reloadedAt, "reloadedAt");
    changes = List.copyOf(changes);
  }
}
