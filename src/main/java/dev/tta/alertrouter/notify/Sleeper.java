package dev.tta.alertrouter.notify;

import java.time.Duration;

/**
 * Waits between delivery attempts. Production sleeps the calling thread; tests advance a manual
 * clock instead, so a backoff of minutes takes no time and its exact length can be asserted.
 */
@FunctionalInterface
public interface Sleeper {
  /** Returns after {@code duration} (at once when it is zero or negative). */
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps the calling thread. */
  static Sleeper system() {
    return duration -> {
      if (!duration.isNegative() && !duration.isZero()) {
        Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
      }
    };
  }
}
