package dev.tta.alertrouter.escalation;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.config.EscalationStep;
import java.time.Instant;
import java.util.List;

/** Told of each escalation step sent, for metrics, explain and the decision log. Must be quick and must not throw. */
@FunctionalInterface
public interface EscalationListener {
  EscalationListener NONE = (groupKey, routeKey, number, step, alerts, at) -> {};

  /**
   * @param number the step's number, from 1
   * @param alerts the firing alerts the step notified about
   */
  void escalated(String groupKey, String routeKey, int number, EscalationStep step, List<Alert> alerts, Instant at);
}
