package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.store.InMemoryAlertStore;
import dev.tta.alertrouter.store.StaleAlertListener;
import dev.tta.alertrouter.store.Upserted;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite intake before the stored alerts are read ("back in a second"): what is pushed while they
 * are read is durable when the push is answered, kept unmerged in {@code intake_pending}, and merged
 * once they are in exactly as if it had been pushed after the read, at the instant it arrived.
 */
class EarlyIntakeTest {
  static final Instant T0 = Instant.parse("2026-12-03T19:00:00Z");
  static final Labels API_DOWN = Labels.of("alertname", "TTAServiceDown", "service", "api");
  /** The stored copy of {@link #API_DOWN}: it started an hour before anything pushed here. */
  static final Alert STORED_API_DOWN =
      new Alert(API_DOWN, Map.of("summary", "api is down"), T0.minus(Duration.ofHours(1)), null, "http://prom/graph", T0);
  static final int STORED = 5_000;

  @TempDir Path dataDir;
  final ManualClock clock = new ManualClock(T0);

  /** The stored alerts: {@link #STORED_API_DOWN} and {@code count - 1} others, written by a store that then closed. */
  private List<Alert> seed(int count, InMemoryAlertStore reference) {
    List<Alert> alerts = new ArrayList<>(List.of(STORED_API_DOWN));
    for (int i = 1; i < count; i++) {
      alerts.add(new Alert(Labels.of("alertname", "Stored", "n", Integer.toString(i)), Map.of(),
          T0.minusSeconds(i), i % 3 == 0 ? T0.minusSeconds(1) : null, "", T0));
    }
    try (Persistence persistence = Persistence.open(dataDir, clock, StaleAlertListener.IGNORE)) {
      for (int from = 0; from < alerts.size(); from += 500) {
        persistence.alerts().upsertAll(alerts.subList(from, Math.min(alerts.size(), from + 500)));
      }
    }
    reference.upsertAll(alerts);
    return alerts;
  }

  @Test
  void pushesWhileTheStoredAlertsAreReadAreDurableAtOnceAndMergedAfterwardsAsIfPushedThen() throws Exception {
    InMemoryAlertStore reference = new InMemoryAlertStore(clock, StaleAlertListener.IGNORE);
    List<Alert> stored = seed(STORED, reference);
    HeldBackReader reader = new HeldBackReader();
    List<Alert> staleCopies = new ArrayList<>();

    try (Persistence persistence = Persistence.open(dataDir, clock, (copy, held) -> staleCopies.add(copy), reader)) {
      assertEquals(Optional.empty(), persistence.notReadyBecause(), "intake is open: reads wait, nothing is refused");
      assertFalse(persistence.storedAlerts().isDone());

      // Three pushes at three instants: a new alert; a later copy of a stored one and another new
      // one; that new one resolved. The reference store merges the same pushes at the same instants.
      List<List<Alert>> pushes = List.of(
          List.of(alert(Labels.of("alertname", "DiskFull"), T0.plusSeconds(5), null)),
          List.of(new Alert(API_DOWN, Map.of("summary", "api is down again"), T0.plusSeconds(10), null,
                  "http://prom/graph", T0.plusSeconds(20)),
              alert(Labels.of("alertname", "Latency"), T0.plusSeconds(15), null)),
          List.of(alert(Labels.of("alertname", "Latency"), T0.plusSeconds(15), T0.plusSeconds(30))));
      List<Upserted> expected = new ArrayList<>();
      for (List<Alert> push : pushes) {
        clock.advance(Duration.ofSeconds(10));
        Upserted answered = persistence.alerts().upsertAll(push);
        assertEquals(List.of(), answered.stored(), "nothing is handed on before the stored alerts are read");
        expected.add(reference.upsertAll(push));
      }
      assertEquals(4, count("intake_pending"), "every pushed alert is durable, unmerged");
      assertEquals(STORED, count("alert_journal"), "the journal is not written before it is read");

      clock.advance(Duration.ofMinutes(1)); // the read ends later than the pushes: each merges at its own instant
      reader.release();

      StoredAlerts read = persistence.storedAlerts().get();
      assertEquals(new HashSet<>(stored), new HashSet<>(read.read()), "the replay gets the stored alerts as stored");
      assertEquals(expected, read.accepted(), "then each push, in push order, merged as it would have been then");
      Alert merged = persistence.alerts().get(API_DOWN.fingerprint()).orElseThrow();
      assertEquals(STORED_API_DOWN.startsAt(), merged.startsAt(), "the stored start is kept, as Alertmanager merges");
      assertEquals("api is down again", merged.annotations().get("summary"));
      assertEquals(reference.list(List.of()), persistence.alerts().list(List.of()));
      assertEquals(0, count("intake_pending"));
      assertEquals(Optional.empty(), persistence.notReadyBecause());
      assertEquals(List.of(), staleCopies);

      // From now on a push merges at once and is handed on.
      Alert again = alert(Labels.of("alertname", "DiskFull"), T0.plusSeconds(5), null);
      assertEquals(reference.upsertAll(List.of(again)), persistence.alerts().upsertAll(List.of(again)));
    }
    try (Persistence reopened = Persistence.open(dataDir, clock, StaleAlertListener.IGNORE)) {
      assertEquals(reference.list(List.of()), reopened.alerts().list(List.of()));
      assertEquals(List.of(), reopened.storedAlerts().get().accepted());
    }
  }

