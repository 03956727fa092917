package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.dispatch.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Waits by moving a manual clock on, and remembers each wait, so tests assert exact backoffs. */
public final class ManualSleeper implements Sleeper {
  private final ManualClock clock;
  private final List<Duration> waits = new ArrayList<>();

  public ManualSleeper(ManualClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    // A free rate-limit slot "waits" zero: not a wait worth remembering.
    if (!duration.isZero() && !duration.isNegative()) {
      waits.add(duration);
      clock.advance(duration);
    }
  }

  public synchronized List<Duration> waits() {
    return List.copyOf(waits);
  }
}
