package dev.tta.alertrouter.dispatch;

import dev.tta.alertrouter.alert.Alert;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for a receiver's notifier (the real ones come with a later issue): the last stage of a
 * pipeline, it records every notification it is handed, or fails it when told to.
 */
public final class RecordingReceiver implements Stage {
  private final List<Notification> notifications = new ArrayList<>();
  private int failuresToCome;

  /** One notification as the receiver got it. */
  public record Notification(FlushContext context, List<Alert> alerts) {}

  @Override
  public synchronized List<Alert> apply(FlushContext context, List<Alert> alerts) {
    if (failuresToCome > 0) {
      failuresToCome--;
      throw new StageFailedException("receiver " + context.receiver() + " unreachable");
    }
    notifications.add(new Notification(context, List.copyOf(alerts)));
    return alerts;
  }

  /** Makes the next {@code count} deliveries fail. */
  public synchronized void failNext(int count) {
    failuresToCome = count;
  }

  public synchronized List<Notification> notifications() {
    return List.copyOf(notifications);
  }

  /** The notifications received so far, forgetting them. */
  public synchronized List<Notification> take() {
    List<Notification> taken = List.copyOf(notifications);
    notifications.clear();
    return taken;
  }
}