  @Test
  void aCrashWhileTheStoredAlertsAreReadLosesNothingAcknowledged() throws Exception {
    InMemoryAlertStore reference = new InMemoryAlertStore(clock, StaleAlertListener.IGNORE);
    seed(50, reference);

    List<String> acked;
    try (CrashTargetProcess target = CrashTargetProcess.start(PendingCrashTarget.class, dataDir.toString())) {
      target.awaitAcks(PendingCrashTarget.PUSHED.size());
      acked = target.kill();
    }
    assertEquals(PendingCrashTarget.PUSHED.size(), acked.size());
    assertEquals(PendingCrashTarget.PUSHED.size(), count("intake_pending"), "the killed process left them pending");

    clock.set(PendingCrashTarget.RECEIVED_AT.plus(Duration.ofMinutes(5)));
    List<Upserted> expected = new ArrayList<>();
    ManualClock then = new ManualClock(PendingCrashTarget.RECEIVED_AT);
    InMemoryAlertStore asPushedThen = new InMemoryAlertStore(then, StaleAlertListener.IGNORE);
    asPushedThen.upsertAll(reference.list(List.of()));
    for (Alert pushed : PendingCrashTarget.PUSHED) {
      expected.add(asPushedThen.upsertAll(List.of(pushed)));
    }
    try (Persistence reopened = Persistence.open(dataDir, clock, StaleAlertListener.IGNORE)) {
      assertEquals(expected, reopened.storedAlerts().get().accepted(), "handed on after the replay, in order");
      assertEquals(asPushedThen.list(List.of()), reopened.alerts().list(List.of()));
      assertEquals(STORED_API_DOWN.startsAt(), reopened.alerts().get(API_DOWN.fingerprint()).orElseThrow().startsAt());
      assertEquals(0, count("intake_pending"));
    }
    try (Persistence again = Persistence.open(dataDir, clock, StaleAlertListener.IGNORE)) {
      assertEquals(asPushedThen.list(List.of()), again.alerts().list(List.of()), "applied once, not twice");
      assertEquals(List.of(), again.storedAlerts().get().accepted());
    }
  }

  @Test
  void pushesRacingTheEndOfTheReadAreEachHandedOnOnceAndNoneIsLeftPending() throws Exception {
    InMemoryAlertStore reference = new InMemoryAlertStore(clock, StaleAlertListener.IGNORE);
    seed(1_000, reference);
    HeldBackReader reader = new HeldBackReader();
    int senders = 4;
    int perSender = 150;
    try (Persistence persistence = Persistence.open(dataDir, clock, StaleAlertListener.IGNORE, reader)) {
      CountDownLatch someTaken = new CountDownLatch(senders);
      ExecutorService pool = Executors.newFixedThreadPool(senders);
      List<Future<List<Alert>>> handedOnAtOnce = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        int sender = s;
        handedOnAtOnce.add(pool.submit(() -> {
          List<Alert> direct = new ArrayList<>();
          for (int i = 0; i < perSender; i++) {
            Alert pushed = alert(Labels.of("alertname", "Racing", "sender", "s" + sender, "n", Integer.toString(i)), T0, null);
            direct.addAll(persistence.alerts().upsertAll(List.of(pushed)).stored());
            if (i == 10) {
              someTaken.countDown();
            }
          }
          return direct;
        }));
      }
      someTaken.await();
      reader.release(); // while the senders go on: their writes and the one applying the pending rows interleave
      List<Alert> handedOn = new ArrayList<>(persistence.storedAlerts().get().accepted().stream()
          .flatMap(u -> u.stored().stream()).toList());
      for (Future<List<Alert>> direct : handedOnAtOnce) {
        handedOn.addAll(direct.get());
      }
      pool.shutdown();

      assertEquals(senders * perSender, handedOn.size(), "each push handed on once: after the read, or at once");
      assertEquals(senders * perSender, new HashSet<>(handedOn).size());
      assertEquals(0, count("intake_pending"), "nothing left behind");
      assertEquals(1_000 + senders * perSender, persistence.alerts().size());
    }
  }

  @Test
  void aStoreClosedBeforeItsAlertsAreReadKeepsWhatItTookForTheNextStart() throws Exception {
    InMemoryAlertStore reference = new InMemoryAlertStore(clock, StaleAlertListener.IGNORE);
    seed(10, reference);
    Alert pushed = alert(Labels.of("alertname", "DiskFull"), T0, null);
    try (Persistence persistence = Persistence.open(dataDir, clock, StaleAlertListener.IGNORE, new HeldBackReader())) {
      persistence.alerts().upsertAll(List.of(pushed));
    }
    try (Persistence reopened = Persistence.open(dataDir, clock, StaleAlertListener.IGNORE)) {
      reference.upsertAll(List.of(pushed));
      assertEquals(reference.list(List.of()), reopened.alerts().list(List.of()));
      assertTrue(reopened.notReadyBecause().isEmpty());
    }
  }

  private static Alert alert(Labels labels, Instant startsAt, Instant endsAt) {
    return new Alert(labels, Map.of(), startsAt, endsAt, "", endsAt != null ? endsAt : startsAt);
  }

  /** Rows of {@code table}, as another process would see the file. */
  private long count(String table) throws SQLException {
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Persistence.DATABASE_FILE));
        Statement statement = other.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
