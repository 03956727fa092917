package dev.tta.alertrouter.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What is particular to one integration's delivery.
 *
 * @param dryRun render and log instead of sending, e.g. because the integration's credential is unset
 * @param rateLimit the bucket its messages draw from, if any
 * @param deadline how long after the flush to keep retrying; empty for the route's group_interval
 *     (at least {@link DeliveryStage#MIN_DEADLINE}), as Alertmanager
 */
public record DeliveryOptions(boolean dryRun, Optional<RateLimit> rateLimit, Optional<Duration> deadline, boolean shadow) {
  public DeliveryOptions(boolean dryRun, Optional<RateLimit> rateLimit, Optional<Duration> deadline) {
    this(dryRun, rateLimit, deadline, false);
  }

  /** The receiver is a {@code shadow}: render and record, never send. */
  public DeliveryOptions withShadow(boolean shadow) {
    return new DeliveryOptions(dryRun, rateLimit, deadline, shadow);
  }

  public DeliveryOptions {
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(deadline, "deadline");
    deadline.ifPresent(
        d -> {
          if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("delivery deadline must be positive: " + d);
          }
        });
  }

  /** Sends for real, without a rate limit, until the route's group_interval has passed. */
  public static DeliveryOptions defaults() {
    return new DeliveryOptions(false, Optional.empty(), Optional.empty());
  }

  public DeliveryOptions withDryRun(boolean dryRun) {
    return new DeliveryOptions(dryRun, rateLimit, deadline, shadow);
  }

  /** Draws every attempt from {@code limiter}'s bucket for {@code key} (e.g. the Slack channel). */
  public DeliveryOptions withRateLimit(RateLimiter limiter, String key) {
    return new DeliveryOptions(dryRun, Optional.of(new RateLimit(limiter, key)), deadline, shadow);
  }

  public DeliveryOptions withDeadline(Duration deadline) {
    return new DeliveryOptions(dryRun, rateLimit, Optional.of(deadline), shadow);
  }

  /** A limiter and the key this integration's messages count against. */
  public record RateLimit(RateLimiter limiter, String key) {
    public RateLimit {
      Objects.requireNonNull(limiter, "limiter");
      Objects.requireNonNull(key, "key");
    }
  }
}
