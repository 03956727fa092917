package dev.tta.alertrouter.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: before retry {@code n} (counting from 0) wait a random time
 * between zero and {@code min(max, initial * multiplier^n)}. Jitter spreads the retries of many
 * groups that failed together, so a peer coming back is not hit by all of them at once.
 *
 * @param initial the ceiling of the first wait
 * @param max the ceiling no wait exceeds
 * @param multiplier how much the ceiling grows per retry
 */
public record Backoff(Duration initial, Duration max, double multiplier) {
  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial backoff must be positive: " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max backoff " + max + " is below the initial " + initial);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("backoff multiplier must be at least 1: " + multiplier);
    }
  }

  /** Half a second, doubling, at most a minute (Alertmanager starts at half a second too). */
  public static Backoff defaults() {
    return new Backoff(Duration.ofMillis(500), Duration.ofMinutes(1), 2.0);
  }

  /** The longest wait before retry {@code retry} (0 for the first retry). */
  public Duration ceiling(int retry) {
    if (retry < 0) {
      throw new IllegalArgumentException("retry must not be negative: " + retry);
    }
    double nanos = initial.toNanos() * Math.pow(multiplier, retry);
    return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
  }

  /** The wait before retry {@code retry}: a uniformly random part of its ceiling. */
  public Duration delay(int retry, RandomGenerator random) {
    double fraction = random.nextDouble();
    if (!(fraction >= 0.0 && fraction < 1.0)) {
      throw new IllegalStateException("random fraction out of [0, 1): " + fraction);
    }
    return Duration.ofNanos((long) (ceiling(retry).toNanos() * fraction));
  }
}
