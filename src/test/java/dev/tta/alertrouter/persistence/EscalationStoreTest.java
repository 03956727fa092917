package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.escalation.EscalationState;
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

/** Escalation states survive restarts (SQLite) and are shared by replicas (PostgreSQL). */
@ExtendWith(PostgresExtension.class)
class EscalationStoreTest {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456789Z");
  static final String GROUP = "{}/{severity=\"critical\"}:{alertname=\"TTAServiceDown\"}";
  static final EscalationState STARTED = EscalationState.started(GROUP, "{}/{severity=\"critical\"}", T0);

  @TempDir Path data;
  final ManualClock clock = new ManualClock(T0);

  @Test
  void theFirstNotificationAndTheStepsSentSurviveARestart() {
    EscalationState oneSent = new EscalationState(GROUP, STARTED.routeKey(), T0, 1, null);
    try (Persistence p = Persistence.open(data, clock, StaleAlertListener.IGNORE)) {
      p.escalations().put(STARTED);
      p.escalations().put(oneSent);
    }
    try (Persistence p = Persistence.open(data, clock, StaleAlertListener.IGNORE)) {
      assertEquals(Optional.of(oneSent), p.escalations().get(GROUP));
      assertEquals(List.of(oneSent), List.copyOf(p.escalations().open()));
      p.escalations().put(new EscalationState(GROUP, STARTED.routeKey(), T0, 1, T0.plusSeconds(600)));
    }
    try (Persistence p = Persistence.open(data, clock, StaleAlertListener.IGNORE)) {
      assertEquals(List.of(), List.copyOf(p.escalations().open()), "ended");
      clock.advance(Duration.ofHours(121));
      Retention retention = new Retention(Duration.ofMinutes(15), Duration.ofHours(120), Duration.ofHours(120));
      assertEquals(1, p.prune(clock.instant(), retention).escalations());
      assertEquals(Optional.empty(), p.escalations().get(GROUP));
    }
  }

  @Test
  void aStepOneReplicaSentIsSeenByTheReplicaTakingOver(PostgresServer server, TestInfo test) throws Exception {
    String url = server.newDatabase(test.getTestMethod().orElseThrow().getName().toLowerCase());
    try (Persistence a = Persistence.openJdbc(url, "replica-a", clock, StaleAlertListener.IGNORE);
        Persistence b = Persistence.openJdbc(url, "replica-b", clock, StaleAlertListener.IGNORE)) {
      a.escalations().put(STARTED);
      a.escalations().put(new EscalationState(GROUP, STARTED.routeKey(), T0, 1, null));
      b.syncWithPeers(T0, alerts -> {});
      assertEquals(1, b.escalations().get(GROUP).orElseThrow().stepsSent());
    }
    try (Persistence c = Persistence.openJdbc(url, "replica-c", clock, StaleAlertListener.IGNORE)) {
      assertEquals(1, c.escalations().get(GROUP).orElseThrow().stepsSent(), "read at start too");
    }
  }
}
