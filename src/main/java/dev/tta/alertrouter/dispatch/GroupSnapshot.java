package dev.tta.alertrouter.dispatch;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One aggregation group as it stands at one moment, for {@code GET /api/v1/groups}.
 *
 * @param groupKey the key notifications carry ({@code routeKey:groupLabels})
 * @param routeKey the key of the route that formed the group
 * @param receiver the route's receiver
 * @param groupLabels the labels the group is keyed by
 * @param alerts the group's alerts, in notification order, with their status at {@code at}
 * @param nextFlushAt when the group flushes next
 * @param at the moment of the snapshot
 */
public record GroupSnapshot(
    String groupKey,
    String routeKey,
    String receiver,
    Labels groupLabels,
    List<AlertState> alerts,
    Instant nextFlushAt,
    Instant at) {

  public GroupSnapshot {
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(routeKey, "routeKey");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(groupLabels, "groupLabels");
    alerts = List.copyOf(alerts);
    Objects.requireNonNull(nextFlushAt, "nextFlushAt");
    Objects.requireNonNull(at, "at");
  }

  /** One alert of a group: its identity and whether it fires. */
  public record AlertState(Fingerprint fingerprint, Alert.Status status) {
    public AlertState {
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(status, "status");
    }
  }
}
