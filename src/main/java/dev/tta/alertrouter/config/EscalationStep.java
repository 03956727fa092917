package dev.tta.alertrouter.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a route's {@code escalate:} list: when a group of the route still fires, unacknowledged,
 * {@code after} its first notification, {@code receiver} is notified too.
 *
 * @param after from the group's first notification; positive, and increasing along the list
 * @param receiver a configured receiver's name
 */
public record EscalationStep(Duration after, String receiver) {
  public EscalationStep {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(receiver, "receiver");
    if (after.isNegative() || after.isZero()) {
      throw new IllegalArgumentException("after must be positive: " + after);
    }
  }
}
