package dev.tta.alertrouter.escalation;

import java.time.Instant;
import java.util.Objects;

/**
 * Where one group stands in its route's escalation: from its first notification (firing) until it
 * resolves, is acknowledged, or has run through every step. Stored, so a restart or a failover
 * neither skips nor repeats a step.
 *
 * @param groupKey the group's key
 * @param routeKey the key of the route whose {@code escalate:} steps apply
 * @param firstNotifiedAt when the route's receiver was first notified: every step's {@code after} counts from here
 * @param stepsSent how many steps were sent (the next step's index)
 * @param endedAt null while steps may still be sent; else when it stopped (resolved, acknowledged)
 */
public record EscalationState(String groupKey, String routeKey, Instant firstNotifiedAt, int stepsSent, Instant endedAt) {
  public EscalationState {
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(routeKey, "routeKey");
    Objects.requireNonNull(firstNotifiedAt, "firstNotifiedAt");
    if (stepsSent < 0) {
      throw new IllegalArgumentException("stepsSent must not be negative: " + stepsSent);
    }
  }

  /** A group just notified for the first time. */
  public static EscalationState started(String groupKey, String routeKey, Instant at) {
    return new EscalationState(groupKey, routeKey, at, 0, null);
  }

  public boolean open() {
    return endedAt == null;
  }

  EscalationState withStepSent() {
    return new EscalationState(groupKey, routeKey, firstNotifiedAt, stepsSent + 1, endedAt);
  }

  EscalationState endedAt(Instant at) {
    return new EscalationState(groupKey, routeKey, firstNotifiedAt, stepsSent, at);
  }
}
