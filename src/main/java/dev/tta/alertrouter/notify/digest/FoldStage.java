package dev.tta.alertrouter.notify.digest;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import java.util.List;
import java.util.Objects;

/**
 * Wraps one integration's delivery: a notification within the receiver's digest budget (or with a
 * P0 alert) is delivered, one beyond it is folded into the window's digest instead. A folded
 * notification passes on as if delivered, so the notification log records it and the next flush
 * does not tell it again as news; its group's later changes and resolve go through dedup as usual.
 */
public final class FoldStage implements Stage {
  private final DigestBudget budget;
  private final Stage delivery;

  public FoldStage(DigestBudget budget, Stage delivery) {
    this.budget = Objects.requireNonNull(budget, "budget");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
  }

  @Override
  public List<Alert> apply(FlushContext context, List<Alert> alerts) {
    // A shadow route's notification is never sent, so it neither spends the budget nor joins a
    // digest that would be.
    if (context.shadow()) {
      return delivery.apply(context, alerts);
    }
    if (alerts.isEmpty() || budget.admit(context, alerts) instanceof DigestBudget.Fold) {
      return alerts;
    }
    return delivery.apply(context, alerts);
  }
}
