package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.alert.Fingerprint;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What was last notified for each group and integration (Alertmanager's {@code nflog}): the dedup
 * stage reads it to decide whether a flush tells the receiver anything new. An in-memory log serves
 * one process; a persistent one keeps restarts (and a second replica) from notifying twice.
 */
public interface NotificationLog {
  /** The last successful notification for {@code key}, if one is remembered. */
  Optional<Entry> last(Key key);

  /** Remembers a successful notification, replacing the previous one for {@code key}. */
  void record(Key key, Entry entry);

  /**
   * Whose notification an entry records (Alertmanager's group key and {@code nflogpb.Receiver}).
   *
   * @param groupKey the aggregation group's key
   * @param receiver the receiver's name
   * @param integration the integration type, e.g. {@code slack}, {@code pagerduty}
   * @param index the integration's position among the receiver's integrations of that type
   */
  record Key(String groupKey, String receiver, String integration, int index) {
    public Key {
      Objects.requireNonNull(groupKey, "groupKey");
      Objects.requireNonNull(receiver, "receiver");
      Objects.requireNonNull(integration, "integration");
      if (index < 0) {
        throw new IllegalArgumentException("index must not be negative: " + index);
      }
    }
  }

  /**
   * One notification: which alerts it reported firing and which resolved.
   *
   * @param firing fingerprints of the alerts notified as firing
   * @param resolved fingerprints of the alerts notified as resolved (or that would have been, for an
   *     integration with send_resolved off)
   * @param timestamp the flush the notification belonged to
   */
  record Entry(Set<Fingerprint> firing, Set<Fingerprint> resolved, Instant timestamp) {
    public Entry {
      firing = Set.copyOf(firing);
      resolved = Set.copyOf(resolved);
      Objects.requireNonNull(timestamp, "timestamp");
    }
  }
}
