package dev.tta.alertrouter.query;

import dev.tta.alertrouter.alert.Alert;
import java.time.Instant;
import java.util.List;

/**
 * Judges a held alert against the configuration in force (routes, inhibition rules, silences), as
 * Alertmanager's API does at each request ({@code setAlertStatus}). Provided by the composition root.
 */
@FunctionalInterface
public interface AlertJudge {
  AlertMarks judge(Alert alert, Instant now);

  /** A judge without configuration: no receivers, nothing muted. */
  static AlertJudge none() {
    return (alert, now) -> new AlertMarks(List.of(), List.of(), List.of());
  }
}
