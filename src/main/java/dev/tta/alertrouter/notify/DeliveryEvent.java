package dev.tta.alertrouter.notify;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What happened to one delivery attempt (or to a notification never attempted), for metrics and
 * the decision record. Reasons come from notifiers, which keep credentials out of them.
 *
 * @param receiver the receiver's name
 * @param integration the integration type, e.g. {@code pagerduty}
 * @param index the integration's position among the receiver's integrations of that type
 * @param groupKey the aggregation group the notification was for
 * @param result what came of it
 * @param attempt which attempt of this flush (1 for the first); 0 when none was made
 * @param latency how long the attempt took by the injected clock; zero when none was made
 * @param reason why it failed, was retried or dropped; empty when sent
 */
public record DeliveryEvent(
    String receiver,
    String integration,
    int index,
    String groupKey,
    Result result,
    int attempt,
    Duration latency,
    String reason) {

  public DeliveryEvent {
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(reason, "reason");
    if (attempt < 0 || index < 0) {
      throw new IllegalArgumentException("attempt and index must not be negative");
    }
  }

  /** The outcome, as metrics label it. */
  public enum Result {
    /** The peer accepted the notification. */
    SENT,
    /** The peer refused it for good, or the last retry was refused before the deadline passed. */
    FAILED,
    /** The attempt failed in a way a retry may fix; another attempt follows. */
    RETRIED,
    /** Given up without a final answer: no rate-limit slot before the deadline, or shutting down. */
    DROPPED,
    /** Rendered and logged, not sent (--dry-run, or the integration's credential is unset). */
    DRY_RUN,
    /**
     * Rendered and recorded, not sent, because its route or receiver is a {@code shadow}: counted
     * apart, in {@code alertrouter_shadow_notifications_total}.
     */
    SHADOW;

    /** {@code sent}, {@code failed}, {@code retried}, {@code dropped}, {@code dry_run}, {@code shadow}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
