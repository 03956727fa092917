package dev.tta.alertrouter.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads the newest change number of each shared table (PostgreSQL), where a replica starts reading peers' writes. */
final class ChangeNumbersQuery {
  private ChangeNumbersQuery() {}

  static PeerSync.ChangeNumbers read(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(
            "SELECT (SELECT coalesce(max(change_seq), 0) FROM alerts),"
                + " (SELECT coalesce(max(change_seq), 0) FROM silences),"
                + " (SELECT coalesce(max(change_seq), 0) FROM notification_log),"
                + " (SELECT coalesce(max(change_seq), 0) FROM message_refs),"
                + " (SELECT coalesce(max(change_seq), 0) FROM acks),"
                + " (SELECT coalesce(max(change_seq), 0) FROM escalations),"
                + " (SELECT coalesce(max(change_seq), 0) FROM heartbeats)")) {
      row.next();
      return new PeerSync.ChangeNumbers(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
          row.getLong(5), row.getLong(6), row.getLong(7));
    }
  }
}
