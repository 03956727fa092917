package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.store.AlertMerge;
import dev.tta.alertrouter.store.AlertStore;
import dev.tta.alertrouter.store.StaleAlertListener;
import dev.tta.alertrouter.store.StoreUnavailableException;
import java.sql.SQLException;
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
 * Alerts kept in the database and, for fast reads, in memory. {@link #upsert} returns only once the
 * merged alerts are committed, so the intake's 2xx means durable. All merging happens on the
 * writer's thread, against the committed alerts plus what earlier writes of the same transaction
 * produced; readers see only committed alerts.
 */
final class SqlAlertStore implements AlertStore {

  private final GroupCommitWriter writer;
  private final AlertRows rows;
  private final AlertTable table;
  private final Clock clock;
  private final StaleAlertListener staleListener;
  private final Map<Fingerprint, Alert> committed = new ConcurrentHashMap<>();
  /** Written in the open transaction, not yet committed; touched by the writer's thread only. */
  private final Map<Fingerprint, Alert> uncommitted = new HashMap<>();
  private volatile boolean closed;

  SqlAlertStore(
      GroupCommitWriter writer,
      AlertRows rows,
      AlertTable table,
      Collection<Alert> stored,
      Clock clock,
      StaleAlertListener staleListener) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.rows = Objects.requireNonNull(rows, "rows");
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.staleListener = Objects.requireNonNull(staleListener, "staleListener");
    for (Alert alert : stored) {
      committed.put(alert.fingerprint(), alert);
    }
  }

  @Override
  public List<Alert> upsert(List<Alert> incoming) {
    if (closed) {
      throw new StoreUnavailableException("the alert store is closed");
    }
    List<AlertRows.Encoded> encoded = new ArrayList<>(incoming.size());
    for (Alert alert : incoming) {
      encoded.add(rows.encode(alert));
    }
    Upsert upsert = new Upsert(encoded, clock.instant());
    writer.write(upsert);
    for (Alert[] pair : upsert.stale) {
      staleListener.staleCopyIgnored(pair[0], pair[1]);
    }
    return upsert.stored;
  }

  @Override
  public Optional<Alert> get(Fingerprint fingerprint) {
    return Optional.ofNullable(committed.get(fingerprint));
  }

  @Override
  public List<Alert> list(List<Matcher> filter) {
    return AlertStore.matching(committed.values(), filter);
  }

  @Override
  public int pruneResolvedBefore(Instant cutoff) {
    Prune prune = new Prune(cutoff);
    writer.write(prune);
    return prune.deleted.size();
  }

  @Override
  public int size() {
    return committed.size();
  }

  @Override
  public Map<Alert.Status, Long> countByStatus(Instant at) {
    return AlertStore.countByStatus(committed.values(), at);
  }

  /** Refuses further upserts; the database itself is closed with its {@link Persistence}. */
  @Override
  public void close() {
    closed = true;
  }

  /** Takes an alert a peer replica committed; on the writer's thread, before this transaction's writes. */
  void applyPeerChange(Alert alert) {
    committed.put(alert.fingerprint(), alert);
  }

  /** The alert held for {@code fingerprint} as the open transaction sees it. */
  private Alert current(Fingerprint fingerprint) {
    Alert pending = uncommitted.get(fingerprint);
    return pending != null ? pending : committed.get(fingerprint);
  }

  /** One caller's alerts, merged and written as one step of a shared transaction. */
  private final class Upsert implements WriteTask {
    private final List<AlertRows.Encoded> incoming;
    private final Instant now;
    private final List<Alert> stored;
    private final List<Alert> written = new ArrayList<>();
    private final List<Alert[]> stale = new ArrayList<>();
    private AlertTable.Outcome outcome = AlertTable.Outcome.NONE;

    Upsert(List<AlertRows.Encoded> incoming, Instant now) {
      this.incoming = incoming;
      this.now = now;
      this.stored = new ArrayList<>(incoming.size());
    }

    @Override
    public void write(WriteSession session) throws SQLException {
      stored.clear();
      written.clear();
      stale.clear();
      outcome = AlertTable.Outcome.NONE;
      List<AlertTable.Version> versions = new ArrayList<>();
      for (AlertRows.Encoded encoded : incoming) {
        Alert alert = encoded.alert();
        Alert held = current(alert.fingerprint());
        AlertMerge.Outcome merged = AlertMerge.combine(held, alert, now);
        stored.add(merged.stored());
        if (merged.stale()) {
          stale.add(new Alert[] {alert, merged.stored()});
        } else if (!merged.stored().equals(held)) {
          uncommitted.put(alert.fingerprint(), merged.stored());
          written.add(merged.stored());
          versions.add(new AlertTable.Version(merged.stored(), encoded));
        }
      }
      if (!versions.isEmpty()) {
        outcome = table.write(session, versions);
      }
    }

    @Override
    public void committed() {
      outcome.committed();
      for (Alert alert : written) {
        committed.put(alert.fingerprint(), alert);
        uncommitted.remove(alert.fingerprint(), alert);
      }
    }

    @Override
    public void rolledBack() {
      outcome.rolledBack();
      for (Alert alert : written) {
        uncommitted.remove(alert.fingerprint(), alert);
      }
    }
  }

  /** Deletes the alerts that ended before the cutoff, unless a newer copy is being written. */
  private final class Prune implements WriteTask {
    private final Instant cutoff;
    private final List<Alert> deleted = new ArrayList<>();
    private AlertTable.Outcome outcome = AlertTable.Outcome.NONE;

    Prune(Instant cutoff) {
      this.cutoff = cutoff;
    }

    @Override
    public void write(WriteSession session) throws SQLException {
      deleted.clear();
      outcome = AlertTable.Outcome.NONE;
      for (Alert alert : committed.values()) {
        if (alert.endsAt() != null
            && alert.endsAt().isBefore(cutoff)
            && alert.equals(current(alert.fingerprint()))) {
          deleted.add(alert);
        }
      }
      if (!deleted.isEmpty()) {
        outcome = table.delete(session, deleted);
      }
    }

    @Override
    public void committed() {
      outcome.committed();
      for (Alert alert : deleted) {
        committed.remove(alert.fingerprint(), alert);
      }
    }

    @Override
    public void rolledBack() {
      outcome.rolledBack();
    }
  }
}
