package dev.tta.alertrouter.notify;

/**
 * Sends one notification to one integration (a Slack channel, a PagerDuty service, a mailbox, a
 * webhook) and says what happened. Makes exactly one attempt: retries, rate limits and dry-run are
 * the delivery stage's business.
 */
public interface Notifier {
  /** The integration type: {@code slack}, {@code pagerduty}, {@code email}, {@code webhook}. */
  String type();

  /** One attempt; never throws for what the peer answered, only for bugs. */
  DeliveryOutcome send(Notification notification);

  /**
   * What {@link #send} would transmit for {@code notification}, with every credential masked, for
   * the dry-run log line. Never connects anywhere.
   */
  default String render(Notification notification) {
    return type() + " notification of " + notification.alerts().size() + " alert(s), status "
        + notification.status().wireName();
  }
}
