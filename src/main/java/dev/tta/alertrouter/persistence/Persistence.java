package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.ack.AckStore;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.capture.CaptureStorage;
import dev.tta.alertrouter.config.CaptureSettings;
import dev.tta.alertrouter.escalation.EscalationStore;
import dev.tta.alertrouter.heartbeat.HeartbeatState;
import dev.tta.alertrouter.heartbeat.HeartbeatStore;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.dispatch.Scheduler;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.mute.SilenceStore;
import dev.tta.alertrouter.notify.MessageReferences;
import dev.tta.alertrouter.notify.NotificationLog;
import dev.tta.alertrouter.store.AlertStore;
import dev.tta.alertrouter.store.StaleAlertListener;
import dev.tta.alertrouter.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * alert-router's durable state: alerts, silences, the notification log, message references, acknowledgements, escalations and heartbeats, in
 * one database, behind the interfaces the pipeline already uses. Writes go through one writer thread that commits
 * concurrent callers together; reads are answered from memory.
 *
 * <p>Open it once at start, hand its stores to the pipeline, feed the dispatcher
 * {@code alerts().list(List.of())} so groups resume, and close it last.
 */
public final class Persistence implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Persistence.class);
  static final String DATABASE_FILE = "alert-router.db";
  /**
   * How often {@link #scheduleCheckpoints} writes the {@code endsAt} extensions acknowledged without
   * a write: what a crash can lose of them is what arrived since the last checkpoint (the database
   * still holds each alert with an end at least {@link SqlAlertStore#DURABLE_LEAD} beyond its last
   * deferred resend). Each checkpoint writes one row per extended alert, however often it was resent.
   */
  public static final Duration CHECKPOINT_PERIOD = Duration.ofSeconds(10);

  private final Connector connector;
  /** This replica's name in a shared database; null for SQLite. */
  private final String replica;
  /** What keeps another router off this state: the data folder's lock, or the replica's name. */
  private final AutoCloseable ownership;
  private final StoreHealth health;
  private final GroupCommitWriter writer;
  private final Clock clock;
  private final SqlAlertStore alerts;
  private final SqlSilenceStore silences;
  private final SqlNotificationLog notificationLog;
  private final SqlMessageReferences messageReferences;
  private final SqlAckStore acks;
  private final SqlEscalationStore escalations;
  private final byte[] actionKey;
  private final SqlHeartbeatStore heartbeats;
  /** Repeating work started on this store, stopped when it closes. */
  private final List<Scheduler.Cancellable> schedules = new CopyOnWriteArrayList<>();
  /** Present only where replicas share the database. */
  private final Replication replication;

  /** What a replica sharing a PostgreSQL database has besides the stores. */
  private record Replication(ReplicaName name, PeerSync peerSync, GroupLeases leases, FlushGuard guard) {}

  private Persistence(
      Connector connector, AutoCloseable ownership, ReplicaName replicaName, Clock clock, StaleAlertListener staleListener)
      throws SQLException {
    this.connector = connector;
    this.replica = replicaName == null ? null : replicaName.name();
    this.ownership = ownership;
    this.clock = clock;
    this.health = new StoreHealth(connector.toString(), clock);
    String replica = replicaName == null ? null : replicaName.name();
    Dialect dialect = connector.dialect();
    JsonColumns json = new JsonColumns();
    AlertRows alertRows = new AlertRows(json, dialect);
    SilenceRows silenceRows = new SilenceRows(json, dialect);
    NotificationRows notificationRows = new NotificationRows(dialect);
    StoredState state;
    Map<NotificationLog.Key, SqlMessageReferences.Row> references;
    Map<String, SqlAckStore.Row> storedAcks;
    Map<String, SqlEscalationStore.Row> storedEscalations;
    Map<String, HeartbeatState> storedHeartbeats;
    PeerSync.ChangeNumbers seen = null;
    IntakePending pending = null;
    try (Connection connection = connector.connect()) {
      // Change numbers first: a row committed between the two reads is then read twice, never missed.
      if (replica != null) {
        seen = ChangeNumbersQuery.read(connection);
      }
      state = StoredState.read(connection, dialect, alertRows, silenceRows);
      references = SqlMessageReferences.read(connection);
      storedAcks = SqlAckStore.read(connection);
      storedEscalations = SqlEscalationStore.read(connection);
      actionKey = ActionKeys.readOrCreate(connection, clock.instant());
      storedHeartbeats = SqlHeartbeatStore.read(connection);
      if (dialect == Dialect.SQLITE) {
        pending = IntakePending.open(connection, alertRows);
      }
    }
    this.writer = new GroupCommitWriter(
        dialect.name().toLowerCase(Locale.ROOT), () -> openSession(connector, replica), health);
    this.alerts = pending != null
        ? SqlAlertStore.reading(writer, alertRows, pending, clock, staleListener)
        : new SqlAlertStore(writer, alertRows, state.alertTable(), state.alerts(), clock, staleListener);
    this.silences = new SqlSilenceStore(writer, silenceRows, state.silences());
    this.notificationLog = new SqlNotificationLog(writer, notificationRows, state.notifications());
    this.messageReferences = SqlMessageReferences.of(writer, clock, dialect, references);
    this.acks = new SqlAckStore(writer, dialect, storedAcks);
    this.escalations = new SqlEscalationStore(writer, clock, dialect, storedEscalations);
    this.heartbeats = new SqlHeartbeatStore(writer, dialect, storedHeartbeats);
    if (replica == null) {
      this.replication = null;
    } else {
      PeerSync peerSync = new PeerSync(
          replica, seen, alertRows, silenceRows, alerts, silences, notificationLog, messageReferences, acks,
          escalations, heartbeats);
      writer.hook(peerSync);
      GroupLeases leases = new GroupLeases(writer, replica);
      this.replication = new Replication(
          replicaName, peerSync, leases, new FlushGuard(replicaName, leases, notificationLog, alerts));
    }
    LOG.info("state in {}{}: {}, {} silences, {} notification-log entries",
        connector, replica == null ? "" : " (replica " + replica + ")",
        pending != null ? "alerts read next" : state.alerts().size() + " alerts",
        state.silences().size(), state.notifications().size());
  }

  private static WriteSession openSession(Connector connector, String replica) throws SQLException {
    WriteSession session = new WriteSession(connector.connect());
    if (replica != null) {
      // The column default that records which replica wrote each row reads this setting.
      PreparedStatement statement = session.statement("SELECT set_config('alert_router.replica', ?, false)");
      statement.setString(1, replica);
      statement.execute();
      // A peer that hangs, or is cut off, while holding the write lock must not stall every
      // replica's intake: waits give up (intake answers 503, senders retry), and the server ends a
      // transaction left idle.
      session.statement("SET lock_timeout = '5s'").execute();
      session.statement("SET idle_in_transaction_session_timeout = '30s'").execute();
      session.commit();
    }
    return session;
  }

  /**
   * Opens (creating it if needed) the SQLite database {@value #DATABASE_FILE} in {@code dataDir},
   * brings its schema up to date and reads the stored alerts before it returns.
   *
   * @param clock the time alert merges are judged at
   * @param staleListener told of firing copies ignored because they predate the held resolve
   * @throws IllegalStateException when another alert-router uses the folder
   * @throws StoreUnavailableException when the database cannot be opened, migrated or read
   */
  public static Persistence open(Path dataDir, Clock clock, StaleAlertListener staleListener) {
    Persistence persistence = open(dataDir, clock, staleListener, Runnable::run);
    try {
      persistence.storedAlerts().join();
    } catch (RuntimeException e) {
      persistence.close();
      throw new StoreUnavailableException("cannot read the stored alerts in " + persistence + ": " + e.getMessage(), e);
    }
    return persistence;
  }

  /**
   * {@link #open(Path, Clock, StaleAlertListener)}, returning before the stored alerts are read:
   * {@code alertReader} reads them (a thread of their own in {@code serve}). Meanwhile the store
   * takes alerts, durably, into {@code intake_pending}, and merges them once the journal is read,
   * each at the instant it arrived; {@link #storedAlerts} completes then, and reads of the alerts
   * wait for it (if the read fails, they are refused and {@link #notReadyBecause} says so). Everything else (silences, the notification log,
   * acknowledgements, escalations, heartbeats, the action key) is read before this returns.
   */
  public static Persistence open(Path dataDir, Clock clock, StaleAlertListener staleListener, Executor alertReader) {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(staleListener, "staleListener");
    Objects.requireNonNull(alertReader, "alertReader");
    DataDirectoryLock lock;
    try {
      Files.createDirectories(dataDir);
      lock = DataDirectoryLock.acquire(dataDir);
    } catch (IOException e) {
      throw new StoreUnavailableException("cannot use the data folder " + dataDir + ": " + e, e);
    }
    SqliteNativeLibrary.useCopyUnder(dataDir);
    Persistence persistence;
    try {
      persistence = open(Connector.sqlite(dataDir.resolve(DATABASE_FILE)), lock, null, clock, staleListener);
    } catch (RuntimeException e) {
      closeQuietly(lock);
      throw e;
    }
    alertReader.execute(() -> persistence.alerts.read(persistence.connector));
    return persistence;
  }

  /**
   * Connects to a PostgreSQL database shared by several replicas ({@code
   * jdbc:postgresql://host:port/db?user=…&password=…}) and brings its schema up to date. Each
   * replica keeps every alert, silence and notification-log entry in memory, reads its peers' writes
   * at each of its own transactions and at each {@link #startPeerSync} tick, and flushes only the
   * groups whose lease it holds ({@link #flushGuard()}).
   *
   * @param replica this replica's name in leases and rows, held ({@link ReplicaName}) until {@link
   *     #close}
   * @throws ReplicaNameTakenException when a live replica sharing the database holds {@code replica}
   * @throws StoreUnavailableException when the database cannot be reached or migrated
   */
  public static Persistence openJdbc(String url, String replica, Clock clock, StaleAlertListener staleListener) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(replica, "replica");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(staleListener, "staleListener");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("the shared store must be a jdbc:postgresql: URL");
    }
    Connector connector = Connector.postgresql(url);
    ReplicaName name;
    try {
      // Before anything else: a replica refused its name must not even migrate.
      name = ReplicaName.take(connector, replica);
    } catch (SQLException e) {
      throw new StoreUnavailableException("cannot open the database " + connector + ": " + e.getMessage(), e);
    }
    try {
      return open(connector, name, name, clock, staleListener);
    } catch (RuntimeException e) {
      name.close();
      throw e;
    }
  }

  private static Persistence open(
      Connector connector, AutoCloseable ownership, ReplicaName replica, Clock clock, StaleAlertListener staleListener) {
    try {
      // Elapsed times for the start-up log (bench/README.md, "Memory and restart"), not the injected clock.
      long started = System.nanoTime();
      connector.migrate();
      long migrated = System.nanoTime();
      Persistence persistence = new Persistence(connector, ownership, replica, clock, staleListener);
      LOG.info("store opened in {} ms: schema check {} ms, reading the state {} ms{}",
          (System.nanoTime() - started) / 1_000_000, (migrated - started) / 1_000_000,
          (System.nanoTime() - migrated) / 1_000_000,
          connector.dialect() == Dialect.SQLITE ? " (all but the alerts, read next)" : "");
      return persistence;
    } catch (SQLException | FlywayException e) {
      throw new StoreUnavailableException("cannot open the database " + connector + ": " + e.getMessage(), e);
    }
  }

  /** Whether the database answered the last transaction (an outage ends at the first that succeeds). */
  public boolean reachable() {
    return health.reachable();
  }

  /** How many times since start the database became unreachable. */
  public long outages() {
    return health.outages();
  }

  /**
   * Why this replica should not take traffic now, if it should not: the database is unreachable
   * (intake answers 503 and no group is flushed), reading the stored alerts at start failed (SQLite;
   * reads are refused, intake keeps what it accepts), or (replicas sharing PostgreSQL) it lost the
   * connection holding its name and has not taken the name back (no group is flushed).
   */
  public Optional<String> notReadyBecause() {
    Optional<String> unread = alerts.unreadBecause();
    if (unread.isPresent()) {
      return unread;
    }
    if (!health.reachable()) {
      return Optional.of("the store " + connector + " is unreachable");
    }
    if (replication != null && !replication.name().owned()) {
      return Optional.of("this replica does not hold its name \"" + replication.name().name()
          + "\" in the shared store (see the log)");
    }
    return Optional.empty();
  }

  /**
   * The replicas sharing the database that hold a group lease at {@code now} (sorted; this one
   * among them once it flushes a group); empty for a store of its own (SQLite).
   */
  public List<String> liveReplicas(Instant now) {
    return replication == null ? List.of() : replication.leases().holders(now);
  }

  public AlertStore alerts() {
    return alerts;
  }

  /**
   * What the dispatcher is to be fed at start, in order: the alerts the database held, then what
   * intake accepted while they were being read, merged. Completes once both are in the store (at
   * once with PostgreSQL, whose alerts are read before it opens); exceptionally if reading failed.
   */
  public CompletableFuture<StoredAlerts> storedAlerts() {
    return alerts.storedAlerts().copy();
  }

  public SilenceStore silences() {
    return silences;
  }

  public NotificationLog notificationLog() {
    return notificationLog;
  }

  /** Slack message timestamps and the like, for updates to refer to; kept like the notification log. */
  public MessageReferences messageReferences() {
    return messageReferences;
  }

  /** Acknowledgements of groups, written through and shared by replicas like silences. */
  public AckStore acks() {
    return acks;
  }

  /** Where each group stands in its route's escalation steps, written through and shared by replicas. */
  public EscalationStore escalations() {
    return escalations;
  }

  /** When each heartbeat last showed a sign of life and whether it is missing, shared by replicas. */
  public HeartbeatStore heartbeats() {
    return heartbeats;
  }

  /**
   * The key action links are signed with: made at the first start and kept in the database, so links
   * already sent stay valid across restarts and every replica sharing the database accepts them. A
   * copy; it is a secret, never to be logged.
   */
  public byte[] actionKey() {
    return actionKey.clone();
  }

  /**
   * With a shared PostgreSQL store, the capture table every replica writes (bounded by {@code
   * settings} at each batch); empty with SQLite, whose capture stays in segment files under the data
   * folder.
   */
  public Optional<CaptureStorage> sharedCapture(Supplier<CaptureSettings> settings) {
    return replica == null ? Optional.empty() : Optional.of(new SqlCaptureTable(connector, replica, settings, clock));
  }

  /**
   * The stage to run first in every receiver's pipeline: with a shared database it lets a flush go
   * on only on the replica holding the group's lease; with SQLite it passes everything on.
   */
  public Stage flushGuard() {
    return replication == null ? (context, alerts) -> alerts : replication.guard();
  }

  /**
   * With a shared database, reads peers' writes every {@code period} (so a silence set on one
   * replica mutes on all, and each replica's dispatcher learns its peers' alerts through {@code
   * peerAlerts}), and picks up groups whose owner died owing resolves (their alerts come through
   * {@code peerAlerts} too). {@code peerAlerts} runs on {@code scheduler}'s thread; feed them to the
   * dispatcher as intake does. A no-op with SQLite.
   */
  public Scheduler.Cancellable startPeerSync(Scheduler scheduler, Duration period, Consumer<List<Alert>> peerAlerts) {
    Objects.requireNonNull(peerAlerts, "peerAlerts");
    if (replication == null) {
      return () -> {};
    }
    return started(Repeating.every(period, scheduler, "reading peer replicas' writes", quietDuringOutage(() -> {
      replication.name().check();
      syncWithPeers(clock.instant(), peerAlerts);
    })));
  }

  private Scheduler.Cancellable started(Scheduler.Cancellable schedule) {
    schedules.add(schedule);
    return schedule;
  }

  /** {@code task}, failing silently while the store is unreachable: the outage is logged once, when it starts. */
  private Runnable quietDuringOutage(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (StoreUnavailableException e) {
        if (health.reachable()) {
          throw e;
        }
        LOG.debug("the store is unreachable: {}", e.getMessage());
      }
    };
  }

  /** One peer-sync tick; package-private so tests can run it at chosen moments. */
  void syncWithPeers(Instant now, Consumer<List<Alert>> peerAlerts) {
    writer.write(session -> {}); // an empty transaction still reads what peers wrote
    List<Alert> owed = replication.peerSync().drainReceived();
    replication.leases().sweepLapsed(now, group -> {
      List<Alert> stored = storedAlerts(notificationLog.notifiedFiring(group));
      owed.addAll(stored);
      return !stored.isEmpty();
    });
    if (!owed.isEmpty()) {
      peerAlerts.accept(owed);
    }
  }

  private List<Alert> storedAlerts(Set<Fingerprint> fingerprints) {
    List<Alert> found = new ArrayList<>();
    for (Fingerprint fingerprint : fingerprints) {
      alerts.get(fingerprint).ifPresent(found::add);
    }
    return found;
  }

  /**
   * Deletes resolved alerts, notification-log entries and expired silences older than their
   * retention at {@code now}.
   *
   * @throws StoreUnavailableException when the database cannot be written
   */
  public Pruned prune(Instant now, Retention retention) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(retention, "retention");
    Pruned pruned = new Pruned(
        alerts.pruneResolvedBefore(now.minus(retention.resolvedAlerts())),
        notificationLog.pruneNotifiedBefore(now.minus(retention.notificationLog())),
        silences.pruneEndedBefore(now.minus(retention.expiredSilences())),
        messageReferences.pruneUpdatedBefore(now.minus(retention.notificationLog())),
        acks.pruneBefore(now.minus(retention.notificationLog())),
        escalations.pruneBefore(now.minus(retention.notificationLog())));
    if (replication != null) {
      // Leases of groups no replica flushes any more, kept as long as their notification log.
      replication.leases().pruneLapsedBefore(now.minus(retention.notificationLog()));
    }
    return pruned;
  }

  /**
   * Runs {@link #prune} every {@code period} on {@code scheduler}, at the store's clock's time, with
   * the retention {@code retention} gives at each run (so a reload can change it); a failed run is
   * logged and the next one runs as planned. Cancel the result to stop.
   */
  public Scheduler.Cancellable schedulePruning(Scheduler scheduler, Duration period, Supplier<Retention> retention) {
    Objects.requireNonNull(retention, "retention");
    return started(Repeating.every(period, scheduler, "pruning the store", quietDuringOutage(() -> {
      Pruned pruned = prune(clock.instant(), retention.get());
      if (pruned.total() > 0) {
        LOG.debug("pruned {}", pruned);
      }
    })));
  }

  /**
   * Writes the alerts' {@code endsAt} extensions acknowledged without a write every {@link
   * #CHECKPOINT_PERIOD} on {@code scheduler} (and once more at {@link #close}); a failed run is
   * logged and the next one runs as planned. Cancel the result to stop.
   */
  public Scheduler.Cancellable scheduleCheckpoints(Scheduler scheduler) {
    return started(Repeating.every(CHECKPOINT_PERIOD, scheduler, "writing deferred alert extensions",
        quietDuringOutage(() -> {
          int written = alerts.checkpoint();
          if (written > 0) {
            LOG.debug("checkpoint: wrote {} deferred alert extensions", written);
          }
        })));
  }

  /** Which replica flushes which aggregation group until when (PostgreSQL). */
  public record Lease(String groupKey, String owner, Instant expiresAt) {}

  /**
   * The group leases the replicas sharing this store hold, at most {@code limit}, by owner then
   * group; empty on SQLite, where one router flushes every group. Read through the writer (one
   * transaction), so call it for a person, not in a loop.
   */
  public List<Lease> leases(int limit) {
    return replication == null ? List.of() : replication.leases().list(limit);
  }

  /** The writer's counters, for metrics. */
  public WriterStats stats() {
    return writer.stats().withWriteBehind(alerts.deferredCount(), alerts.checkpointedCount());
  }

  /** Where the state lives, for logs; never includes credentials. */
  @Override
  public String toString() {
    return connector.toString();
  }

  /**
   * Stops pruning, checkpoints and peer sync, refuses new writes, commits those queued and then the
   * deferred alert extensions, and closes the database.
   */
  @Override
  public void close() {
    schedules.forEach(Scheduler.Cancellable::cancel);
    alerts.close();
    writer.closeAfter(alerts.checkpointTask());
    WriterStats stats = stats();
    LOG.info("store closed: {} transactions for {} writes, {} writes needed none, {} failed; {} alert"
            + " extensions written by checkpoints, {} left unwritten",
        stats.transactions(), stats.writes(), stats.writesWithoutTransaction(), stats.failedWrites(),
        stats.checkpointedAlerts(), stats.deferredAlerts());
    closeQuietly(ownership);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.debug("closing {} failed", closeable, e);
    }
  }
}
