package dev.tta.alertrouter.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one delivery attempt came to. A value, not an exception: the notifier reports what the peer
 * said, and only the delivery stage decides whether and when to try again (as Alertmanager's
 * {@code Notifier.Notify} returns {@code (retry bool, err)}).
 */
public sealed interface DeliveryOutcome {
  /** The peer accepted the notification. */
  record Delivered() implements DeliveryOutcome {}

  /**
   * Trying again may help: a 5xx, a 429, a timeout, a refused connection.
   *
   * @param retryAfter what the peer asked for (a 429's Retry-After), if anything
   * @param reason what went wrong, without secrets
   */
  record Retryable(Optional<Duration> retryAfter, String reason) implements DeliveryOutcome {
    public Retryable {
      Objects.requireNonNull(retryAfter, "retryAfter");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Trying again will not help: a 4xx other than 429, a bad channel, a revoked token.
   *
   * @param reason what went wrong, without secrets
   */
  record Permanent(String reason) implements DeliveryOutcome {
    public Permanent {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
