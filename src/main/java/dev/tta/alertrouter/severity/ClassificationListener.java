package dev.tta.alertrouter.severity;

import dev.tta.alertrouter.alert.Priority;

/**
 * Told of every classification, for counting. It receives only bounded values (three priorities,
 * three reasons, a flag), never the severity value an alert brought: a metric labelled with that
 * would grow with every typo in an alert rule.
 */
@FunctionalInterface
public interface ClassificationListener {
  /** Counts nothing. */
  ClassificationListener NONE = (priority, reason, replacedInvalidPriority) -> {};

  /**
   * @param replacedInvalidPriority the alert carried a {@code priority} label that was not P0, P1 or
   *     P2, and it was replaced
   */
  void classified(Priority priority, Classification.Reason reason, boolean replacedInvalidPriority);
}
