package dev.tta.alertrouter.ack;

import java.time.Instant;
import java.util.List;

/** Several {@link AckListener}s told in turn, in the order given. */
public final class AckListeners {
  private AckListeners() {}

  public static AckListener all(AckListener... listeners) {
    List<AckListener> each = List.of(listeners);
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
}
