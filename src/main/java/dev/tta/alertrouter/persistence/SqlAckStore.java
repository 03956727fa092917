package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.ack.AckStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Acknowledgements written through to the {@code acks} table and read from memory. An ended one is
 * written as such (not deleted), so replicas sharing a PostgreSQL database read the end as they read
 * any change; pruning deletes ended and lapsed ones after the retention.
 */
final class SqlAckStore implements AckStore {
  private static final String COLUMNS = "group_key, acked_by, comment, acked_at, until_at, via, ended_at, updated_at";
  private static final String UPSERT =
      "INSERT INTO acks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (group_key) DO UPDATE SET"
          + " acked_by = excluded.acked_by, comment = excluded.comment, acked_at = excluded.acked_at,"
          + " until_at = excluded.until_at, via = excluded.via, ended_at = excluded.ended_at,"
          + " updated_at = excluded.updated_at";
  private static final String DELETE_IF_UNCHANGED = "DELETE FROM acks WHERE group_key = ? AND updated_at = ?";
  /** PostgreSQL: the rows written since a change number, with their number (9) and writer (10). */
  static final String SELECT_CHANGED =
      "SELECT " + COLUMNS + ", change_seq, written_by FROM acks WHERE change_seq > ? ORDER BY change_seq";

  /** A stored acknowledgement; {@code endedAt} is set once it no longer holds. */
  record Row(Ack ack, Instant endedAt, Instant updatedAt) {
    boolean ended() {
      return endedAt != null;
    }
  }

  private final GroupCommitWriter writer;
  private final String upsert;
  private final Map<String, Row> committed = new ConcurrentHashMap<>();

  SqlAckStore(GroupCommitWriter writer, Dialect dialect, Map<String, Row> stored) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.upsert = UPSERT + dialect.upsertBookkeeping();
    committed.putAll(stored);
  }

  static Map<String, Row> read(Connection connection) throws SQLException {
    Map<String, Row> rows = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT " + COLUMNS + " FROM acks")) {
      while (row.next()) {
        Row read = readRow(row);
        rows.put(read.ack().groupKey(), read);
      }
    }
    return rows;
  }

  @Override
  public Optional<Ack> get(String groupKey) {
    Row row = committed.get(Objects.requireNonNull(groupKey, "groupKey"));
    return row == null || row.ended() ? Optional.empty() : Optional.of(row.ack());
  }

  @Override
  public Collection<Ack> all() {
    List<Ack> acks = new ArrayList<>();
    committed.values().forEach(r -> {
      if (!r.ended()) {
        acks.add(r.ack());
      }
    });
    return acks;
  }

  /** Throws {@code StoreUnavailableException} when it could not be committed. */
  @Override
  public void put(Ack ack) {
    Objects.requireNonNull(ack, "ack");
    write(new Row(ack, null, ack.at()));
  }

  @Override
  public void end(String groupKey, Instant at) {
    Objects.requireNonNull(at, "at");
    Row row = committed.get(Objects.requireNonNull(groupKey, "groupKey"));
    if (row != null && !row.ended()) {
      write(new Row(row.ack(), at, at));
    }
  }

  /** Takes a row a peer replica committed. */
  void applyPeerChange(Row row) {
    committed.put(row.ack().groupKey(), row);
  }

  /** Deletes acknowledgements ended or lapsed before {@code cutoff} (and not written since); returns how many. */
  int pruneBefore(Instant cutoff) {
    List<Row> old = new ArrayList<>();
    for (Row row : committed.values()) {
      boolean over = row.ended() || !row.ack().holdsAt(cutoff);
      if (over && row.updatedAt().isBefore(cutoff)) {
        old.add(row);
      }
    }
    return GroupKeyedPruning.delete(writer, DELETE_IF_UNCHANGED, committed, old, r -> r.ack().groupKey(), Row::updatedAt);
  }

  private void write(Row row) {
    writer.write(new WriteTask() {
      @Override
      public void write(WriteSession session) throws SQLException {
        PreparedStatement statement = session.statement(upsert);
        Ack ack = row.ack();
        statement.setString(1, ack.groupKey());
        statement.setString(2, ack.by());
        statement.setString(3, ack.comment());
        statement.setString(4, ack.at().toString());
        statement.setString(5, ack.until() == null ? null : ack.until().toString());
        statement.setString(6, ack.via());
        statement.setString(7, row.endedAt() == null ? null : row.endedAt().toString());
        statement.setString(8, row.updatedAt().toString());
        statement.executeUpdate();
      }

      @Override
      public void committed() {
        committed.put(row.ack().groupKey(), row);
      }
    });
  }

  static Row readRow(ResultSet row) throws SQLException {
    Ack ack = new Ack(row.getString(1), row.getString(2), row.getString(3), Instant.parse(row.getString(4)),
        instant(row.getString(5)), row.getString(6));
    return new Row(ack, instant(row.getString(7)), Instant.parse(row.getString(8)));
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
