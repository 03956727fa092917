package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.dispatch.Scheduler;
import dev.tta.alertrouter.mute.SilenceStore;
import dev.tta.alertrouter.notify.NotificationLog;
import dev.tta.alertrouter.store.AlertStore;
import dev.tta.alertrouter.store.StaleAlertListener;
import dev.tta.alertrouter.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * alert-router's durable state: alerts, silences and the notification log, in one database, behind
 * the interfaces the pipeline already uses. Writes go through one writer thread that commits
 * concurrent callers together; reads are answered from memory.
 *
 * <p>Open it once at start, hand its stores to the pipeline, feed the dispatcher
 * {@code alerts().list(List.of())} so groups resume, and close it last.
 */
public final class Persistence implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Persistence.class);
  static final String DATABASE_FILE = "alert-router.db";

  private final Connector connector;
  private final AutoCloseable dataDirectoryLock;
  private final GroupCommitWriter writer;
  private final SqlAlertStore alerts;
  private final SqlSilenceStore silences;
  private final SqlNotificationLog notificationLog;

  private Persistence(
      Connector connector, AutoCloseable dataDirectoryLock, Clock clock, StaleAlertListener staleListener)
      throws SQLException {
    this.connector = connector;
    this.dataDirectoryLock = dataDirectoryLock;
    JsonColumns json = new JsonColumns();
    AlertRows alertRows = new AlertRows(json);
    SilenceRows silenceRows = new SilenceRows(json);
    StoredState state;
    try (Connection connection = connector.connect()) {
      state = StoredState.read(connection, alertRows, silenceRows);
    }
    this.writer = new GroupCommitWriter(connector.dialect().name().toLowerCase(java.util.Locale.ROOT),
        () -> new WriteSession(connector.connect()));
    this.alerts = new SqlAlertStore(writer, alertRows, state.alerts(), clock, staleListener);
    this.silences = new SqlSilenceStore(writer, silenceRows, state.silences());
    this.notificationLog = new SqlNotificationLog(writer, state.notifications());
    LOG.info("state in {}: {} alerts, {} silences, {} notification-log entries",
        connector, state.alerts().size(), state.silences().size(), state.notifications().size());
  }

  /**
   * Opens (creating it if needed) the SQLite database {@value #DATABASE_FILE} in {@code dataDir} and
   * brings its schema up to date.
   *
   * @param clock the time alert merges are judged at
   * @param staleListener told of firing copies ignored because they predate the held resolve
   * @throws IllegalStateException when another alert-router uses the folder
   * @throws StoreUnavailableException when the database cannot be opened or migrated
   */
  public static Persistence open(Path dataDir, Clock clock, StaleAlertListener staleListener) {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(staleListener, "staleListener");
    DataDirectoryLock lock;
    try {
      Files.createDirectories(dataDir);
      lock = DataDirectoryLock.acquire(dataDir);
    } catch (IOException e) {
      throw new StoreUnavailableException("cannot use the data folder " + dataDir + ": " + e, e);
    }
    try {
      return open(Connector.sqlite(dataDir.resolve(DATABASE_FILE)), lock, clock, staleListener);
    } catch (RuntimeException e) {
      closeQuietly(lock);
      throw e;
    }
  }

  private static Persistence open(
      Connector connector, AutoCloseable lock, Clock clock, StaleAlertListener staleListener) {
    try {
      connector.migrate();
      return new Persistence(connector, lock, clock, staleListener);
    } catch (SQLException | FlywayException e) {
      throw new StoreUnavailableException("cannot open the database " + connector + ": " + e.getMessage(), e);
    }
  }

  public AlertStore alerts() {
    return alerts;
  }

  public SilenceStore silences() {
    return silences;
  }

  public NotificationLog notificationLog() {
    return notificationLog;
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
    return new Pruned(
        alerts.pruneResolvedBefore(now.minus(retention.resolvedAlerts())),
        notificationLog.pruneNotifiedBefore(now.minus(retention.notificationLog())),
        silences.pruneEndedBefore(now.minus(retention.expiredSilences())));
  }

  /**
   * Runs {@link #prune} every {@code period} on {@code scheduler}, at {@code clock}'s time, with the
   * retention {@code retention} gives at each run (so a reload can change it); a failed run is
   * logged and the next one runs as planned. Cancel the result to stop.
   */
  public Scheduler.Cancellable schedulePruning(
      Scheduler scheduler, Duration period, Clock clock, Supplier<Retention> retention) {
    PruneSchedule schedule = new PruneSchedule(this, scheduler, period, clock, retention);
    schedule.start();
    return schedule;
  }

  /** Where the state lives, for logs; never includes credentials. */
  @Override
  public String toString() {
    return connector.toString();
  }

  /** Refuses new writes, commits those queued, and closes the database. */
  @Override
  public void close() {
    alerts.close();
    writer.close();
    closeQuietly(dataDirectoryLock);
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
