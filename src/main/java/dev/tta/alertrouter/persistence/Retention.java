package dev.tta.alertrouter.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * How long state is kept once it no longer matters.
 *
 * @param resolvedAlerts how long a resolved alert stays listable and explainable after its end
 * @param notificationLog how long a notification-log entry (and a message reference, such as a Slack
 *     message's ts) is kept after it was last written; longer than any repeat_interval, or a group
 *     quiet for longer would notify again
 * @param expiredSilences how long an expired silence stays listable (Alertmanager: 120h)
 */
public record Retention(Duration resolvedAlerts, Duration notificationLog, Duration expiredSilences) {
  public Retention {
    requirePositive(resolvedAlerts, "resolvedAlerts");
    requirePositive(notificationLog, "notificationLog");
    requirePositive(expiredSilences, "expiredSilences");
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
