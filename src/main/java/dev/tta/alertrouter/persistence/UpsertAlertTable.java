package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * One row per fingerprint, replaced in place: what replicas sharing a PostgreSQL database read
 * each other's changes from (by change number).
 */
final class UpsertAlertTable implements AlertTable {
  private final AlertRows rows;

  UpsertAlertTable(AlertRows rows) {
    this.rows = Objects.requireNonNull(rows, "rows");
  }

  @Override
  public Outcome write(WriteSession session, List<Version> versions) throws SQLException {
    PreparedStatement statement = session.statement(rows.upsert());
    for (Version version : versions) {
      rows.bindUpsert(statement, version.alert(), version.source());
      statement.addBatch();
    }
    statement.executeBatch();
    return Outcome.NONE;
  }

  /** Deletes a row only if it still holds the version looked at: a peer may have written since. */
  @Override
  public Outcome delete(WriteSession session, List<Alert> alerts) throws SQLException {
    PreparedStatement statement = session.statement(AlertRows.DELETE_IF_UNCHANGED);
    for (Alert alert : alerts) {
      AlertRows.bindDelete(statement, alert);
      statement.addBatch();
    }
    statement.executeBatch();
    return Outcome.NONE;
  }
}
