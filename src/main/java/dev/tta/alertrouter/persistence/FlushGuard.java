package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.dispatch.StageFailedException;
import dev.tta.alertrouter.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The first stage of every receiver's pipeline when replicas share a database: a flush goes on only
 * on the replica holding the group's lease (taken or renewed here, for one group_interval). On the
 * others it stops, so each group is notified by exactly one replica. A replica that cannot take or
 * renew the lease (the database is unreachable) or does not hold its name fails the flush: the group
 * keeps its alerts, resolved ones too, and tries again at its next group_interval.
 *
 * <p>A replica taking a group over may lack resolved alerts its peer held: non-owners drop a
 * group's resolved alerts after each of their (stopped) flushes. So on takeover the flush gets back
 * every alert the notification log says was notified firing and the store now holds resolved.
 */
final class FlushGuard implements Stage {
  private final ReplicaName name;
  private final GroupLeases leases;
  private final SqlNotificationLog notificationLog;
  private final SqlAlertStore alerts;

  FlushGuard(ReplicaName name, GroupLeases leases, SqlNotificationLog notificationLog, SqlAlertStore alerts) {
    this.name = Objects.requireNonNull(name, "name");
    this.leases = Objects.requireNonNull(leases, "leases");
    this.notificationLog = Objects.requireNonNull(notificationLog, "notificationLog");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
  }

  @Override
  public List<Alert> apply(FlushContext context, List<Alert> batch) {
    // One round trip on the name's connection: a flush never goes on under a name this replica lost
    // (and a namesake may have taken) since the last peer sync, and one resumes as soon as it is back.
    name.check();
    if (!name.owned()) {
      // Leases are held under the name; without it, a namesake may be flushing the same groups.
      throw StageFailedException.alreadyReported("this replica does not hold its name " + name.name());
    }
    GroupLeases.Outcome outcome;
    try {
      outcome = leases.acquire(context.groupKey(), context.now(), context.groupInterval());
    } catch (StoreUnavailableException e) {
      // A lease that cannot be renewed may lapse and pass to a peer: flushing now could notify twice.
      // The group keeps its alerts and tries again at its next group_interval.
      throw StageFailedException.alreadyReported("the group's lease cannot be taken or renewed: " + e.getMessage());
    }
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
