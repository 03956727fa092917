package dev.tta.alertrouter.explain;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.notify.DeliveryEvent;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Ties each delivery event to the alerts being delivered: a delivery event names the group,
 * receiver and integration, not the alerts, and explain records notifications per alert. A flush of
 * one group never overlaps the next, so while a delivery runs its key names exactly one batch.
 * Also what {@code alertrouter_notifications_in_flight} counts.
 */
public final class InFlightDeliveries {
  private final ConcurrentMap<Key, List<Alert>> inFlight = new ConcurrentHashMap<>();

  private record Key(String groupKey, String receiver, String integration, int index) {}

  /**
   * {@code delivery}, remembering the alerts it is given while it runs.
   *
   * @param integration the integration type its events name
   * @param index the integration's position among the receiver's integrations of that type
   */
  public Stage track(String integration, int index, Stage delivery) {
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(delivery, "delivery");
    return (context, alerts) -> {
      Key key = new Key(context.groupKey(), context.receiver(), integration, index);
      inFlight.put(key, alerts);
      try {
        return delivery.apply(context, alerts);
      } finally {
        inFlight.remove(key, alerts);
      }
    };
  }

  /** The alerts of the delivery {@code event} reports; empty when it is not one of ours. */
  public List<Alert> alertsOf(DeliveryEvent event) {
    return inFlight.getOrDefault(
        new Key(event.groupKey(), event.receiver(), event.integration(), event.index()), List.of());
  }

  /** Deliveries running now, retries and their waits included. */
  public int size() {
    return inFlight.size();
  }
}
