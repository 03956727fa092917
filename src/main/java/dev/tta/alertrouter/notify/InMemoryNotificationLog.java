package dev.tta.alertrouter.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link NotificationLog} held in memory: lost on restart, so the first flush after one notifies
 * again. Entries older than the retention are dropped by {@link #collectGarbage}, as Alertmanager's
 * log drops them after {@code --data.retention}.
 */
public final class InMemoryNotificationLog implements NotificationLog {
  private final Duration retention;
  private final ConcurrentMap<Key, Entry> entries = new ConcurrentHashMap<>();

  /** @param retention how long an entry is kept after its notification; longer than any repeat_interval */
  public InMemoryNotificationLog(Duration retention) {
    Objects.requireNonNull(retention, "retention");
    if (retention.isZero() || retention.isNegative()) {
      throw new IllegalArgumentException("retention must be positive: " + retention);
    }
    this.retention = retention;
  }

  @Override
  public Optional<Entry> last(Key key) {
    return Optional.ofNullable(entries.get(Objects.requireNonNull(key, "key")));
  }

  @Override
  public void record(Key key, Entry entry) {
    entries.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(entry, "entry"));
  }

  /**
   * Drops the entries whose retention has run out by {@code now}.
   *
   * @return how many were dropped
   */
  public int collectGarbage(Instant now) {
    Instant cutoff = now.minus(retention);
    int dropped = 0;
    for (Map.Entry<Key, Entry> e : entries.entrySet()) {
      // remove(key, value): an entry recorded meanwhile is newer and stays.
      if (e.getValue().timestamp().isBefore(cutoff) && entries.remove(e.getKey(), e.getValue())) {
        dropped++;
      }
    }
    return dropped;
  }

  /** How many entries are held. */
  public int size() {
    return entries.size();
  }
}
