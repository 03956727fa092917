package dev.tta.alertrouter.intake;

import java.util.Objects;

/**
 * One thing wrong with a payload, as the client is told it.
 *
 * @param index position of the alert in the payload's alerts, or null when the problem is the
 *     payload's own (malformed JSON, wrong version)
 * @param field the offending field as a path, such as {@code labels.foo-bar} or {@code startsAt};
 *     null when the whole alert or body is wrong
 * @param message what is wrong, in words an operator can act on; never contains secrets
 * @param reason the metric reason
 */
public record Problem(Integer index, String field, String message, InvalidReason reason) {
  public Problem {
    if (index != null && index < 0) {
      throw new IllegalArgumentException("index must not be negative");
    }
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(reason, "reason");
  }

  /** A problem with the payload as a whole. */
  public static Problem ofPayload(String field, String message, InvalidReason reason) {
    return new Problem(null, field, message, reason);
  }
}
