package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The first stage of every receiver's pipeline when replicas share a database: a flush goes on only
 * on the replica holding the group's lease (taken or renewed here, for one group_interval). On the
 * others it stops, so each group is notified by exactly one replica.
 *
 * <p>A replica taking a group over may lack resolved alerts its peer held: non-owners drop a
 * group's resolved alerts after each of their (stopped) flushes. So on takeover the flush gets back
 * every alert the notification log says was notified firing and the store now holds resolved.
 */
final class FlushGuard implements Stage {
  private final GroupLeases leases;
  private final SqlNotificationLog notificationLog;
  private final SqlAlertStore alerts;

  FlushGuard(GroupLeases leases, SqlNotificationLog notificationLog, SqlAlertStore alerts) {
    this.leases = Objects.requireNonNull(leases, "leases");
    this.notificationLog = Objects.requireNonNull(notificationLog, "notificationLog");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
  }

  @Override
  public List<Alert> apply(FlushContext context, List<Alert> batch) {
    GroupLeases.Outcome outcome = leases.acquire(context.groupKey(), context.now(), context.groupInterval());
    if (!outcome.mayFlush()) {
      return List.of();
    }
    return outcome == GroupLeases.Outcome.TAKEN ? withOwedResolves(context, batch) : batch;
  }

  private List<Alert> withOwedResolves(FlushContext context, List<Alert> batch) {
    Set<Fingerprint> present = new HashSet<>();
    batch.forEach(a -> present.add(a.fingerprint()));
    List<Alert> completed = new ArrayList<>(batch);
    for (Fingerprint fingerprint : notificationLog.notifiedFiring(context.groupKey())) {
      if (present.contains(fingerprint)) {
        continue;
      }
      Optional<Alert> stored = alerts.get(fingerprint);
      if (stored.isPresent() && stored.get().isResolvedAt(context.now())) {
        completed.add(stored.get());
      }
    }
    return completed;
  }
}
