package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matchers;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.mute.SilenceDraft;
import dev.tta.alertrouter.mute.SilenceState;
import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.mute.TimeIntervals;
import dev.tta.alertrouter.notify.NotificationLog;
import dev.tta.alertrouter.store.StaleAlertListener;
import dev.tta.alertrouter.store.StoreUnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceRestartTest {
  static final Instant T0 = Instant.parse("2026-11-24T19:08:19.402238583Z");

  @TempDir Path dataDir;
  final ManualClock clock = new ManualClock(T0);

  Persistence open() {
    return Persistence.open(dataDir, clock, StaleAlertListener.IGNORE);
  }

  @Test
  void alertsSurviveARestartExactly() {
    Alert firing = new Alert(
        Labels.of("alertname", "TTAServiceDown", "service", "api"),
        Map.of("summary", "api is down", "description", "quotes \" and\nnewlines, ünïcode"),
        T0, null, "http://prometheus:9090/graph?g0.expr=up%3D%3D0", T0);
    Alert byTimeout = new Alert(
        Labels.of("alertname", "TTAHighLatency"), Map.of(), T0, T0.plus(Duration.ofMinutes(5)), "", T0, true);
    Labels arrived = Labels.of("alertname", "Derived");
    Alert derived = new Alert(arrived, Map.of(), T0, T0.plusSeconds(1), "", T0)
        .withDerivedLabels(arrived.with("priority", "P1"));

    List<Alert> written;
    try (Persistence persistence = open()) {
      written = persistence.alerts().upsert(List.of(firing, byTimeout, derived));
    }
    try (Persistence persistence = open()) {
      assertEquals(
          written.stream().sorted(PersistenceRestartTest::byFingerprint).toList(),
          persistence.alerts().list(List.of()));
      assertEquals(Optional.of(derived), persistence.alerts().get(arrived.fingerprint()),
          "an alert keeps the fingerprint it arrived with, not that of its derived labels");
      assertEquals(3, persistence.alerts().size());
    }
  }

  @Test
  void aResolveSurvivesARestartAndAStaleCopyAfterItIsIgnored() {
    Labels labels = Labels.of("alertname", "TTAServiceDown");
    Instant end = T0.plusSeconds(240);
    try (Persistence persistence = open()) {
      persistence.alerts().upsert(List.of(new Alert(labels, Map.of(), T0, null, "", T0)));
      clock.advance(Duration.ofMinutes(5));
      persistence.alerts().upsert(List.of(new Alert(labels, Map.of(), T0, end, "", clock.instant())));
    }
    List<Alert> staleCopies = new ArrayList<>();
    clock.advance(Duration.ofMinutes(1));
    try (Persistence persistence = Persistence.open(dataDir, clock, (stale, held) -> staleCopies.add(stale))) {
      Alert slowReplicaCopy = new Alert(labels, Map.of(), T0, null, "", clock.instant());
      List<Alert> stored = persistence.alerts().upsert(List.of(slowReplicaCopy));

      assertEquals(end, stored.get(0).endsAt(), "the alert stays resolved");
      assertEquals(List.of(slowReplicaCopy), staleCopies);
    }
  }

  @Test
  void silencesSurviveARestart() {
    String active;
    String expired;
    try (Persistence persistence = open()) {
      Silences silences = new Silences(persistence.silences(), clock, Duration.ofHours(120));
      active = silences.set(new SilenceDraft(null, Matchers.parseList("{service=~\"api|web\", team!=\"\"}"),
          T0, T0.plus(Duration.ofHours(2)), "ops", "deploy window"));
      expired = silences.set(new SilenceDraft(null, List.of(Matchers.parse("alertname=Flapping")),
          T0, T0.plus(Duration.ofHours(1)), "ops", "noise"));
      silences.expire(expired);
    }
    clock.advance(Duration.ofMinutes(1));
    try (Persistence persistence = open()) {
      Silences silences = new Silences(persistence.silences(), clock, Duration.ofHours(120));
      assertEquals(List.of(active), silences.list(SilenceState.ACTIVE).stream().map(s -> s.id()).toList());
      assertEquals(List.of(expired), silences.list(SilenceState.EXPIRED).stream().map(s -> s.id()).toList());
      assertEquals(
          List.of(active),
          silences.mutes(Labels.of("alertname", "X", "service", "web", "team", "platform"), clock.instant(), TimeIntervals.none()));
    }
  }

  @Test
  void theNotificationLogSurvivesARestart() {
    NotificationLog.Key key = new NotificationLog.Key("{}:{alertname=\"TTAServiceDown\"}", "critical-alerts", "pagerduty", 0);
    NotificationLog.Entry entry = new NotificationLog.Entry(
        Set.of(Fingerprint.parse("0123456789abcdef"), Fingerprint.parse("ffffffffffffffff")),
        Set.of(Fingerprint.parse("1")), T0);
    NotificationLog.Key empty = new NotificationLog.Key("{}:{}", "default", "slack", 2);
    NotificationLog.Entry nothingResolved = new NotificationLog.Entry(Set.of(Fingerprint.parse("2")), Set.of(), T0);
    try (Persistence persistence = open()) {
      persistence.notificationLog().record(key, entry);
      persistence.notificationLog().record(empty, nothingResolved);
    }
    try (Persistence persistence = open()) {
      assertEquals(Optional.of(entry), persistence.notificationLog().last(key));
      assertEquals(Optional.of(nothingResolved), persistence.notificationLog().last(empty));
      assertEquals(Optional.empty(), persistence.notificationLog().last(new NotificationLog.Key("x", "default", "slack", 2)));
    }
  }

  @Test
  void messageReferencesSurviveARestartUntilRemovedOrPruned() {
    NotificationLog.Key kept = new NotificationLog.Key("{}:{alertname=\"A\"}", "team", "slack", 0);
    NotificationLog.Key removed = new NotificationLog.Key("{}:{alertname=\"B\"}", "team", "slack", 0);
    NotificationLog.Key stale = new NotificationLog.Key("{}:{alertname=\"C\"}", "team", "slack", 0);
    try (Persistence persistence = open()) {
      persistence.messageReferences().put(stale, "C024BE91L/1700000000.000100");
      clock.advance(Duration.ofHours(2));
      persistence.messageReferences().put(kept, "C024BE91L/1700000100.000200");
      persistence.messageReferences().put(removed, "C024BE91L/1700000200.000300");
      persistence.messageReferences().remove(removed);
    }
    try (Persistence persistence = open()) {
      assertEquals(Optional.of("C024BE91L/1700000100.000200"), persistence.messageReferences().get(kept));
      assertEquals(Optional.empty(), persistence.messageReferences().get(removed));

      Pruned pruned = persistence.prune(clock.instant(),
          new Retention(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)));

      assertEquals(2, pruned.messageReferences(), "the removed one and the one not renewed for an hour");
      assertEquals(Optional.empty(), persistence.messageReferences().get(stale));
      assertEquals(Optional.of("C024BE91L/1700000100.000200"), persistence.messageReferences().get(kept));
    }
  }

  @Test
  void anUpsertIsCommittedWhenItReturns() throws Exception {
    try (Persistence persistence = open()) {
      persistence.alerts().upsert(List.of(new Alert(Labels.of("alertname", "Durable"), Map.of(), T0, null, "", T0)));

      // Another connection, as another process would see the file: the row is there already.
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Persistence.DATABASE_FILE));
          Statement statement = other.createStatement();
          ResultSet row = statement.executeQuery("SELECT labels FROM alert_journal")) {
        assertTrue(row.next());
        assertEquals("{\"alertname\":\"Durable\"}", row.getString(1));
      }
    }
  }

  @Test
  void theDatabaseRunsInWalModeWithFullSync() throws Exception {
    try (Persistence persistence = open();
        Connection connection = Connector.sqlite(dataDir.resolve(Persistence.DATABASE_FILE)).connect();
        Statement statement = connection.createStatement()) {
      try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
        mode.next();
        assertEquals("wal", mode.getString(1));
      }
      try (ResultSet sync = statement.executeQuery("PRAGMA synchronous")) {
        sync.next();
        assertEquals(2, sync.getInt(1), "2 is FULL");
      }
    }
  }

  @Test
  void aSecondRouterCannotOpenTheSameDataFolder() {
    try (Persistence first = open()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, this::open);
      assertTrue(e.getMessage().contains("is in use by another alert-router"), e.getMessage());
    }
    try (Persistence again = open()) {
      assertEquals(0, again.alerts().size(), "closing released the folder");
    }
  }

  @Test
  void aClosedStoreRefusesAlertsSoThatTheSenderRetries() {
    Persistence persistence = open();
    persistence.close();

    assertThrows(StoreUnavailableException.class, () -> persistence.alerts().upsert(
        List.of(new Alert(Labels.of("alertname", "Late"), Map.of(), T0, null, "", T0))));
  }

  private static int byFingerprint(Alert x, Alert y) {
    return Long.compareUnsigned(x.fingerprint().value(), y.fingerprint().value());
  }
}
