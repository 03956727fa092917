package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.heartbeat.HeartbeatState;
import dev.tta.alertrouter.store.StaleAlertListener;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Heartbeat states are kept across restarts (SQLite) and shared by replicas (PostgreSQL). */
@ExtendWith(PostgresExtension.class)
class HeartbeatStoreTest {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  static final String NAME = "prometheus-tta-production";

  @TempDir Path data;
  final ManualClock clock = new ManualClock(T0);

  @Test
  void aMissingHeartbeatSurvivesRestarts() {
    HeartbeatState missing = new HeartbeatState(NAME, T0, T0.plusSeconds(180), T0.plusSeconds(181));
    try (Persistence p = Persistence.open(data, clock, StaleAlertListener.IGNORE)) {
      p.heartbeats().put(new HeartbeatState(NAME, T0, null, T0));
      p.heartbeats().put(missing);
      p.heartbeats().put(new HeartbeatState("never-seen", null, null, T0));
    }
    try (Persistence p = Persistence.open(data, clock, StaleAlertListener.IGNORE)) {
      assertEquals(Optional.of(missing), p.heartbeats().get(NAME));
      assertEquals(Optional.of(new HeartbeatState("never-seen", null, null, T0)), p.heartbeats().get("never-seen"));
      assertEquals(2, p.heartbeats().all().size());
    }
  }

  @Test
  void replicasReadEachOthersSignsOfLifeAndRaises(PostgresServer server, TestInfo test) throws Exception {
    String url = server.newDatabase(test.getTestMethod().orElseThrow().getName().toLowerCase());
    HeartbeatState seenByA = new HeartbeatState(NAME, T0, null, T0);
    HeartbeatState raisedByB = new HeartbeatState(NAME, T0, T0.plusSeconds(180), T0.plusSeconds(180));
    try (Persistence a = Persistence.openJdbc(url, "replica-a", clock, StaleAlertListener.IGNORE);
        Persistence b = Persistence.openJdbc(url, "replica-b", clock, StaleAlertListener.IGNORE)) {
      a.heartbeats().put(seenByA);
      b.syncWithPeers(T0, alerts -> {});
      assertEquals(Optional.of(seenByA), b.heartbeats().get(NAME));

      b.heartbeats().put(raisedByB);
      a.syncWithPeers(T0, alerts -> {});
      assertEquals(Optional.of(raisedByB), a.heartbeats().get(NAME));
    }
    try (Persistence c = Persistence.openJdbc(url, "replica-c", clock, StaleAlertListener.IGNORE)) {
      assertEquals(Optional.of(raisedByB), c.heartbeats().get(NAME), "a replica started later reads it too");
    }
  }
}
