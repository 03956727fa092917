package dev.tta.alertrouter.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per key (a Slack channel, a PagerDuty service), on the injected clock: one message
 * per {@code interval}, with up to {@code burst} at once after a quiet spell. It hands out
 * reservations rather than blocking, so the caller waits through its own {@link Sleeper} and
 * nobody holds a lock while waiting.
 *
 * <p>Implemented as the generic cell rate algorithm: per key, only the theoretical time the next
 * message is due is kept. Keys are never forgotten; they come from the configuration, so there
 * are few.
 */
public final class RateLimiter {
  private final Clock clock;
  private final Duration interval;
  private final int burst;
  private final ConcurrentMap<String, Instant> nextDue = new ConcurrentHashMap<>();

  /**
   * @param interval the time one message uses up, e.g. one second for Slack's one message a second
   *     per channel
   * @param burst how many messages may go at once after a quiet spell; at least 1
   */
  public RateLimiter(Clock clock, Duration interval, int burst) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.interval = Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("rate limit interval must be positive: " + interval);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("rate limit burst must be at least 1: " + burst);
    }
    this.burst = burst;
  }

  /**
   * Reserves the next slot for {@code key} if it comes within {@code maxWait}.
   *
   * @return how long to wait before sending (zero when a token is free now), or empty, reserving
   *     nothing, when the slot is further away than {@code maxWait}
   */
  public Optional<Duration> reserve(String key, Duration maxWait) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(maxWait, "maxWait");
    Instant now = clock.instant();
    Duration[] granted = new Duration[1];
    nextDue.compute(
        key,
        (k, due) -> {
          Instant base = due == null || due.isBefore(now) ? now : due;
          Instant earliest = base.minus(interval.multipliedBy(burst - 1L));
          Duration wait = earliest.isAfter(now) ? Duration.between(now, earliest) : Duration.ZERO;
          if (wait.compareTo(maxWait) > 0) {
            return due;
          }
          granted[0] = wait;
          return base.plus(interval);
        });
    return Optional.ofNullable(granted[0]);
  }

  /**
   * How long a message for {@code key} would wait for its slot now: zero when one is free (or the
   * key has not been used).
   */
  public Duration waitFor(String key) {
    Instant due = nextDue.get(key);
    if (due == null) {
      return Duration.ZERO;
    }
    Instant earliest = due.minus(interval.multipliedBy(burst - 1L));
    Instant now = clock.instant();
    return earliest.isAfter(now) ? Duration.between(now, earliest) : Duration.ZERO;
  }

  public Duration interval() {
    return interval;
  }

  public int burst() {
    return burst;
  }
}
