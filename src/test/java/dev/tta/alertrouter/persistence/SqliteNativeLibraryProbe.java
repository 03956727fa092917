package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.store.StaleAlertListener;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Opens the SQLite store in the folder {@code args[0]} in a JVM of its own (the driver loads its
 * library once per JVM) and prints where the driver was told its library is.
 */
public final class SqliteNativeLibraryProbe {
  private SqliteNativeLibraryProbe() {}

  public static void main(String[] args) {
    try (Persistence persistence = Persistence.open(Path.of(args[0]), Clock.systemUTC(), StaleAlertListener.IGNORE)) {
      System.out.println("lib.path=" + System.getProperty("org.sqlite.lib.path"));
      System.out.println("alerts=" + persistence.alerts().size());
    }
  }
}
