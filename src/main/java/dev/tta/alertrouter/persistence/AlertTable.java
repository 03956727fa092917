package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import java.sql.SQLException;
import java.util.List;

/**
 * How alert versions reach the database: SQLite appends them to a journal ({@link AlertJournal}),
 * PostgreSQL upserts them by fingerprint ({@link UpsertAlertTable}). Called on the writer's thread
 * only, inside the open transaction.
 */
interface AlertTable {
  /** A merged alert to store, with the incoming copy whose encoded columns it may reuse. */
  record Version(Alert alert, AlertRows.Encoded source) {}

  /** Writes new versions of these alerts. */
  Outcome write(WriteSession session, List<Version> versions) throws SQLException;

  /** Deletes these alerts, each in the version the open transaction holds. */
  Outcome delete(WriteSession session, List<Alert> alerts) throws SQLException;

  /** What a write leaves to settle once its transaction ends. */
  interface Outcome {
    Outcome NONE = new Outcome() {
      @Override
      public void committed() {}

      @Override
      public void rolledBack() {}
    };

    void committed();

    void rolledBack();
  }
}
