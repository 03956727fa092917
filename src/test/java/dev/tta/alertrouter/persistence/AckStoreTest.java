package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.store.StaleAlertListener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Acknowledgements are kept across restarts (SQLite) and shared by replicas, so a failover keeps them (PostgreSQL). */
@ExtendWith(PostgresExtension.class)
class AckStoreTest {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  static final String GROUP = "{}/{team=\"platform\"}:{alertname=\"TTAServiceDown\"}";
  static final Ack ACK = new Ack(GROUP, "alice", "on it", T0, null, Ack.VIA_API);

  @TempDir Path data;
  final ManualClock clock = new ManualClock(T0);

  private Persistence open() {
    return Persistence.open(data, clock, StaleAlertListener.IGNORE);
  }

  @Test
  void anAcknowledgementAndItsEndSurviveRestarts() {
    Ack until = new Ack("other", "bob", "", T0, T0.plus(Duration.ofHours(2)), Ack.VIA_API);
    try (Persistence p = open()) {
      p.acks().put(ACK);
      p.acks().put(until);
    }
    try (Persistence p = open()) {
      assertEquals(Optional.of(ACK), p.acks().get(GROUP));
      assertEquals(Optional.of(until), p.acks().get("other"), "until kept to the nanosecond");
      p.acks().end(GROUP, T0.plusSeconds(60));
    }
    try (Persistence p = open()) {
      assertEquals(Optional.empty(), p.acks().get(GROUP));
      assertEquals(List.of(until), List.copyOf(p.acks().all()));
    }
  }

  @Test
  void endedAndLapsedAcknowledgementsArePrunedAfterTheRetention() {
    Ack lapsing = new Ack("other", "bob", "", T0, T0.plus(Duration.ofHours(2)), Ack.VIA_API);
    try (Persistence p = open()) {
      p.acks().put(ACK);
      p.acks().put(lapsing);
      p.acks().put(new Ack("held", "carol", "", T0, null, Ack.VIA_API));
      p.acks().end(GROUP, T0);
      Retention retention = new Retention(Duration.ofMinutes(15), Duration.ofHours(120), Duration.ofHours(120));
      assertEquals(0, p.prune(T0.plus(Duration.ofHours(100)), retention).acks());
      assertEquals(2, p.prune(T0.plus(Duration.ofHours(123)), retention).acks(), "the ended one and the one lapsed 121h ago");
    }
    try (Persistence p = open()) {
      assertEquals(List.of("held"), p.acks().all().stream().map(Ack::groupKey).toList());
    }
  }

  @Test
  void aReplicaTakingOverSeesThePeersAcknowledgementAndItsEnd(PostgresServer server, TestInfo test) throws Exception {
    String url = server.newDatabase(test.getTestMethod().orElseThrow().getName().toLowerCase());
    try (Persistence a = Persistence.openJdbc(url, "replica-a", clock, StaleAlertListener.IGNORE);
        Persistence b = Persistence.openJdbc(url, "replica-b", clock, StaleAlertListener.IGNORE)) {
      a.acks().put(ACK);
      b.syncWithPeers(T0, alerts -> {});
      assertEquals(Optional.of(ACK), b.acks().get(GROUP));

      b.acks().end(GROUP, T0.plusSeconds(5));
      a.syncWithPeers(T0, alerts -> {});
      assertEquals(Optional.empty(), a.acks().get(GROUP));
    }
    try (Persistence c = Persistence.openJdbc(url, "replica-c", clock, StaleAlertListener.IGNORE)) {
      assertEquals(Optional.empty(), c.acks().get(GROUP), "a replica started later reads the end too");
    }
  }
}
