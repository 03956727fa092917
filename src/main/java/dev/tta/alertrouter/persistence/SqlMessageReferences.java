package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.notify.MessageReferences;
import dev.tta.alertrouter.notify.NotificationLog.Key;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Message references written through to the database and read from memory. A removal is written as
 * an empty reference, so that replicas sharing a PostgreSQL database read it as they read any
 * change; pruning deletes such rows, and references not renewed within the retention.
 */
final class SqlMessageReferences implements MessageReferences {
  private static final String COLUMNS = "group_key, receiver, integration, integration_index, reference, updated_at";
  private static final String UPSERT =
      "INSERT INTO message_refs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (group_key, receiver, integration, integration_index) DO UPDATE SET"
          + " reference = excluded.reference, updated_at = excluded.updated_at";
  private static final String DELETE_IF_UNCHANGED =
      "DELETE FROM message_refs WHERE group_key = ? AND receiver = ? AND integration = ?"
          + " AND integration_index = ? AND updated_at = ?";
  static final String SELECT_CHANGED =
      "SELECT " + COLUMNS + ", change_seq, written_by FROM message_refs WHERE change_seq > ? ORDER BY change_seq";

  private final GroupCommitWriter writer;
  private final Clock clock;
  private final String upsert;
  private final Map<Key, Row> committed = new ConcurrentHashMap<>();

  /** A stored reference; an empty one records a removal. */
  record Row(String reference, Instant updatedAt) {}

  private SqlMessageReferences(GroupCommitWriter writer, Clock clock, Dialect dialect, Map<Key, Row> stored) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.upsert = UPSERT + dialect.upsertBookkeeping();
    committed.putAll(stored);
  }

  static Map<Key, Row> read(Connection connection) throws SQLException {
    Map<Key, Row> rows = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT " + COLUMNS + " FROM message_refs")) {
      while (row.next()) {
        rows.put(readKey(row), readRow(row));
      }
    }
    return rows;
  }

  static SqlMessageReferences of(GroupCommitWriter writer, Clock clock, Dialect dialect, Map<Key, Row> stored) {
    return new SqlMessageReferences(writer, clock, dialect, stored);
  }

  @Override
  public Optional<String> get(Key key) {
    Row row = committed.get(Objects.requireNonNull(key, "key"));
    return row == null || row.reference().isEmpty() ? Optional.empty() : Optional.of(row.reference());
  }

  @Override
  public void put(Key key, String reference) {
    Objects.requireNonNull(reference, "reference");
    if (reference.isEmpty()) {
      throw new IllegalArgumentException("a message reference must not be empty");
    }
    write(key, new Row(reference, clock.instant()));
  }

  @Override
  public void remove(Key key) {
    if (committed.containsKey(Objects.requireNonNull(key, "key"))) {
      write(key, new Row("", clock.instant()));
    }
  }

  /** Takes a reference a peer replica committed. */
  void applyPeerChange(Key key, Row row) {
    committed.put(key, row);
  }

  /** Deletes removals and references not renewed since {@code cutoff}; returns how many. */
  int pruneUpdatedBefore(Instant cutoff) {
    List<Map.Entry<Key, Row>> old = new ArrayList<>();
    for (Map.Entry<Key, Row> e : committed.entrySet()) {
      if (e.getValue().reference().isEmpty() || e.getValue().updatedAt().isBefore(cutoff)) {
        old.add(Map.entry(e.getKey(), e.getValue()));
      }
    }
    if (old.isEmpty()) {
      return 0;
    }
    int[] deleted = new int[1];
    writer.write(new WriteTask() {
      @Override
      public void write(WriteSession session) throws SQLException {
        PreparedStatement statement = session.statement(DELETE_IF_UNCHANGED);
        for (Map.Entry<Key, Row> e : old) {
          bindKey(statement, e.getKey());
          statement.setString(5, e.getValue().updatedAt().toString());
          statement.addBatch();
        }
        statement.executeBatch();
      }

      @Override
      public void committed() {
        for (Map.Entry<Key, Row> e : old) {
          if (committed.remove(e.getKey(), e.getValue())) {
            deleted[0]++;
          }
        }
      }
    });
    return deleted[0];
  }

  private void write(Key key, Row row) {
    writer.write(new WriteTask() {
      @Override
      public void write(WriteSession session) throws SQLException {
        PreparedStatement statement = session.statement(upsert);
        bindKey(statement, key);
        statement.setString(5, row.reference());
        statement.setString(6, row.updatedAt().toString());
        statement.executeUpdate();
      }

      @Override
      public void committed() {
        committed.put(key, row);
      }
    });
  }

  static Key readKey(ResultSet row) throws SQLException {
    return new Key(row.getString(1), row.getString(2), row.getString(3), row.getInt(4));
  }

  static Row readRow(ResultSet row) throws SQLException {
    return new Row(row.getString(5), Instant.parse(row.getString(6)));
  }

  private static void bindKey(PreparedStatement statement, Key key) throws SQLException {
    statement.setString(1, key.groupKey());
    statement.setString(2, key.receiver());
    statement.setString(3, key.integration());
    statement.setInt(4, key.index());
  }
}
