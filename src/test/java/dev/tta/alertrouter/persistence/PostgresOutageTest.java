package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.store.StaleAlertListener;
import dev.tta.alertrouter.store.StoreUnavailableException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * While the database is down, writes fail at once with {@link StoreUnavailableException} (intake
 * answers 503 and the sender retries); once it is back, the replica reconnects by itself.
 */
@ExtendWith(PostgresExtension.class)
class PostgresOutageTest {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void writesFailWhileTheDatabaseIsDownAndSucceedOnceItIsBack(PostgresServer server) throws Exception {
    try (TcpProxy database = TcpProxy.to(server.hostAndPort())) {
      String url = PostgresServer.via(server.newDatabase("outage"), database.hostAndPort());
      ManualClock clock = new ManualClock(T0);
      try (Persistence replica = Persistence.openJdbc(url, "replica-a", clock, StaleAlertListener.IGNORE)) {
        Alert before = alert("BeforeOutage");
        replica.alerts().upsert(List.of(before));

        database.cut();
        assertThrows(StoreUnavailableException.class, () -> replica.alerts().upsert(List.of(alert("DuringOutage"))));
        assertEquals(1, replica.alerts().size(), "a refused write leaves nothing behind");

        database.restore();
        replica.alerts().upsert(List.of(alert("AfterOutage")));
      }
      try (Persistence reopened = Persistence.openJdbc(url, "replica-b", clock, StaleAlertListener.IGNORE)) {
        assertEquals(
            List.of("AfterOutage", "BeforeOutage"),
            reopened.alerts().list(List.of()).stream().map(Alert::name).sorted().toList());
      }
    }
  }

  private static Alert alert(String name) {
    return new Alert(Labels.of("alertname", name), Map.of(), T0, null, "", T0);
  }
}
