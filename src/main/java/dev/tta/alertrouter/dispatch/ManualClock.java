package dev.tta.alertrouter.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when its owner (a test, a replay, or {@link ManualScheduler}) moves it. */
public final class ManualClock extends Clock {
  private volatile Instant now;

  public ManualClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant instant() {
    return now;
  }

  public void set(Instant instant) {
    if (instant.isBefore(now)) {
      throw new IllegalArgumentException("time does not go back: " + instant + " < " + now);
    }
    now = instant;
  }

  public void advance(Duration duration) {
    set(now.plus(duration));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("tests use UTC");
  }
}
