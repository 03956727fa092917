package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.heartbeat.HeartbeatState;
import dev.tta.alertrouter.heartbeat.HeartbeatStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Heartbeat states written through to the {@code heartbeats} table and read from memory; replicas
 * sharing a PostgreSQL database read each other's rows by change number ({@link PeerSync}). A row
 * is one per configured name and small, so none is pruned.
 */
final class SqlHeartbeatStore implements HeartbeatStore {
  private static final String COLUMNS = "name, last_seen, missing_since, updated_at";
  private static final String UPSERT =
      "INSERT INTO heartbeats (" + COLUMNS + ") VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
          + " last_seen = excluded.last_seen, missing_since = excluded.missing_since, updated_at = excluded.updated_at";
  /** PostgreSQL: the rows written since a change number, with their number (5) and writer (6). */
  static final String SELECT_CHANGED =
      "SELECT " + COLUMNS + ", change_seq, written_by FROM heartbeats WHERE change_seq > ? ORDER BY change_seq";

  private final GroupCommitWriter writer;
  private final String upsert;
  private final Map<String, HeartbeatState> committed = new ConcurrentHashMap<>();

  SqlHeartbeatStore(GroupCommitWriter writer, Dialect dialect, Map<String, HeartbeatState> stored) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.upsert = UPSERT + dialect.upsertBookkeeping();
    committed.putAll(stored);
  }

  static Map<String, HeartbeatState> read(Connection connection) throws SQLException {
    Map<String, HeartbeatState> rows = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT " + COLUMNS + " FROM heartbeats")) {
      while (row.next()) {
        HeartbeatState state = readRow(row);
        rows.put(state.name(), state);
      }
    }
    return rows;
  }

  @Override
  public Optional<HeartbeatState> get(String name) {
    return Optional.ofNullable(committed.get(Objects.requireNonNull(name, "name")));
  }

  @Override
  public Collection<HeartbeatState> all() {
    return List.copyOf(committed.values());
  }

  /** Throws {@code StoreUnavailableException} when it could not be committed. */
  @Override
  public void put(HeartbeatState state) {
    Objects.requireNonNull(state, "state");
    writer.write(new WriteTask() {
      @Override
      public void write(WriteSession session) throws SQLException {
        PreparedStatement statement = session.statement(upsert);
        statement.setString(1, state.name());
        statement.setString(2, text(state.lastSeen()));
        statement.setString(3, text(state.missingSince()));
        statement.setString(4, state.updatedAt().toString());
        statement.executeUpdate();
      }

      @Override
      public void committed() {
        committed.put(state.name(), state);
      }
    });
  }

  /** Takes a row a peer replica committed, unless this replica holds a newer one. */
  void applyPeerChange(HeartbeatState state) {
    committed.merge(state.name(), state, (held, peer) -> peer.updatedAt().isBefore(held.updatedAt()) ? held : peer);
  }

  static HeartbeatState readRow(ResultSet row) throws SQLException {
    return new HeartbeatState(row.getString(1), instant(row.getString(2)), instant(row.getString(3)),
        Instant.parse(row.getString(4)));
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
