package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.escalation.EscalationState;
import dev.tta.alertrouter.escalation.EscalationStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
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
 * Escalation states written through to the {@code escalations} table and read from memory; replicas
 * sharing PostgreSQL read each other's, so a step one sent is not sent again by another.
 */
final class SqlEscalationStore implements EscalationStore {
  private static final String COLUMNS = "group_key, route_key, first_notified_at, steps_sent, ended_at, updated_at";
  private static final String UPSERT =
      "INSERT INTO escalations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (group_key) DO UPDATE SET"
          + " route_key = excluded.route_key, first_notified_at = excluded.first_notified_at,"
          + " steps_sent = excluded.steps_sent, ended_at = excluded.ended_at, updated_at = excluded.updated_at";
  private static final String DELETE_IF_UNCHANGED = "DELETE FROM escalations WHERE group_key = ? AND updated_at = ?";
  /** PostgreSQL: the rows written since a change number, with their number (7) and writer (8). */
  static final String SELECT_CHANGED =
      "SELECT " + COLUMNS + ", change_seq, written_by FROM escalations WHERE change_seq > ? ORDER BY change_seq";

  /** A stored state and when it was written. */
  record Row(EscalationState state, Instant updatedAt) {}

  private final GroupCommitWriter writer;
  private final Clock clock;
  private final String upsert;
  private final Map<String, Row> committed = new ConcurrentHashMap<>();

  SqlEscalationStore(GroupCommitWriter writer, Clock clock, Dialect dialect, Map<String, Row> stored) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.upsert = UPSERT + dialect.upsertBookkeeping();
    committed.putAll(stored);
  }

  static Map<String, Row> read(Connection connection) throws SQLException {
    Map<String, Row> rows = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT " + COLUMNS + " FROM escalations")) {
      while (row.next()) {
        Row read = readRow(row);
        rows.put(read.state().groupKey(), read);
      }
    }
    return rows;
  }

  @Override
  public Optional<EscalationState> get(String groupKey) {
    Row row = committed.get(Objects.requireNonNull(groupKey, "groupKey"));
    return row == null ? Optional.empty() : Optional.of(row.state());
  }

  @Override
  public Collection<EscalationState> open() {
    List<EscalationState> open = new ArrayList<>();
    committed.values().forEach(r -> {
      if (r.state().open()) {
        open.add(r.state());
      }
    });
    return open;
  }

  /** Throws {@code StoreUnavailableException} when it could not be committed. */
  @Override
  public void put(EscalationState state) {
    Row row = new Row(Objects.requireNonNull(state, "state"), clock.instant());
    writer.write(new WriteTask() {
      @Override
      public void write(WriteSession session) throws SQLException {
        PreparedStatement statement = session.statement(upsert);
        statement.setString(1, state.groupKey());
        statement.setString(2, state.routeKey());
        statement.setString(3, state.firstNotifiedAt().toString());
        statement.setInt(4, state.stepsSent());
        statement.setString(5, state.endedAt() == null ? null : state.endedAt().toString());
        statement.setString(6, row.updatedAt().toString());
        statement.executeUpdate();
      }

      @Override
      public void committed() {
        committed.put(state.groupKey(), row);
      }
    });
  }

  /** Takes a row a peer replica committed. */
  void applyPeerChange(Row row) {
    committed.put(row.state().groupKey(), row);
  }

  /** Deletes states not written since {@code cutoff}; returns how many. */
  int pruneBefore(Instant cutoff) {
    List<Row> old = new ArrayList<>();
    for (Row row : committed.values()) {
      if (row.updatedAt().isBefore(cutoff)) {
        old.add(row);
      }
    }
    return GroupKeyedPruning.delete(writer, DELETE_IF_UNCHANGED, committed, old, r -> r.state().groupKey(), Row::updatedAt);
  }

  static Row readRow(ResultSet row) throws SQLException {
    String ended = row.getString(5);
    EscalationState state = new EscalationState(row.getString(1), row.getString(2), Instant.parse(row.getString(3)),
        row.getInt(4), ended == null ? null : Instant.parse(ended));
    return new Row(state, Instant.parse(row.getString(6)));
  }
}
