package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Writes the alert store's deferred {@code endsAt} extensions: one row per alert, its latest
 * published copy. Where replicas share the database, their writes were read as the transaction
 * began, and dropped the extensions they supersede; an alert a caller wrote earlier in the same
 * transaction is left to that write.
 */
final class Checkpoint implements WriteTask {
  private final HeldAlerts alerts;
  /** Asked on the writer's thread: SQLite's journal is known only once the stored alerts are read. */
  private final Supplier<AlertTable> table;
  private final LongConsumer onCommitted;
  private final List<Alert> written = new ArrayList<>();
  private AlertTable.Outcome outcome = AlertTable.Outcome.NONE;

  /** {@code onCommitted} hears how many alerts each committed checkpoint wrote. */
  Checkpoint(HeldAlerts alerts, Supplier<AlertTable> table, LongConsumer onCommitted) {
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.table = Objects.requireNonNull(table, "table");
    this.onCommitted = Objects.requireNonNull(onCommitted, "onCommitted");
  }

  /** How many alerts this checkpoint wrote. */
  int written() {
    return written.size();
  }

  @Override
  public boolean prepare() {
    return alerts.deferredCount() > 0;
  }

  @Override
  public void write(WriteSession session) throws SQLException {
    written.clear();
    outcome = AlertTable.Outcome.NONE;
    List<AlertTable.Version> versions = new ArrayList<>(alerts.deferredCount());
    for (Fingerprint fingerprint : alerts.deferred()) {
      if (alerts.isStaged(fingerprint)) {
        continue; // a caller's write of this transaction supersedes the extension
      }
      Alert latest = alerts.published(fingerprint);
      alerts.stage(latest);
      written.add(latest);
      versions.add(new AlertTable.Version(latest, AlertRows.Encoded.unencoded(latest)));
    }
    if (!versions.isEmpty()) {
      outcome = table.get().write(session, versions);
    }
  }

  @Override
  public void committed() {
    outcome.committed();
    written.forEach(alerts::committed);
    onCommitted.accept(written.size());
  }

  @Override
  public void rolledBack() {
    outcome.rolledBack();
    written.forEach(alerts::unstage);
  }
}
