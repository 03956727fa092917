package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import java.util.AbstractCollection;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The alert store's in-memory side, in three views. <em>Published</em>: what readers see, the
 * committed alerts and the acknowledged {@code endsAt} extensions not written yet. <em>Staged</em>:
 * what the open transaction wrote. <em>Durable</em>: for each alert whose published copy is such an
 * extension, the copy the database holds. Readers use the published view only; everything that
 * changes a view runs on the writer's thread.
 *
 * <p>An alert's published and durable copies sit in one entry, so the writer finds both with one
 * look-up: it needs both for every resend, and in an alert storm the separate maps' look-ups (each
 * a cache miss at tens of thousands of alerts) were a measured cost (bench/README.md).
 */
final class HeldAlerts {
  /** What an alert's readers see, and the copy on disk: the same object unless an extension waits. */
  private record Entry(Alert published, Alert durable) {
    boolean deferred() {
      return published != durable;
    }
  }

  /** What the open transaction sees of one alert: its current and durable copies, and whether it wrote it. */
  record Copies(Alert current, Alert durable, boolean staged) {
    static final Copies NONE = new Copies(null, null, false);
  }

  private final Map<Fingerprint, Entry> entries = new ConcurrentHashMap<>();
  private final Map<Fingerprint, Alert> staged = new HashMap<>();
  /** The alerts whose published copy is an extension not written yet. */
  private final Set<Fingerprint> deferred = ConcurrentHashMap.newKeySet();
  private final Collection<Alert> publishedView = new AbstractCollection<>() {
    @Override
    public Iterator<Alert> iterator() {
      Iterator<Entry> it = entries.values().iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Alert next() {
          return it.next().published();
        }
      };
    }

    @Override
    public int size() {
      return entries.size();
    }
  };

  HeldAlerts(Collection<Alert> stored) {
    read(stored);
  }

  /** Takes the alerts read from the database at start, over nothing: nothing else is held before them. */
  void read(Collection<Alert> stored) {
    for (Alert alert : stored) {
      entries.put(alert.fingerprint(), new Entry(alert, alert));
    }
  }

  Alert published(Fingerprint fingerprint) {
    Entry entry = entries.get(fingerprint);
    return entry == null ? null : entry.published();
  }

  /** A live view of the published alerts. */
  Collection<Alert> published() {
    return publishedView;
  }

  /** The alert as the open transaction sees it: staged, else published. */
  Alert current(Fingerprint fingerprint) {
    Alert pending = staged.get(fingerprint);
    return pending != null ? pending : published(fingerprint);
  }

  /** {@link #current} and {@link #durable} at once. */
  Copies copies(Fingerprint fingerprint) {
    Alert pending = staged.get(fingerprint);
    if (pending != null) {
      return new Copies(pending, pending, true);
    }
    Entry entry = entries.get(fingerprint);
    return entry == null ? Copies.NONE : new Copies(entry.published(), entry.durable(), false);
  }

  boolean isStaged(Fingerprint fingerprint) {
    return staged.containsKey(fingerprint);
  }

  /** The copy the database holds, or the open transaction wrote; null when there is none. */
  Alert durable(Fingerprint fingerprint) {
    return copies(fingerprint).durable();
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
    entries.put(alert.fingerprint(), new Entry(alert, alert));
    staged.remove(alert.fingerprint(), alert);
    deferred.remove(alert.fingerprint());
  }

  /** Publishes {@code extension} without writing it; the database keeps the copy it holds. */
  void defer(Alert extension) {
    Entry previous = entries.get(extension.fingerprint());
    if (previous == null) {
      entries.put(extension.fingerprint(), new Entry(extension, extension));
      return;
    }
    entries.put(extension.fingerprint(), new Entry(extension, previous.durable()));
    if (!previous.deferred()) {
      deferred.add(extension.fingerprint());
    }
  }

  /** The deletion of {@code alert} committed; a deferred extension of it goes too. */
  void deleted(Alert alert) {
    Entry entry = entries.get(alert.fingerprint());
    if (entry != null && entry.published().equals(alert) && entries.remove(alert.fingerprint(), entry)) {
      deferred.remove(alert.fingerprint());
    }
  }

  /** A peer replica committed {@code alert}: what the database holds now, over any extension deferred here. */
  void peerChanged(Alert alert) {
    entries.put(alert.fingerprint(), new Entry(alert, alert));
    deferred.remove(alert.fingerprint());
  }

  /** The alerts whose published copy waits to be written. */
  Set<Fingerprint> deferred() {
    return deferred;
  }

  int deferredCount() {
    return deferred.size();
  }
}
