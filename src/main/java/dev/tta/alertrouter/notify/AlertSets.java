package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The fingerprints of a flush's firing and resolved alerts, as the notification log records them. */
record AlertSets(Set<Fingerprint> firing, Set<Fingerprint> resolved) {
  static AlertSets of(List<Alert> alerts, Instant at) {
    Set<Fingerprint> firing = new HashSet<>();
    Set<Fingerprint> resolved = new HashSet<>();
    for (Alert alert : alerts) {
      (alert.isResolvedAt(at) ? resolved : firing).add(alert.fingerprint());
    }
    return new AlertSets(Set.copyOf(firing), Set.copyOf(resolved));
  }

  NotificationLog.Entry entryAt(Instant timestamp) {
    return new NotificationLog.Entry(firing, resolved, timestamp);
  }
}
