package dev.tta.alertrouter.notify;

/**
 * Hears every delivery event, on the delivering thread: metrics count them per receiver and
 * integration. It must return quickly and must not throw.
 */
@FunctionalInterface
public interface DeliveryListener {
  void onDelivery(DeliveryEvent event);

  /** Ignores every event. */
  static DeliveryListener none() {
    return event -> {};
  }
}
