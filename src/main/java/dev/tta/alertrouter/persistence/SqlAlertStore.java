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
import java.sql.Connection;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts kept in the database and, for fast reads, in memory. {@link #upsert} returns once every
 * merged alert that is new or changed is committed, so the intake's 2xx means durable for them. A
 * resend that only renews {@code endsAt} ({@link ResendKind#EXTENSION}) is published at once and
 * written behind, by the next {@link #checkpoint} (or {@link #checkpointTask} at close), unless the
 * copy the database holds ends within {@link #DURABLE_LEAD}: then it is committed first like a
 * change. All merging happens on the writer's thread, against the published alerts plus what earlier
 * writes of the same transaction produced.
 *
 * <p>With SQLite the store opens before its alerts are read ({@link #reading}; {@link #read} reads
 * them on a thread of its own): meanwhile {@link #upsertAll} writes what it is given unmerged into
 * {@link IntakePending} (durable before it returns, as always) and hands nothing on; once the
 * journal is read, those rows are merged in the order they were accepted, each at the instant it
 * was received, in one transaction with their deletion, and {@link #storedAlerts} hands the results
 * on. Reads wait for that (at most {@link #READ_WAIT}).
 */
final class SqlAlertStore implements AlertStore {
  private static final Logger LOG = LoggerFactory.getLogger(SqlAlertStore.class);
  /**
   * An {@code endsAt} extension is written before the 2xx when the database's copy would end sooner
   * than this. Prometheus sets {@code endsAt} minutes ahead (4 × max(evaluation interval, resend
   * delay)) and renews it at every resend, so a crash that loses deferred extensions leaves each
   * alert with a durable end at least this far beyond its last deferred resend: a router back
   * within this lead finds the alert still firing, and the sender's next resend extends it again.
   */
  static final Duration DURABLE_LEAD = Duration.ofMinutes(1);

  /**
   * How long a read waits for the stored alerts to be read at start (about a second for 20,000)
   * before it gives up with {@link StoreUnavailableException}, rather than answer from a store that
   * does not hold them yet.
   */
  static final Duration READ_WAIT = Duration.ofSeconds(60);

  /** Where the alert table is not known yet: nothing is written to it before the journal is read. */
  private static final AlertTable NOT_READ = new AlertTable() {
    @Override
    public Outcome write(WriteSession session, List<Version> versions) {
      throw new IllegalStateException("the stored alerts are not read yet");
    }

    @Override
    public Outcome delete(WriteSession session, List<Alert> alerts) {
      throw new IllegalStateException("the stored alerts are not read yet");
    }
  };

  private final GroupCommitWriter writer;
  private final AlertRows rows;
  /** The writer thread's; {@link #NOT_READ} until the journal is read. */
  private AlertTable table;
  /** Where upserts go until the journal is read; null when the alerts were read before the store opened. */
  private final IntakePending pending;
  /** The writer thread's: upserts are written, unmerged, into {@link #pending}. */
  private boolean intoPending;
  /** The stored alerts are in {@link #alerts}, and what intake accepted meanwhile applied. */
  private volatile boolean loaded;
  private final CompletableFuture<StoredAlerts> storedAlerts = new CompletableFuture<>();
  private final Clock clock;
  private final StaleAlertListener staleListener;
  private final HeldAlerts alerts;
  private final AtomicLong checkpointed = new AtomicLong();
  private volatile boolean closed;
  /** Guards {@link #readRunning} against {@link #close}: a read either never starts or is waited for. */
  private final Object readLifecycle = new Object();
  private boolean readRunning;
  private final CountDownLatch readEnded = new CountDownLatch(1);

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
    this.pending = null;
    this.loaded = true;
    storedAlerts.complete(new StoredAlerts(new ArrayList<>(stored), List.of())); // read before the store opened
  }

  private SqlAlertStore(
      GroupCommitWriter writer, AlertRows rows, IntakePending pending, Clock clock, StaleAlertListener staleListener) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.rows = Objects.requireNonNull(rows, "rows");
    this.table = NOT_READ;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.staleListener = Objects.requireNonNull(staleListener, "staleListener");
    this.alerts = new HeldAlerts(List.of());
    this.pending = Objects.requireNonNull(pending, "pending");
    this.intoPending = true;
  }

  /**
   * A store whose alerts are still to be read by {@link #read}: until then upserts go to {@code
   * pending}, and reads wait.
   */
  static SqlAlertStore reading(
      GroupCommitWriter writer, AlertRows rows, IntakePending pending, Clock clock, StaleAlertListener staleListener) {
    return new SqlAlertStore(writer, rows, pending, clock, staleListener);
  }

  /**
   * Reads the journal on its own connection (a snapshot: until the rows intake accepted meanwhile
   * are applied, nothing writes to it), then, on the writer's thread, applies those rows in one
   * transaction with their deletion, and completes {@link #storedAlerts}. A failure is logged and
   * leaves the store refusing reads; intake's rows keep going to {@code intake_pending}, which the
   * next start applies.
   */
  void read(Connector connector) {
    synchronized (readLifecycle) {
      if (closed) {
        storedAlerts.completeExceptionally(new StoreUnavailableException("the alert store closed before its alerts were read"));
        return;
      }
      readRunning = true;
    }
    try {
      readJournal(connector);
    } finally {
      readEnded.countDown();
    }
  }

  private void readJournal(Connector connector) {
    long started = System.nanoTime();
    try {
      List<Alert> read = new ArrayList<>();
      AlertJournal journal;
      try (Connection connection = connector.connect()) {
        journal = AlertJournal.load(connection, rows, read);
      }
      long journalRead = System.nanoTime();
      ApplyPending apply = new ApplyPending(journal, read);
      writer.write(apply);
      storedAlerts.complete(new StoredAlerts(read, apply.accepted));
      LOG.info("read the {} stored alerts in {} ms ({} ms the journal), then applied {} alerts intake accepted"
              + " meanwhile or a crash left pending", read.size(), (System.nanoTime() - started) / 1_000_000,
          (journalRead - started) / 1_000_000, apply.applied);
    } catch (SQLException | RuntimeException e) {
      storedAlerts.completeExceptionally(e);
      if (closed) {
        LOG.debug("the store closed before its alerts were read: {}", e.toString());
      } else {
        LOG.error("reading the stored alerts failed: the store answers no reads; what intake accepts is kept in"
            + " intake_pending and applied at the next start", e);
      }
    }
  }

  /** The alerts read at start and then what intake accepted meanwhile; completes once both are in the store. */
  CompletableFuture<StoredAlerts> storedAlerts() {
    return storedAlerts;
  }

  /**
   * Why reads are refused, if they are: reading the stored alerts failed. While they are being read
   * reads wait instead, so a router whose intake is open counts as ready.
   */
  Optional<String> unreadBecause() {
    if (!loaded && storedAlerts.isCompletedExceptionally() && !closed) {
      return Optional.of("reading the stored alerts failed (see the log)");
    }
    return Optional.empty();
  }

  /** Returns once the stored alerts are in memory; reads before that would show a store missing them. */
  private void awaitRead() {
    if (loaded) {
      return;
    }
    try {
      storedAlerts.get(READ_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new StoreUnavailableException("the stored alerts are still being read", e);
    } catch (ExecutionException e) {
      throw new StoreUnavailableException("reading the stored alerts failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while the stored alerts were being read", e);
    }
  }

  @Override
  public Upserted upsertAll(List<Alert> incoming) {
    if (closed) {
      throw new StoreUnavailableException("the alert store is closed");
    }
    List<AlertRows.Encoded> encoded = new ArrayList<>(incoming.size());
    HeldAlerts.Entry[] entries = new HeldAlerts.Entry[incoming.size()];
    // Encoding here keeps that work off the single writer thread, but a copy that repeats the held
    // alert but for its end is most likely an extension, which is not written now: not encoded
    // either (the writer encodes it if it must write it after all). The entries found are handed
    // on, so that the writer need not look them up again.
    for (int i = 0; i < entries.length; i++) {
      Alert alert = incoming.get(i);
      HeldAlerts.Entry entry = alerts.entry(alert.fingerprint());
      Alert held = entry == null ? null : entry.published();
      entries[i] = entry;
      encoded.add(held != null && ResendKind.samePayload(held, alert)
          ? AlertRows.Encoded.unencoded(alert)
          : rows.encode(alert));
    }
    Upsert upsert = new Upsert(encoded, entries, clock.instant());
    writer.write(upsert);
    if (upsert.intoPending) {
      // Durable, merged later: what it merges with is not read yet (storedAlerts hands it on then).
      return new Upserted(List.of(), new BitSet());
    }
    for (Alert[] pair : upsert.stale) {
      staleListener.staleCopyIgnored(pair[0], pair[1]);
    }
    return new Upserted(upsert.stored, upsert.repeats);
  }

  @Override
  public Optional<Alert> get(Fingerprint fingerprint) {
    awaitRead();
    return Optional.ofNullable(alerts.published(fingerprint));
  }

  @Override
  public List<Alert> list(List<Matcher> filter) {
    awaitRead();
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
    awaitRead();
    return alerts.published().size();
  }

  @Override
  public Map<Alert.Status, Long> countByStatus(Instant at) {
    awaitRead();
    return AlertStore.countByStatus(alerts.published(), at);
  }

  /** Refuses further upserts and waits for a read of the stored alerts in progress; the database itself is closed with its {@link Persistence}. */
  @Override
  public void close() {
    boolean running;
    synchronized (readLifecycle) {
      closed = true;
      running = readRunning;
    }
    if (running) {
      // The read's connection must not outlive the store (nor open the file again once the folder's
      // lock is released): it ends soon, as the writer still takes its last transaction.
      try {
        if (!readEnded.await(READ_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
          LOG.warn("closing while the stored alerts are still being read");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
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
    return new Checkpoint(alerts, () -> table, checkpointed::addAndGet);
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
    /** Each incoming alert's entry when the caller handed it over (null: none, or not known). */
    private final HeldAlerts.Entry[] entries;
    private final Instant now;
    private final List<Alert> stored;
    private final List<Alert> written = new ArrayList<>();
    private final List<Alert[]> stale = new ArrayList<>();
    /** Indexes of {@link #stored} that only repeat what was held (whether or not written now). */
    private final BitSet repeats = new BitSet();
    private AlertTable.Outcome outcome = AlertTable.Outcome.NONE;
    /** Written, unmerged, into {@link #pending}: the stored alerts were not read yet. */
    private boolean intoPending;

    Upsert(List<AlertRows.Encoded> incoming, HeldAlerts.Entry[] entries, Instant now) {
      this.incoming = incoming;
      this.entries = entries;
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
      if (SqlAlertStore.this.intoPending) {
        return true;
      }
      List<Extension> extensions = new ArrayList<>();
      Map<Fingerprint, Alert> extendedHere = new HashMap<>(); // for an alert sent twice in one upsert
      for (int i = 0; i < incoming.size(); i++) {
        Alert alert = incoming.get(i).alert();
        Alert extendedBefore = extendedHere.isEmpty() ? null : extendedHere.get(alert.fingerprint());
        HeldAlerts.Copies copies = alerts.copies(alert.fingerprint(), entries[i]);
        Alert held = extendedBefore != null ? extendedBefore : copies.current();
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
          extensions.add(new Extension(merged.stored(), copies.entry()));
          extendedHere.put(alert.fingerprint(), merged.stored());
        }
      }
      for (Extension e : extensions) {
        alerts.defer(e.alert(), e.entry());
      }
      return false;
    }

    /** An extension to publish once the whole upsert is known to need no write, and the alert's entry. */
    private record Extension(Alert alert, HeldAlerts.Entry entry) {}

    @Override
    public void write(WriteSession session) throws SQLException {
      reset();
      // Decided here, not in prepare: the task applying the pending rows may run between the two.
      if (SqlAlertStore.this.intoPending) {
        pending.append(session, incoming, now);
        intoPending = true;
        return;
      }
      List<AlertTable.Version> versions = new ArrayList<>();
      for (int i = 0; i < incoming.size(); i++) {
        AlertRows.Encoded encoded = incoming.get(i);
        Alert alert = encoded.alert();
        HeldAlerts.Copies copies = alerts.copies(alert.fingerprint(), entries[i]);
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
          case EXTENSION -> alerts.defer(merged.stored(), copies.entry());
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
      intoPending = false;
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

  /**
   * Takes the journal just read and applies what {@link IntakePending} holds, batch by batch in the
   * order accepted: each batch is an {@link Upsert} at the instant it was received, written against
   * what was held then (the journal's alerts and the batches before it), so it merges exactly as
   * intake would have merged it then. Their writes and the deletion of the pending rows are one
   * transaction, so a crash leaves either the rows or their merge, never both or neither. From here
   * on upserts merge as usual.
   */
  private final class ApplyPending implements WriteTask {
    private final AlertTable journal;
    private final List<Alert> read;
    private final List<Upsert> batches = new ArrayList<>();
    private final List<Upserted> accepted = new ArrayList<>();
    private int applied;

    ApplyPending(AlertTable journal, List<Alert> read) {
      this.journal = journal;
      this.read = read;
    }

    /**
     * Takes the journal at once when nothing is pending (the usual start: no transaction). Else all
     * of it happens in {@link #write}: an upsert sharing the transaction and queued before this task
     * decides at its own {@code write} where it goes, so it still lands in the rows applied here,
     * and one queued after merges with what this task staged.
     */
    @Override
    public boolean prepare() {
      if (pending.maybeHeld()) {
        return true;
      }
      takeJournal();
      loaded = true;
      return false;
    }

    /** The journal's alerts are the truth whether or not this transaction commits. */
    private void takeJournal() {
      table = journal;
      alerts.read(read);
      intoPending = false;
    }

    @Override
    public boolean counted() {
      return false;
    }

    @Override
    public void write(WriteSession session) throws SQLException {
      batches.clear();
      accepted.clear();
      applied = 0;
      takeJournal();
      for (IntakePending.Batch batch : pending.read(session)) {
        List<AlertRows.Encoded> alerts = batch.alerts().stream().map(AlertRows.Encoded::unencoded).toList();
        Upsert upsert = new Upsert(alerts, new HeldAlerts.Entry[alerts.size()], batch.receivedAt());
        upsert.write(session);
        batches.add(upsert);
        accepted.add(new Upserted(List.copyOf(upsert.stored), (BitSet) upsert.repeats.clone()));
        applied += alerts.size();
      }
      pending.clear(session);
    }

    @Override
    public void committed() {
      batches.forEach(Upsert::committed);
      pending.cleared();
      loaded = true;
      for (Upsert upsert : batches) {
        for (Alert[] pair : upsert.stale) {
          staleListener.staleCopyIgnored(pair[0], pair[1]);
        }
      }
    }

    @Override
    public void rolledBack() {
      batches.forEach(Upsert::rolledBack);
      intoPending = true;
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
      if (intoPending) {
        return; // the journal is not taken yet (or applying the pending rows failed): nothing to prune
      }
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
