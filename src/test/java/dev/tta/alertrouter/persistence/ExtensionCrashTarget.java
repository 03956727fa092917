package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.store.StaleAlertListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The process {@link DeferredExtensionTest} kills: stores an alert, then a resend that only renews
 * its end (acknowledged without a write), prints {@code ACK} as intake would answer 2xx, and waits
 * to be killed without a checkpoint having run.
 *
 * <p>Argument: the data folder.
 */
public final class ExtensionCrashTarget {
  static final Labels LABELS = Labels.of("alertname", "TTAServiceDown", "service", "api");
  static final Instant STARTS_AT = Instant.parse("2026-11-25T10:00:00Z");
  static final Instant FIRST_END = STARTS_AT.plus(Duration.ofMinutes(4));
  static final Instant EXTENDED_AT = STARTS_AT.plusSeconds(30);

  private ExtensionCrashTarget() {}

  public static void main(String[] args) throws Exception {
    try {
      storeAndExtend(Path.of(args[0]));
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1); // the test then hears at once that no acknowledgement will come
    }
    Thread.currentThread().join();
  }

  /** Leaves the store open, as a crash does: the test kills this process. */
  private static void storeAndExtend(Path dataDir) {
    Persistence persistence = Persistence.open(dataDir, Clock.fixed(EXTENDED_AT, ZoneOffset.UTC),
        StaleAlertListener.IGNORE);
    persistence.alerts().upsert(List.of(new Alert(LABELS, Map.of(), STARTS_AT, FIRST_END, "", STARTS_AT)));
    persistence.alerts().upsert(List.of(
        new Alert(LABELS, Map.of(), STARTS_AT, EXTENDED_AT.plus(Duration.ofMinutes(4)), "", EXTENDED_AT)));
    if (persistence.stats().deferredAlerts() != 1) {
      throw new IllegalStateException("the extension was written: " + persistence.stats());
    }
    System.out.println("ACK " + LABELS);
    System.out.flush();
  }
}
