package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.store.StaleAlertListener;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SQLite's append-only alert journal: superseded rows are deleted as it goes, pruned alerts stay pruned. */
class AlertJournalTest {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @TempDir Path dataDir;
  final ManualClock clock = new ManualClock(T0);

  Persistence open() {
    return Persistence.open(dataDir, clock, StaleAlertListener.IGNORE);
  }

  @Test
  void resentAlertsKeepTheJournalWithinBounds() throws Exception {
    int alerts = 400;
    List<Alert> latest = List.of();
    try (Persistence persistence = open()) {
      for (int round = 0; round < 50; round++) {
        clock.advance(Duration.ofSeconds(30));
        Instant now = clock.instant();
        List<Alert> resent = new ArrayList<>();
        for (int i = 0; i < alerts; i++) {
          resent.add(new Alert(Labels.of("alertname", "Resent", "instance", "host-" + i), Map.of(), T0, null, "", now));
        }
        latest = persistence.alerts().upsert(resent);
      }
      assertTrue(rows() <= alerts * 3 / 2 + 256 + 2 * alerts, "the journal holds " + rows() + " rows for " + alerts + " alerts");
    }
    try (Persistence reopened = open()) {
      assertEquals(
          latest.stream().sorted((x, y) -> Long.compareUnsigned(x.fingerprint().value(), y.fingerprint().value())).toList(),
          reopened.alerts().list(List.of()),
          "the newest version of each alert, after 20000 writes");
    }
  }

  @ParameterizedTest(name = "{0} writes after the prune")
  @ValueSource(ints = {0, 2000})
  void aPrunedAlertDoesNotComeBackAfterARestartButAnAlertFiringAgainDoes(int noise) throws Exception {
    Labels pruned = Labels.of("alertname", "Pruned");
    Labels refired = Labels.of("alertname", "Refired");
    try (Persistence persistence = open()) {
      for (Labels labels : List.of(pruned, refired)) {
        persistence.alerts().upsert(List.of(new Alert(labels, Map.of(), T0, null, "", T0)));
      }
      clock.advance(Duration.ofSeconds(60));
      for (Labels labels : List.of(pruned, refired)) {
        persistence.alerts().upsert(List.of(new Alert(labels, Map.of(), T0, clock.instant(), "", clock.instant())));
      }
      clock.advance(Duration.ofHours(1));
      assertEquals(2, persistence.alerts().pruneResolvedBefore(clock.instant().minus(Duration.ofMinutes(15))));
      persistence.alerts().upsert(List.of(new Alert(refired, Map.of(), clock.instant(), null, "", clock.instant())));
      // Enough other writes that compaction deletes superseded rows, and tombstones, as it goes.
      for (int i = 0; i < noise; i++) {
        persistence.alerts().upsert(List.of(new Alert(Labels.of("alertname", "Noise", "n", Integer.toString(i % 50)),
            Map.of(), T0, null, "", clock.instant().plusNanos(i))));
      }
    }
    try (Persistence reopened = open()) {
      assertTrue(reopened.alerts().get(pruned.fingerprint()).isEmpty(), "pruned stays pruned");
      assertEquals(null, reopened.alerts().get(refired.fingerprint()).orElseThrow().endsAt(), "fires again");
      assertEquals(noise == 0 ? 1 : 51, reopened.alerts().size());
    }
  }

  private long rows() throws SQLException {
    try (Connection c = Connector.sqlite(dataDir.resolve(Persistence.DATABASE_FILE)).connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM alert_journal")) {
      r.next();
      return r.getLong(1);
    }
  }
}
