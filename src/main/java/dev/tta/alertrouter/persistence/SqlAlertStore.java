package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.store.AlertMerge;
import dev.tta.alertrouter.store.AlertStore;
import dev.tta.alertrouter.store.ResendKind;
import dev.tta.alertrouter.store.Upserted;
import dev.tta.alertrouter.store.StaleAlertListener;
import dev.tta.alertrouter.store.StoreUnavailableException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alerts kept in the database and, for fast reads, in memory. {@link #upsert} returns once every
 * merged alert that is new or changed is committed, so the intake's 2xx means durable for them. A
 * resend that only renews {@code endsAt} ({@link ResendKind#EXTENSION}) is published at once and
 * written behind, by the next {@link #checkpoint} (or {@link #checkpointTask} at close), unless the
 * copy the database holds ends within {@link #DURABLE_LEAD}: then it is committed first like a
 * change. All merging happens on the writer's thread, against the published alerts plus what earlier
 * writes of the same transaction produced.
 */
final class SqlAlertStore implements AlertStore {
  /**
   * An {@code endsAt} extension is written before the 2xx when the database's copy would end sooner
   * than this. Prometheus sets {@code endsAt} minutes ahead (4 × max(evaluation interval, resend
   * delay)) and renews it at every resend, so a crash that loses deferred extensions leaves each
   * alert with a durable end at least this far beyond its last deferred resend: a router back
   * within this lead finds the alert still firing, and the sender's next resend extends it again.
   */
  static final Duration DURABLE_LEAD = Duration.ofMinutes(1);

  private final GroupCommitWriter writer;
  private final AlertRows rows;
  private final AlertTable table;
  private final Clock clock;
  private final StaleAlertListener staleListener;
  private final HeldAlerts alerts;
  private final AtomicLong checkpointed = new AtomicLong();
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
    this.alerts = new HeldAlerts(stored);
  }

  @Override
  public Upserted upsertAll(List<Alert> incoming) {
    if (closed) {
      throw new StoreUnavailableException("the alert store is closed");
    }
    List<AlertRows.Encoded> encoded = new ArrayList<>(incoming.size());
    // Encoding here keeps that work off the single writer thread, but a copy that repeats the held
    // alert but for its end is most likely an extension, which is not written now: not encoded
    // either (the writer encodes it if it must write it after all).
    for (Alert alert : incoming) {
      Alert held = alerts.published(alert.fingerprint());
      encoded.add(held != null && ResendKind.samePayload(held, alert)
          ? AlertRows.Encoded.unencoded(alert)
          : rows.encode(alert));
    }
    Upsert upsert = new Upsert(encoded, clock.instant());
    writer.write(upsert);
    for (Alert[] pair : upsert.stale) {
      staleListener.staleCopyIgnored(pair[0], pair[1]);
    }
    return new Upserted(upsert.stored, upsert.repeats);
  }

  @Override
  public Optional<Alert> get(Fingerprint fingerprint) {
    return Optional.ofNullable(alerts.published(fingerprint));
  }

  @Override
  public List<Alert> list(List<Matcher> filter) {
    return AlertStore.matching(alerts.published(), filter);
  }

  @Override
  public int pruneResolvedBefore(Instant cutoff) {
    Prune prune = new Prune(cutoff);
    writer.write(prune);
    return prune.deleted.size();
  }

  @Override
  public int size() {
    return alerts.published().size();
  }

  @Override
  public Map<Alert.Status, Long> countByStatus(Instant at) {
    return AlertStore.countByStatus(alerts.published(), at);
  }

  /** Refuses further upserts; the database itself is closed with its {@link Persistence}. */
  @Override
  public void close() {
    closed = true;
  }

  /**
   * Writes every deferred extension, one row per alert (its latest copy), and returns how many;
   * without a transaction when there is none.
   *
   * @throws StoreUnavailableException when the database cannot be written
   */
  int checkpoint() {
    Checkpoint checkpoint = checkpointTask();
    writer.write(checkpoint);
    return checkpoint.written();
  }

  /** The write {@link #checkpoint} makes, for the writer to run last when it closes. */
  Checkpoint checkpointTask() {
    return new Checkpoint(alerts, table, checkpointed::addAndGet);
  }

  /** Alerts whose latest extension is published but not written yet. */
  int deferredCount() {
    return alerts.deferredCount();
  }

  /** Deferred extensions written by checkpoints so far. */
  long checkpointedCount() {
    return checkpointed.get();
  }

  /** Takes an alert a peer replica committed; on the writer's thread, before this transaction's writes. */
  void applyPeerChange(Alert alert) {
    alerts.peerChanged(alert);
  }

  /**
   * What a merged copy of {@code kind} needs: an extension is written now after all when the open
   * transaction wrote the alert already (it is not on disk yet to be extended) or the database's
   * copy ends within {@link #DURABLE_LEAD}.
   */
  private static ResendKind kind(ResendKind kind, HeldAlerts.Copies copies, Instant now) {
    if (kind != ResendKind.EXTENSION) {
      return kind;
    }
    if (copies.staged()) {
      return ResendKind.CHANGE;
    }
    Instant durableEnd = copies.durable().endsAt();
    return durableEnd == null || !durableEnd.isBefore(now.plus(DURABLE_LEAD)) ? ResendKind.EXTENSION : ResendKind.CHANGE;
  }

  /** One caller's alerts, merged and written as one step of a shared transaction. */
  private final class Upsert implements WriteTask {
    private final List<AlertRows.Encoded> incoming;
    private final Instant now;
    private final List<Alert> stored;
    private final List<Alert> written = new ArrayList<>();
    private final List<Alert[]> stale = new ArrayList<>();
    /** Indexes of {@link #stored} that only repeat what was held (whether or not written now). */
    private final BitSet repeats = new BitSet();
    private AlertTable.Outcome outcome = AlertTable.Outcome.NONE;

    Upsert(List<AlertRows.Encoded> incoming, Instant now) {
      this.incoming = incoming;
      this.now = now;
      this.stored = new ArrayList<>(incoming.size());
    }

    /**
     * Settles the upsert without writing when every alert is unchanged, stale or an extension: the
     * extensions are published and deferred. With peers, this runs after their latest writes were
     * read, as {@link #write} does, so a resend merges with a peer's resolve exactly as before.
     */
    @Override
    public boolean prepare() {
      reset();
      List<Alert> extensions = new ArrayList<>();
      Map<Fingerprint, Alert> extendedHere = new HashMap<>(); // for an alert sent twice in one upsert
      for (AlertRows.Encoded encoded : incoming) {
        Alert alert = encoded.alert();
        Alert extended = extendedHere.get(alert.fingerprint());
        HeldAlerts.Copies copies = alerts.copies(alert.fingerprint());
        Alert held = extended != null ? extended : copies.current();
        AlertMerge.Outcome merged = AlertMerge.combine(held, alert, now);
        stored.add(merged.stored());
        if (merged.stale()) {
          stale.add(new Alert[] {alert, merged.stored()});
          repeats.set(stored.size() - 1);
          continue;
        }
        ResendKind kind = classify(held, merged.stored(), copies);
        if (kind == ResendKind.CHANGE) {
          return true;
        }
        if (kind == ResendKind.EXTENSION) {
          extensions.add(merged.stored());
          extendedHere.put(alert.fingerprint(), merged.stored());
        }
      }
      extensions.forEach(alerts::defer);
      return false;
    }

    @Override
    public void write(WriteSession session) throws SQLException {
      reset();
      List<AlertTable.Version> versions = new ArrayList<>();
      for (AlertRows.Encoded encoded : incoming) {
        Alert alert = encoded.alert();
        HeldAlerts.Copies copies = alerts.copies(alert.fingerprint());
        Alert held = copies.current();
        AlertMerge.Outcome merged = AlertMerge.combine(held, alert, now);
        stored.add(merged.stored());
        if (merged.stale()) {
          stale.add(new Alert[] {alert, merged.stored()});
          repeats.set(stored.size() - 1);
          continue;
        }
        switch (classify(held, merged.stored(), copies)) {
          case UNCHANGED -> { }
          // Published now, and kept if this transaction rolls back: it never depended on it.
          case EXTENSION -> alerts.defer(merged.stored());
          case CHANGE -> {
            alerts.stage(merged.stored());
            written.add(merged.stored());
            versions.add(new AlertTable.Version(merged.stored(), encoded));
          }
        }
      }
      if (!versions.isEmpty()) {
        outcome = table.write(session, versions);
      }
    }

    /**
     * What {@link #kind} says must happen to {@code merged}; notes whether it repeats what was held,
     * which does not depend on when it is written.
     */
    private ResendKind classify(Alert held, Alert merged, HeldAlerts.Copies copies) {
      ResendKind kind = ResendKind.of(held, merged, now);
      if (kind != ResendKind.CHANGE) {
        repeats.set(stored.size() - 1);
      }
      return kind(kind, copies, now);
    }

    private void reset() {
      repeats.clear();
      stored.clear();
      written.clear();
      stale.clear();
      outcome = AlertTable.Outcome.NONE;
    }

    @Override
    public void committed() {
      outcome.committed();
      written.forEach(alerts::committed);
    }

    @Override
    public void rolledBack() {
      outcome.rolledBack();
      written.forEach(alerts::unstage);
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
      List<Alert> rowsHeld = new ArrayList<>();
      for (Alert alert : alerts.published()) {
        if (alert.endsAt() != null
            && alert.endsAt().isBefore(cutoff)
            && alert.equals(alerts.current(alert.fingerprint()))) {
          deleted.add(alert);
          // The row to delete is the copy on disk, older than the published one if its extension was deferred.
          rowsHeld.add(alerts.durable(alert.fingerprint()));
        }
      }
      if (!deleted.isEmpty()) {
        outcome = table.delete(session, rowsHeld);
      }
    }

    @Override
    public void committed() {
      outcome.committed();
      deleted.forEach(alerts::deleted);
    }

    @Override
    public void rolledBack() {
      outcome.rolledBack();
    }
  }
}
