package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.notify.NotificationLog;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import dev.tta.alertrouter.alert.Fingerprint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The notification log written through to the database and read from memory. {@link #record}
 * returns once the entry is committed: a restart right after a notification does not send it again.
 */
final class SqlNotificationLog implements NotificationLog {
  private final GroupCommitWriter writer;
  private final NotificationRows rows;
  private final Map<Key, Entry> committed = new ConcurrentHashMap<>();

  SqlNotificationLog(GroupCommitWriter writer, NotificationRows rows, Map<Key, Entry> stored) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.rows = Objects.requireNonNull(rows, "rows");
    committed.putAll(stored);
  }

  @Override
  public Optional<Entry> last(Key key) {
    return Optional.ofNullable(committed.get(Objects.requireNonNull(key, "key")));
  }

  /** Throws {@code StoreUnavailableException} when the entry could not be committed. */
  @Override
  public void record(Key key, Entry entry) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(entry, "entry");
    // Ahead of queued intake writes: until this commits, a crash would send the notification again.
    writer.writeFirst(
        new WriteTask() {
          @Override
          public void write(WriteSession session) throws SQLException {
            PreparedStatement statement = session.statement(rows.upsert());
            NotificationRows.bindUpsert(statement, key, entry);
            statement.executeUpdate();
          }

          @Override
          public void committed() {
            committed.put(key, entry);
          }
        });
  }

  /** Drops the entries of notifications sent before {@code cutoff}; returns how many. */
  int pruneNotifiedBefore(Instant cutoff) {
    List<Map.Entry<Key, Entry>> old = new ArrayList<>();
    for (Map.Entry<Key, Entry> e : committed.entrySet()) {
      if (e.getValue().timestamp().isBefore(cutoff)) {
        old.add(Map.entry(e.getKey(), e.getValue()));
      }
    }
    if (old.isEmpty()) {
      return 0;
    }
    int[] deleted = new int[1];
    writer.write(
        new WriteTask() {
          @Override
          public void write(WriteSession session) throws SQLException {
            PreparedStatement statement = session.statement(NotificationRows.DELETE_IF_UNCHANGED);
            for (Map.Entry<Key, Entry> e : old) {
              NotificationRows.bindDelete(statement, e.getKey(), e.getValue());
              statement.addBatch();
            }
            statement.executeBatch();
          }

          @Override
          public void committed() {
            for (Map.Entry<Key, Entry> e : old) {
              if (committed.remove(e.getKey(), e.getValue())) {
                deleted[0]++;
              }
            }
          }
        });
    return deleted[0];
  }

  /** Takes an entry a peer replica committed. */
  void applyPeerChange(Key key, Entry entry) {
    committed.put(key, entry);
  }

  /**
   * The alerts last notified as firing for a group (to any of its receivers' integrations): what a
   * replica taking the group over owes a resolve to, should they have resolved.
   */
  Set<Fingerprint> notifiedFiring(String groupKey) {
    Set<Fingerprint> firing = new HashSet<>();
    for (Map.Entry<Key, Entry> e : committed.entrySet()) {
      if (e.getKey().groupKey().equals(groupKey)) {
        firing.addAll(e.getValue().firing());
      }
    }
    return firing;
  }
}
