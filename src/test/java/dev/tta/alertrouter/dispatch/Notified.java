package dev.tta.alertrouter.dispatch;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.GroupSnapshot.AlertState;
import java.time.Instant;
import java.util.List;

/**
 * A notification reduced to what tests assert exactly: when, to whom, and which alerts in which
 * order with which status at that moment.
 */
public record Notified(Instant at, String receiver, List<AlertState> alerts) {
  public static Notified of(Instant at, String receiver, AlertState... alerts) {
    return new Notified(at, receiver, List.of(alerts));
  }

  public static AlertState firing(Alert alert) {
    return new AlertState(alert.fingerprint(), Alert.Status.FIRING);
  }

  public static AlertState resolved(Alert alert) {
    return new AlertState(alert.fingerprint(), Alert.Status.RESOLVED);
  }

  /** What {@code receiver} got since the last call. */
  public static List<Notified> take(RecordingReceiver receiver) {
    return receiver.take().stream()
        .map(
            n ->
                new Notified(
                    n.context().now(),
                    n.context().receiver(),
                    n.alerts().stream()
                        .map(a -> new AlertState(a.fingerprint(), a.statusAt(n.context().now())))
                        .toList()))
        .toList();
  }
}
