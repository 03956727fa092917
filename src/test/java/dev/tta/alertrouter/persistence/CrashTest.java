package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.notify.NotificationLog;
import dev.tta.alertrouter.store.StaleAlertListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process writing to the store with SIGKILL in mid-stream, and checks that everything it
 * acknowledged (what intake would have answered 2xx) is there when the store is opened again.
 */
class CrashTest {
  static final int ACKS_BEFORE_KILL = 3000;

  @TempDir Path dataDir;

  @Test
  void everythingAcknowledgedBeforeAKillSurvivesIt() throws Exception {
    List<String> acked = runAndKill(dataDir.toString(), "crash");

    try (Persistence reopened = Persistence.open(dataDir, new ManualClock(Instant.now()), StaleAlertListener.IGNORE)) {
      List<String> lost = new ArrayList<>();
      for (String name : acked) {
        Labels labels = Labels.of("alertname", name);
        boolean alertKept = reopened.alerts().get(labels.fingerprint()).isPresent();
        boolean notificationKept =
            reopened.notificationLog().last(new NotificationLog.Key(name, "team", "webhook", 0)).isPresent();
        if (!alertKept || !notificationKept) {
          lost.add(name);
        }
      }
      assertEquals(List.of(), lost, "acknowledged, then lost");
      assertTrue(reopened.alerts().size() >= acked.size());
      // Still writable after the crash: the WAL was recovered.
      Alert after = new Alert(Labels.of("alertname", "AfterCrash"), java.util.Map.of(), Instant.now(), null, "", Instant.now());
      reopened.alerts().upsert(List.of(after));
    }
  }

  static List<String> runAndKill(String where, String prefix) throws IOException, InterruptedException {
    try (CrashTargetProcess target = CrashTargetProcess.start(where, 8, prefix)) {
      target.awaitAcks(ACKS_BEFORE_KILL);
      return target.kill();
    }
  }
}
