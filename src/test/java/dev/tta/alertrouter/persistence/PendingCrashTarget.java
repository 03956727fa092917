package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.store.StaleAlertListener;
import dev.tta.alertrouter.store.Upserted;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The process {@link EarlyIntakeTest} kills while its stored alerts are still being read: it opens
 * the store with a read that never runs, takes {@link #PUSHED} as intake would (each acknowledged
 * only once durable), prints {@code ACK} and waits to be killed.
 *
 * <p>Argument: the data folder.
 */
public final class PendingCrashTarget {
  static final Instant RECEIVED_AT = Instant.parse("2026-12-03T20:00:00Z");
  /** A new alert, and a later copy of {@link EarlyIntakeTest#STORED_API_DOWN} (an earlier start kept). */
  static final List<Alert> PUSHED = List.of(
      new Alert(Labels.of("alertname", "DiskFull", "instance", "db-1"), Map.of("summary", "disk full"),
          RECEIVED_AT.minusSeconds(60), null, "http://prom/graph", RECEIVED_AT),
      new Alert(EarlyIntakeTest.API_DOWN, Map.of("summary", "api is down again"),
          RECEIVED_AT.minusSeconds(30), null, "http://prom/graph", RECEIVED_AT));

  private PendingCrashTarget() {}

  public static void main(String[] args) throws Exception {
    try {
      Persistence persistence = Persistence.open(Path.of(args[0]), Clock.fixed(RECEIVED_AT, ZoneOffset.UTC),
          StaleAlertListener.IGNORE, new HeldBackReader());
      for (Alert alert : PUSHED) {
        Upserted upserted = persistence.alerts().upsertAll(List.of(alert));
        if (!upserted.stored().isEmpty()) {
          throw new IllegalStateException("merged before the stored alerts were read: " + upserted);
        }
        System.out.println("ACK " + alert.labels());
        System.out.flush();
      }
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1); // the test then hears at once that no acknowledgement will come
    }
    Thread.currentThread().join();
  }
}
