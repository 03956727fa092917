package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import java.util.List;
import java.util.Objects;

/**
 * Hands an integration's delivery the alerts it should hear about: with send_resolved off, only the
 * firing ones, and nothing at all when none fires (Alertmanager does this in its {@code
 * RetryStage}). Whatever was delivered, it passes every alert on, so the notification log records
 * the resolved ones too and the dedup stage stops reporting them as news.
 */
final class SendResolvedStage implements Stage {
  private final boolean sendResolved;
  private final Stage delivery;

  SendResolvedStage(boolean sendResolved, Stage delivery) {
    this.sendResolved = sendResolved;
    this.delivery = Objects.requireNonNull(delivery, "delivery");
  }

  @Override
  public List<Alert> apply(FlushContext context, List<Alert> alerts) {
    if (sendResolved) {
      delivery.apply(context, alerts);
      return alerts;
    }
    List<Alert> firing = alerts.stream().filter(a -> !a.isResolvedAt(context.now())).toList();
    if (!firing.isEmpty()) {
      delivery.apply(context, firing);
    }
    return alerts;
  }
}
