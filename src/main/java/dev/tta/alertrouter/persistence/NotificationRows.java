package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.notify.NotificationLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Maps notification-log entries to rows of the {@code notification_log} table and back. */
final class NotificationRows {
  private static final String UPSERT =
      "INSERT INTO notification_log (group_key, receiver, integration, integration_index, firing,"
          + " resolved, notified_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (group_key, receiver, integration, integration_index) DO UPDATE SET"
          + " firing = excluded.firing, resolved = excluded.resolved, notified_at = excluded.notified_at";

  /** Deletes an entry only if it still holds the notification pruning looked at. */
  static final String DELETE_IF_UNCHANGED =
      "DELETE FROM notification_log WHERE group_key = ? AND receiver = ? AND integration = ?"
          + " AND integration_index = ? AND notified_at = ?";

  private static final String COLUMNS =
      "group_key, receiver, integration, integration_index, firing, resolved, notified_at";

  static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM notification_log";

  /** PostgreSQL: the rows written since a change number, with their number (8) and writer (9). */
  static final String SELECT_CHANGED =
      "SELECT " + COLUMNS + ", change_seq, written_by FROM notification_log WHERE change_seq > ?"
          + " ORDER BY change_seq";

  private final String upsert;

  NotificationRows(Dialect dialect) {
    this.upsert = UPSERT + dialect.upsertBookkeeping();
  }

  String upsert() {
    return upsert;
  }

  static void bindUpsert(PreparedStatement statement, NotificationLog.Key key, NotificationLog.Entry entry)
      throws SQLException {
    bindKey(statement, key);
    statement.setString(5, fingerprints(entry.firing()));
    statement.setString(6, fingerprints(entry.resolved()));
    statement.setString(7, entry.timestamp().toString());
  }

  static void bindDelete(PreparedStatement statement, NotificationLog.Key key, NotificationLog.Entry entry)
      throws SQLException {
    bindKey(statement, key);
    statement.setString(5, entry.timestamp().toString());
  }

  static NotificationLog.Key readKey(ResultSet row) throws SQLException {
    return new NotificationLog.Key(row.getString(1), row.getString(2), row.getString(3), row.getInt(4));
  }

  static NotificationLog.Entry readEntry(ResultSet row) throws SQLException {
    return new NotificationLog.Entry(
        parseFingerprints(row.getString(5)), parseFingerprints(row.getString(6)), Instant.parse(row.getString(7)));
  }

  private static void bindKey(PreparedStatement statement, NotificationLog.Key key) throws SQLException {
    statement.setString(1, key.groupKey());
    statement.setString(2, key.receiver());
    statement.setString(3, key.integration());
    statement.setInt(4, key.index());
  }

  private static String fingerprints(Set<Fingerprint> fingerprints) {
    StringBuilder text = new StringBuilder(fingerprints.size() * 17);
    for (Fingerprint fingerprint : fingerprints) {
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(fingerprint);
    }
    return text.toString();
  }

  private static Set<Fingerprint> parseFingerprints(String text) {
    Set<Fingerprint> fingerprints = new HashSet<>();
    if (!text.isEmpty()) {
      for (String hex : text.split(",")) {
        fingerprints.add(Fingerprint.parse(hex));
      }
    }
    return fingerprints;
  }
}
