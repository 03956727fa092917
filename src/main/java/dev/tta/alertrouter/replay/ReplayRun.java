package dev.tta.alertrouter.replay;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One configuration replayed over a capture.
 *
 * @param alerts per fingerprint, what was decided about each alert
 * @param notifications every notification that would have been sent, in order
 * @param payloads how many captured payloads were replayed
 * @param from the first payload's receive time
 * @param to where the timeline stopped (the last payload plus the tail)
 */
public record ReplayRun(Map<String, AlertOutcome> alerts, List<SentNotification> notifications, long payloads,
    Instant from, Instant to) {
  public ReplayRun {
    alerts = Map.copyOf(alerts);
    notifications = List.copyOf(notifications);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
