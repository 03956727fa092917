package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.notify.digest.DigestSender;
import java.util.Objects;
import java.util.Optional;

/**
 * One way a receiver is notified (one {@code slack_configs} entry, one {@code pagerduty_configs}
 * entry, ...), as the pipeline sees it.
 *
 * @param type the integration type, e.g. {@code slack}; with {@code index} it keys the notification
 *     log, so it must stay the same across restarts and reloads
 * @param index the position among the receiver's integrations of this type
 * @param sendResolved whether resolved alerts are sent
 * @param delivery sends the alerts it is given (with retries), throwing {@link
 *     dev.tta.alertrouter.dispatch.StageFailedException} when they could not be delivered
 * @param digests sends a digest through the same peer; empty for an integration that is never
 *     folded (PagerDuty and Opsgenie, whose every event opens or closes an incident of its own)
 */
public record Integration(String type, int index, boolean sendResolved, Stage delivery,
    Optional<DigestSender> digests) {
  public Integration {
    Objects.requireNonNull(type, "type");
    if (type.isBlank()) {
      throw new IllegalArgumentException("integration type must not be blank");
    }
    if (index < 0) {
      throw new IllegalArgumentException("integration index must not be negative: " + index);
    }
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(digests, "digests");
  }

  /** An integration that is never folded into a digest. */
  public Integration(String type, int index, boolean sendResolved, Stage delivery) {
    this(type, index, sendResolved, delivery, Optional.empty());
  }

  /** The same integration delivering through {@code wrapped} (which wraps its delivery). */
  public Integration withDelivery(Stage wrapped) {
    return new Integration(type, index, sendResolved, wrapped, digests);
  }

  /** How errors and logs name it: {@code slack[0]}. */
  public String name() {
    return type + "[" + index + "]";
  }
}
