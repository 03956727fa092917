package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SQLite's {@code intake_pending} table (migration V9): what intake accepted while the stored alerts
 * were still being read, unmerged, each batch with the instant it was received, so that it can be
 * merged later exactly as it would have been then. Writing and reading happen on the writer's
 * thread, inside its transactions; the sequence numbers are the writer's state.
 */
final class IntakePending {
  private static final String COLUMNS =
      "fingerprint, labels, annotations, starts_at, ends_at, ends_at_by_timeout, generator_url, updated_at";
  private static final String APPEND =
      "INSERT INTO intake_pending (" + COLUMNS + ", seq, batch, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT_ALL =
      "SELECT " + COLUMNS + ", seq, batch, received_at FROM intake_pending ORDER BY seq";
  private static final String DELETE_ALL = "DELETE FROM intake_pending";
  private static final String LAST_NUMBERS =
      "SELECT coalesce(max(seq), 0), coalesce(max(batch), 0), count(*) FROM intake_pending";

  /** One upsert call's alerts, as received, in their order. */
  record Batch(Instant receivedAt, List<Alert> alerts) {}

  private final AlertRows rows;
  private long nextSeq;
  private long nextBatch;
  /** Whether the table may hold rows: some were there at open, or appended since (perhaps rolled back). */
  private boolean maybeHeld;

  private IntakePending(AlertRows rows, long lastSeq, long lastBatch, boolean held) {
    this.rows = Objects.requireNonNull(rows, "rows");
    this.nextSeq = lastSeq + 1;
    this.nextBatch = lastBatch + 1;
    this.maybeHeld = held;
  }

  /** Continues the numbering of rows a crash may have left (one small query: the table is empty outside a start). */
  static IntakePending open(Connection connection, AlertRows rows) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet last = statement.executeQuery(LAST_NUMBERS)) {
      last.next();
      return new IntakePending(rows, last.getLong(1), last.getLong(2), last.getLong(3) > 0);
    }
  }

  /** Appends one batch, as received at {@code receivedAt}, in the open transaction. */
  void append(WriteSession session, List<AlertRows.Encoded> alerts, Instant receivedAt) throws SQLException {
    PreparedStatement append = session.statement(APPEND);
    maybeHeld = true;
    long batch = nextBatch++;
    for (AlertRows.Encoded encoded : alerts) {
      rows.bindUpsert(append, encoded.alert(), encoded);
      append.setLong(9, nextSeq++);
      append.setLong(10, batch);
      append.setString(11, receivedAt.toString());
      append.addBatch();
    }
    append.executeBatch();
  }

  /** False when the table is known to be empty, so applying it needs no transaction. */
  boolean maybeHeld() {
    return maybeHeld;
  }

  /** Every batch the table holds, oldest first, as the open transaction sees it. */
  List<Batch> read(WriteSession session) throws SQLException {
    List<Batch> batches = new ArrayList<>();
    PreparedStatement select = session.statement(SELECT_ALL);
    long current = Long.MIN_VALUE;
    List<Alert> alerts = null;
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        long batch = row.getLong(10);
        if (batch != current) {
          current = batch;
          alerts = new ArrayList<>();
          batches.add(new Batch(Instant.parse(row.getString(11)), alerts));
        }
        alerts.add(rows.read(row));
      }
    }
    return batches;
  }

  /** Empties the table in the open transaction (the transaction that applied its rows). */
  void clear(WriteSession session) throws SQLException {
    session.statement(DELETE_ALL).executeUpdate();
  }

  /** The transaction that cleared the table committed. */
  void cleared() {
    maybeHeld = false;
  }
}
