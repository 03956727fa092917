package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.store.StaleAlertListener;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action link key is made once and kept: the same after a restart (SQLite) and the same for
 * every replica sharing a PostgreSQL database, so a link one replica sent is accepted by all.
 */
@ExtendWith(PostgresExtension.class)
class ActionKeyTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-03T10:00:00Z"));

  @Test
  void theKeySurvivesARestart(@TempDir Path data) {
    byte[] first;
    try (Persistence persistence = Persistence.open(data, clock, StaleAlertListener.IGNORE)) {
      first = persistence.actionKey();
    }
    assertEquals(ActionKeys.KEY_BYTES, first.length);
    try (Persistence persistence = Persistence.open(data, clock, StaleAlertListener.IGNORE)) {
      assertArrayEquals(first, persistence.actionKey());
    }
  }

  @Test
  void replicasSharingPostgresqlShareTheKey(PostgresServer server) throws Exception {
    String url = server.newDatabase("action_keys");
    try (Persistence a = Persistence.openJdbc(url, "a", clock, StaleAlertListener.IGNORE);
        Persistence b = Persistence.openJdbc(url, "b", clock, StaleAlertListener.IGNORE)) {
      assertEquals(ActionKeys.KEY_BYTES, a.actionKey().length);
      assertArrayEquals(a.actionKey(), b.actionKey());
    }
  }
}
