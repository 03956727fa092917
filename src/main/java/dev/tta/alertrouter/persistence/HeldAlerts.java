package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The alert store's in-memory side, in three views. <em>Published</em>: what readers see, the
 * committed alerts and the acknowledged {@code endsAt} extensions not written yet. <em>Staged</em>:
 * what the open transaction wrote. <em>Deferred</em>: for each alert whose published copy is such an
 * extension, the copy the database holds. Readers use the published view only; everything that
 * changes a view runs on the writer's thread.
 */
final class HeldAlerts {
  private final Map<Fingerprint, Alert> published = new ConcurrentHashMap<>();
  private final Map<Fingerprint, Alert> staged = new HashMap<>();
  /** The durable copy of each alert whose published copy is a deferred extension of it. */
  private final Map<Fingerprint, Alert> deferred = new ConcurrentHashMap<>();

  HeldAlerts(Collection<Alert> stored) {
    for (Alert alert : stored) {
      published.put(alert.fingerprint(), alert);
    }
  }

  Alert published(Fingerprint fingerprint) {
    return published.get(fingerprint);
  }

  Collection<Alert> published() {
    return published.values();
  }

  /** The alert as the open transaction sees it: staged, else published. */
  Alert current(Fingerprint fingerprint) {
    Alert pending = staged.get(fingerprint);
    return pending != null ? pending : published.get(fingerprint);
  }

  boolean isStaged(Fingerprint fingerprint) {
    return staged.containsKey(fingerprint);
  }

  /** The copy the database holds, or the open transaction wrote; null when there is none. */
  Alert durable(Fingerprint fingerprint) {
    Alert pending = staged.get(fingerprint);
    if (pending != null) {
      return pending;
    }
    Alert onDisk = deferred.get(fingerprint);
    return onDisk != null ? onDisk : published.get(fingerprint);
  }

  /** {@code alert} was written in the open transaction. */
  void stage(Alert alert) {
    staged.put(alert.fingerprint(), alert);
  }

  /** The transaction that wrote {@code alert} rolled back. */
  void unstage(Alert alert) {
    staged.remove(alert.fingerprint(), alert);
  }

  /** The transaction that wrote {@code alert} committed: it is durable, and supersedes any deferred extension. */
  void committed(Alert alert) {
    published.put(alert.fingerprint(), alert);
    staged.remove(alert.fingerprint(), alert);
    deferred.remove(alert.fingerprint());
  }

  /** Publishes {@code extension} without writing it; the database keeps the copy it holds. */
  void defer(Alert extension) {
    Alert previous = published.put(extension.fingerprint(), extension);
    if (previous != null && !deferred.containsKey(extension.fingerprint())) {
      deferred.put(extension.fingerprint(), previous);
    }
  }

  /** The deletion of {@code alert} committed; a deferred extension of it goes too. */
  void deleted(Alert alert) {
    if (published.remove(alert.fingerprint(), alert)) {
      deferred.remove(alert.fingerprint());
    }
  }

  /** A peer replica committed {@code alert}: what the database holds now, over any extension deferred here. */
  void peerChanged(Alert alert) {
    published.put(alert.fingerprint(), alert);
    deferred.remove(alert.fingerprint());
  }

  /** The alerts whose published copy waits to be written. */
  Set<Fingerprint> deferred() {
    return deferred.keySet();
  }

  int deferredCount() {
    return deferred.size();
  }
}
