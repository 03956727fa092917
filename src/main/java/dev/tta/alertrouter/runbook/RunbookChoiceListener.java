package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Priority;

/**
 * Hears every enrichment: the metrics count choices by (source, priority) so that P0s without a
 * runbook show up; explain records the choice for the alert.
 */
@FunctionalInterface
public interface RunbookChoiceListener {
  RunbookChoiceListener IGNORE = (alert, choice, priority) -> { };

  /**
   * @param alert the alert as enriched
   * @param choice the link chosen and why
   * @param priority the alert's priority ({@link AlertPriority#of})
   */
  void chosen(Alert alert, RunbookChoice choice, Priority priority);
}
