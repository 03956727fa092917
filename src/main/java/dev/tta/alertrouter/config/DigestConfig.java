package dev.tta.alertrouter.config;

import java.time.Duration;
import java.util.Objects;

/**
 * A receiver's {@code digest:}: beyond {@code maxPerInterval} notifications to one of its
 * integrations within one {@code interval}, the others are folded into one digest message sent at
 * the end of the interval.
 *
 * @param maxPerInterval notifications sent one by one per interval and integration, at least 1
 * @param interval the length of each window, positive
 * @param location where the {@code digest:} mapping is written
 */
public record DigestConfig(int maxPerInterval, Duration interval, SourceLocation location) {
  public static final int DEFAULT_MAX_PER_INTERVAL = 10;
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

  public DigestConfig {
    if (maxPerInterval < 1) {
      throw new IllegalArgumentException("max_per_interval must be at least 1: " + maxPerInterval);
    }
    Objects.requireNonNull(interval, "interval");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    Objects.requireNonNull(location, "location");
  }
}
