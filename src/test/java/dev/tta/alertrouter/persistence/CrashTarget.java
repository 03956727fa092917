package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.notify.NotificationLog;
import dev.tta.alertrouter.store.StaleAlertListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The process {@link CrashTest} kills: writers upsert alerts and record notifications as fast as
 * the store takes them and print {@code ACK} once each call has returned, the moment intake would
 * answer 2xx. Runs until killed.
 *
 * <p>Arguments: the data folder (SQLite) or a {@code jdbc:postgresql:} URL and a replica name; the
 * number of writer threads; a prefix for the alerts' names.
 */
public final class CrashTarget {
  private CrashTarget() {}

  public static void main(String[] args) throws Exception {
    String where = args[0];
    int writers = Integer.parseInt(args[1]);
    String prefix = args[2];
    Clock clock = Clock.systemUTC();
    Persistence persistence = where.startsWith("jdbc:")
        ? Persistence.openJdbc(where, prefix, clock, StaleAlertListener.IGNORE)
        : Persistence.open(Path.of(where), clock, StaleAlertListener.IGNORE);
    PrintStream out = System.out;
    out.println("READY");
    out.flush();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      Thread thread = new Thread(() -> {
        for (long n = 0; ; n++) {
          String name = prefix + "-" + writer + "-" + n;
          Instant now = clock.instant();
          Alert alert = new Alert(Labels.of("alertname", name), Map.of(), now, null, "", now);
          persistence.alerts().upsert(List.of(alert));
          persistence.notificationLog().record(
              new NotificationLog.Key(name, "team", "webhook", 0),
              new NotificationLog.Entry(Set.of(alert.fingerprint()), Set.of(), now));
          synchronized (out) {
            out.println("ACK " + name);
            out.flush();
          }
        }
      });
      thread.start();
    }
    Thread.currentThread().join();
  }
}
