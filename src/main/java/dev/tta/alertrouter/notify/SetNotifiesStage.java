package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import java.util.List;
import java.util.Objects;

/**
 * Records in the notification log what an integration was just told (Alertmanager's {@code
 * SetNotifiesStage}). It runs after the delivery, so a failed delivery leaves the log as it was and
 * the next flush tries again.
 */
final class SetNotifiesStage implements Stage {
  private final NotificationLog log;
  private final String integration;
  private final int index;
  private final NotifiedListener listener;

  SetNotifiesStage(NotificationLog log, String integration, int index) {
    this(log, integration, index, NotifiedListener.NONE);
  }

  SetNotifiesStage(NotificationLog log, String integration, int index, NotifiedListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.log = Objects.requireNonNull(log, "log");
    this.integration = Objects.requireNonNull(integration, "integration");
    this.index = index;
  }

  @Override
  public List<Alert> apply(FlushContext context, List<Alert> alerts) {
    NotificationLog.Entry entry = AlertSets.of(alerts, context.now()).entryAt(context.now());
    log.record(new NotificationLog.Key(context.groupKey(), context.receiver(), integration, index), entry);
    listener.recorded(context, integration, index, entry);
    return alerts;
  }
}
