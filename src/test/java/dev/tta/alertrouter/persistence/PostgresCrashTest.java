package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.notify.NotificationLog;
import dev.tta.alertrouter.store.StaleAlertListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas write to one PostgreSQL under load; one is killed with SIGKILL in mid-stream, the
 * other goes on, then is killed too. Everything either acknowledged is in the database, and a
 * replica started afterwards sees all of it.
 */
@ExtendWith(PostgresExtension.class)
class PostgresCrashTest {
  @Test
  void everythingTwoReplicasAcknowledgedSurvivesTheirKills(PostgresServer server) throws Exception {
    String url = server.newDatabase("crash");
    Persistence.openJdbc(url, "migrator", new ManualClock(Instant.now()), StaleAlertListener.IGNORE).close();
    List<String> acked = new ArrayList<>();
    try (CrashTargetProcess a = CrashTargetProcess.start(url, 4, "replica-a");
        CrashTargetProcess b = CrashTargetProcess.start(url, 4, "replica-b")) {
      a.awaitAcks(1500);
      b.awaitAcks(1500);
      List<String> ackedByA = a.kill();
      acked.addAll(ackedByA);
      // A died holding the write lock, perhaps: B must go on regardless.
      b.awaitAcks(b.ackCount() + 1000);
      acked.addAll(b.kill());
      assertTrue(ackedByA.size() >= 1500);
    }

    try (Persistence after = Persistence.openJdbc(url, "checker", new ManualClock(Instant.now()), StaleAlertListener.IGNORE)) {
      List<String> lost = new ArrayList<>();
      for (String name : acked) {
        boolean alertKept = after.alerts().get(Labels.of("alertname", name).fingerprint()).isPresent();
        boolean notificationKept =
            after.notificationLog().last(new NotificationLog.Key(name, "team", "webhook", 0)).isPresent();
        if (!alertKept || !notificationKept) {
          lost.add(name);
        }
      }
      assertEquals(List.of(), lost, "acknowledged, then lost");
    }
  }
}
