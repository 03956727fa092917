package dev.tta.alertrouter.ack;

import java.time.Instant;
import java.util.List;

/**
 * Told of every acknowledgement given or ended, for metrics, explain and the decision log. Called
 * on the thread that acted (a request, a flush); must be quick and must not throw.
 */
public interface AckListener {
  AckListener NONE = new AckListener() {
    @Override
    public void acked(Ack ack, AckedGroup group) {}

    @Override
    public void ended(Ack ack, AckedGroup group, String why, Instant at) {}
  };

  /** Tells each of {@code listeners}, in order. */
  static AckListener all(List<AckListener> listeners) {
    List<AckListener> each = List.copyOf(listeners);
    return new AckListener() {
      @Override
      public void acked(Ack ack, AckedGroup group) {
        each.forEach(l -> l.acked(ack, group));
      }

      @Override
      public void ended(Ack ack, AckedGroup group, String why, Instant at) {
        each.forEach(l -> l.ended(ack, group, why, at));
      }
    };
  }

  /** {@code ack} was given to {@code group}. */
  void acked(Ack ack, AckedGroup group);

  /**
   * {@code ack} ended at {@code at}: {@code why} is {@code "unacknowledged by bob"} or
   * {@code "the group resolved"}. {@code group} is null when the directory no longer holds it.
   */
  void ended(Ack ack, AckedGroup group, String why, Instant at);
}
