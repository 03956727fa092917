package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.dispatch.StageFailedException;
import dev.tta.alertrouter.store.StaleAlertListener;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A replica's name is held while it lives: a second replica with the same name is refused, the name
 * is free again once its holder closes, and a replica that loses the connection holding its name
 * stops flushing until it holds the name again (not while a namesake holds it).
 */
@ExtendWith(PostgresExtension.class)
class ReplicaNameTest {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  static final Alert API_DOWN = new Alert(Labels.of("alertname", "ApiDown"), Map.of(), T0, null, "", T0);
  final ManualClock clock = new ManualClock(T0);

  @Test
  void aSecondLiveReplicaWithTheSameNameIsRefusedAndTheNameIsFreeOnceTheFirstCloses(PostgresServer server)
      throws Exception {
    String url = server.newDatabase("replica_name");
    try (Persistence first = Persistence.openJdbc(url, "twin", clock, StaleAlertListener.IGNORE)) {
      first.alerts().upsert(List.of(API_DOWN));

      ReplicaNameTakenException refused = assertThrows(ReplicaNameTakenException.class,
          () -> Persistence.openJdbc(url, "twin", clock, StaleAlertListener.IGNORE));
      assertTrue(refused.getMessage().contains("\"twin\""), refused.getMessage());
      assertTrue(refused.getMessage().contains("--replica"), refused.getMessage());
      assertTrue(refused.getMessage().contains("connected from"), "names where the holder is: " + refused.getMessage());

      try (Persistence other = Persistence.openJdbc(url, "twin-2", clock, StaleAlertListener.IGNORE)) {
        assertEquals(1, other.alerts().size(), "another name is welcome");
      }
      assertEquals(Optional.empty(), first.notReadyBecause());
      assertEquals(List.of(API_DOWN), first.flushGuard().apply(flush(), List.of(API_DOWN)), "the first flushes on");
    }
    try (Persistence again = Persistence.openJdbc(url, "twin", clock, StaleAlertListener.IGNORE)) {
      assertEquals(1, again.alerts().size(), "the name is free once its holder closed; nothing was lost");
    }
  }

  @Test
  void aReplicaThatLostItsNameStopsFlushingWhileANamesakeHoldsItAndResumesOnceItHoldsItAgain(PostgresServer server)
      throws Exception {
    String url = server.newDatabase("replica_name_lost");
    try (TcpProxy database = TcpProxy.to(server.hostAndPort());
        Persistence cutOff = Persistence.openJdbc(
            PostgresServer.via(url, database.hostAndPort()), "twin", clock, StaleAlertListener.IGNORE)) {
      assertEquals(List.of(API_DOWN), cutOff.flushGuard().apply(flush(), List.of(API_DOWN)));

      database.cut(); // the server ends the cut-off sessions, and with them the lock on the name
      awaitSessionsEnded(url, "alert-router replica twin");
      try (Persistence namesake = Persistence.openJdbc(url, "twin", clock, StaleAlertListener.IGNORE)) {
        database.restore();
        StageFailedException stopped =
            assertThrows(StageFailedException.class, () -> cutOff.flushGuard().apply(flush(), List.of(API_DOWN)));
        assertTrue(stopped.getMessage().contains("twin"), stopped.getMessage());
        assertTrue(cutOff.notReadyBecause().orElseThrow().contains("\"twin\""));
        assertFalse(namesake.notReadyBecause().isPresent());
      }

      assertEquals(List.of(API_DOWN), cutOff.flushGuard().apply(flush(), List.of(API_DOWN)),
          "the namesake is gone: the replica takes its name back and flushes again");
      assertEquals(Optional.empty(), cutOff.notReadyBecause());
    }
  }

  /** The server notices a dropped connection on its own schedule (at once, here): wait for it, bounded. */
  static void awaitSessionsEnded(String url, String applicationName) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement sessions = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
      sessions.setString(1, applicationName);
      while (true) {
        try (ResultSet row = sessions.executeQuery()) {
          row.next();
          if (row.getLong(1) == 0) {
            return;
          }
        }
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("the server still has a session named " + applicationName);
        }
        Thread.onSpinWait();
      }
    }
  }

  private FlushContext flush() {
    return new FlushContext("{}:{alertname=\"ApiDown\"}", Labels.of("alertname", "ApiDown"), "team", "{}",
        Duration.ofHours(4), Duration.ofMinutes(5), List.of(), List.of(), clock.instant());
  }
}
