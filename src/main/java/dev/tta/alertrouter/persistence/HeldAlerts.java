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
  /**
   * One alert's published copy and the copy on disk: the same object unless an extension waits. An
   * alert keeps its entry object from its first copy until it is deleted, and the writer changes the
   * entry in place, so a caller that looked it up before handing work to the writer can give it back
   * ({@link #copies(Fingerprint, Entry)}) and spare the writer a second look-up.
   */
  static final class Entry {
    /** Read by any thread; written by the writer's. */
    private volatile Alert published;
    /** The writer's. */
    private Alert durable;
    /** The writer's: the alert was deleted, and a later copy gets a new entry. */
    private boolean removed;

    private Entry(Alert alert) {
      this.published = alert;
      this.durable = alert;
    }

    Alert published() {
      return published;
    }

    boolean deferred() {
      return published != durable;
    }
  }

  /** What the open transaction sees of one alert: its current and durable copies, and whether it wrote it. */
  record Copies(Alert current, Alert durable, boolean staged, Entry entry) {
    static final Copies NONE = new Copies(null, null, false, null);
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
      written(alert);
    }
  }

  Alert published(Fingerprint fingerprint) {
    Entry entry = entries.get(fingerprint);
    return entry == null ? null : entry.published();
  }

  /** The alert's entry now, null when none is held: for {@link #copies(Fingerprint, Entry)} later. */
  Entry entry(Fingerprint fingerprint) {
    return entries.get(fingerprint);
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
    return copies(fingerprint, null);
  }

  /**
   * {@link #copies(Fingerprint)}, given what {@link #entry} said earlier: an entry not deleted since
   * is still the alert's, so it is used without a look-up (in an alert storm the look-up, a cache
   * miss on the writer's core, was the writer's largest cost: bench/README.md).
   */
  Copies copies(Fingerprint fingerprint, Entry earlier) {
    Alert pending = staged.isEmpty() ? null : staged.get(fingerprint);
    if (pending != null) {
      return new Copies(pending, pending, true, null);
    }
    Entry entry = earlier != null && !earlier.removed ? earlier : entries.get(fingerprint);
    return entry == null ? Copies.NONE : new Copies(entry.published, entry.durable, false, entry);
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
    written(alert);
    staged.remove(alert.fingerprint(), alert);
    deferred.remove(alert.fingerprint());
  }

  /** {@code alert} is both published and on disk; its entry is kept, or made for its first copy. */
  private void written(Alert alert) {
    Entry entry = entries.get(alert.fingerprint());
    if (entry == null) {
      entries.put(alert.fingerprint(), new Entry(alert));
    } else {
      entry.durable = alert;
      entry.published = alert;
    }
  }

  /**
   * Publishes {@code extension} without writing it; the database keeps the copy it holds. {@code
   * known} is the alert's entry from {@link #copies(Fingerprint, Entry)}, or null.
   */
  void defer(Alert extension, Entry known) {
    Entry entry = known != null && !known.removed ? known : entries.get(extension.fingerprint());
    if (entry == null) {
      entries.put(extension.fingerprint(), new Entry(extension));
      return;
    }
    boolean wasDeferred = entry.deferred();
    entry.published = extension;
    if (!wasDeferred) {
      deferred.add(extension.fingerprint());
    }
  }

  /** The deletion of {@code alert} committed; a deferred extension of it goes too. */
  void deleted(Alert alert) {
    Entry entry = entries.get(alert.fingerprint());
    if (entry != null && entry.published().equals(alert) && entries.remove(alert.fingerprint(), entry)) {
      entry.removed = true;
      deferred.remove(alert.fingerprint());
    }
  }

  /** A peer replica committed {@code alert}: what the database holds now, over any extension deferred here. */
  void peerChanged(Alert alert) {
    written(alert);
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
