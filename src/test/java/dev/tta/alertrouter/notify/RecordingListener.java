package dev.tta.alertrouter.notify;

import java.util.ArrayList;
import java.util.List;

/** Keeps every delivery event, as the metrics would count them. */
public final class RecordingListener implements DeliveryListener {
  private final List<DeliveryEvent> events = new ArrayList<>();

  @Override
  public synchronized void onDelivery(DeliveryEvent event) {
    events.add(event);
  }

  public synchronized List<DeliveryEvent> events() {
    return List.copyOf(events);
  }

  public synchronized List<DeliveryEvent.Result> results() {
    return events.stream().map(DeliveryEvent::result).toList();
  }
}
