package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matchers;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.dispatch.ManualScheduler;
import dev.tta.alertrouter.dispatch.Scheduler;
import dev.tta.alertrouter.mute.SilenceDraft;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.notify.NotificationLog;
import dev.tta.alertrouter.store.StaleAlertListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under steady churn (alerts firing and resolving, groups notified, silences set and expired) the
 * scheduled pruning keeps every table, and the database files, bounded.
 */
class RetentionChurnTest {
  static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");
  static final Duration ROUND = Duration.ofMinutes(5);
  static final int ROUNDS = 240;
  static final int ALERTS_PER_ROUND = 50;
  static final int GROUPS_PER_ROUND = 10;
  static final Retention RETENTION =
      new Retention(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(1));

  /** The current alerts in the journal, as the migration's comment tells operators to read them. */
  static final String LIVE_ALERTS = "SELECT * FROM alert_journal j WHERE seq = (SELECT max(seq) FROM alert_journal"
      + " WHERE fingerprint = j.fingerprint) AND labels IS NOT NULL";

  @TempDir Path dataDir;
  final ManualClock clock = new ManualClock(T0);
  final ManualScheduler scheduler = new ManualScheduler(clock);

  @Test
  void scheduledPruningKeepsTheDatabaseBoundedUnderChurn() throws Exception {
    List<Counts> afterEachRound = new ArrayList<>();
    try (Persistence persistence = Persistence.open(dataDir, clock, StaleAlertListener.IGNORE)) {
      Silences silences = new Silences(persistence.silences(), clock, RETENTION.expiredSilences());
      Scheduler.Cancellable pruning =
          persistence.schedulePruning(scheduler, Duration.ofMinutes(1), () -> RETENTION);
      List<Alert> firing = List.of();
      for (int round = 0; round < ROUNDS; round++) {
        Instant now = clock.instant();
        List<Alert> resolved = firing.stream().map(a -> a.withTimes(a.startsAt(), now, now)).toList();
        persistence.alerts().upsert(resolved);
        firing = newAlerts(round, now);
        persistence.alerts().upsert(firing);
        for (int g = 0; g < GROUPS_PER_ROUND; g++) {
          persistence.notificationLog().record(
              new NotificationLog.Key("{}:{round=\"" + round + "\",group=\"" + g + "\"}", "team", "slack", 0),
              new NotificationLog.Entry(Set.of(new Fingerprint(round * 100L + g)), Set.of(), now));
        }
        String id = silences.set(new SilenceDraft(null, List.of(Matchers.parse("round=" + round)),
            now, now.plus(Duration.ofMinutes(30)), "ops", "churn"));
        silences.expire(id);

        scheduler.advance(ROUND);
        afterEachRound.add(counts());
      }
      pruning.cancel();
    }

    Counts peak = afterEachRound.stream().reduce(Counts::max).orElseThrow();
    int churned = ROUNDS * ALERTS_PER_ROUND;
    assertTrue(peak.alerts() <= ALERTS_PER_ROUND * 6, "alerts peaked at " + peak.alerts() + " of " + churned + " churned");
    // The journal keeps up to half the live alerts plus 256 superseded rows, and the tombstones
    // written since the oldest of them.
    assertTrue(peak.alertRows() <= 2 * peak.alerts() + 512 + 2 * ALERTS_PER_ROUND,
        "alert rows (with superseded versions and tombstones) peaked at " + peak.alertRows());
    long rowsFirstHalf = afterEachRound.subList(ROUNDS / 4, ROUNDS / 2).stream().mapToLong(Counts::alertRows).max().orElseThrow();
    long rowsSecondHalf = afterEachRound.subList(ROUNDS / 2, ROUNDS).stream().mapToLong(Counts::alertRows).max().orElseThrow();
    assertTrue(rowsSecondHalf <= rowsFirstHalf + ALERTS_PER_ROUND, "alert rows grew from " + rowsFirstHalf + " to " + rowsSecondHalf);
    assertTrue(peak.notifications() <= GROUPS_PER_ROUND * 14, "notification-log rows peaked at " + peak.notifications());
    assertTrue(peak.silences() <= 16, "silences peaked at " + peak.silences());

    // Deleted pages are reused and the WAL is reset after each checkpoint: once the tables hold
    // their steady-state rows, the files stop growing.
    long halfway = afterEachRound.subList(0, ROUNDS / 2).stream().mapToLong(Counts::bytes).max().orElseThrow();
    long end = afterEachRound.subList(ROUNDS / 2, ROUNDS).stream().mapToLong(Counts::bytes).max().orElseThrow();
    assertTrue(end <= halfway * 5 / 4, "database files grew from " + halfway + " to " + end + " bytes");
    assertEquals(ALERTS_PER_ROUND, afterEachRound.get(ROUNDS - 1).firing(), "pruning left the firing alerts alone");
  }

  private static List<Alert> newAlerts(int round, Instant now) {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < ALERTS_PER_ROUND; i++) {
      Labels labels = Labels.of("alertname", "Churn", "round", Integer.toString(round), "instance", "host-" + i);
      alerts.add(new Alert(labels, Map.of("summary", "churning alert " + i + " of round " + round), now, null, "", now));
    }
    return alerts;
  }

  /** Rows per table and bytes on disk, read through a connection of their own as an operator would. */
  record Counts(long alerts, long alertRows, long firing, long notifications, long silences, long bytes) {
    Counts max(Counts o) {
      return new Counts(Math.max(alerts, o.alerts), Math.max(alertRows, o.alertRows), Math.max(firing, o.firing),
          Math.max(notifications, o.notifications), Math.max(silences, o.silences), Math.max(bytes, o.bytes));
    }
  }

  private Counts counts() throws SQLException, IOException {
    Path db = dataDir.resolve(Persistence.DATABASE_FILE);
    try (Connection c = Connector.sqlite(db).connect(); Statement s = c.createStatement()) {
      return new Counts(
          count(s, "SELECT count(*) FROM (" + LIVE_ALERTS + ")"),
          count(s, "SELECT count(*) FROM alert_journal"),
          count(s, "SELECT count(*) FROM (" + LIVE_ALERTS + ") WHERE ends_at IS NULL"),
          count(s, "SELECT count(*) FROM notification_log"),
          count(s, "SELECT count(*) FROM silences"),
          Files.size(db) + sizeIfExists(dataDir.resolve(Persistence.DATABASE_FILE + "-wal")));
    }
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static long sizeIfExists(Path file) throws IOException {
    return Files.exists(file) ? Files.size(file) : 0;
  }
}
