package dev.tta.alertrouter.notify;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * How many requests may be in flight at once per integration type, across all receivers: a burst of
 * flushes must not open hundreds of connections to Slack or PagerDuty. A permit is held only for
 * one attempt, never while waiting to retry.
 */
public final class ConcurrencyLimits {
  /** In flight at once per integration type unless configured otherwise. */
  public static final int DEFAULT_PER_TYPE = 8;

  private final int defaultLimit;
  private final Map<String, Integer> perType;
  private final ConcurrentMap<String, Semaphore> permits = new ConcurrentHashMap<>();

  /**
   * @param defaultLimit the bound for types not in {@code perType}
   * @param perType bounds by integration type, e.g. {@code slack -> 4}
   */
  public ConcurrencyLimits(int defaultLimit, Map<String, Integer> perType) {
    this.defaultLimit = requirePositive("default", defaultLimit);
    this.perType = Map.copyOf(perType);
    this.perType.forEach((type, limit) -> requirePositive(type, limit));
  }

  /** {@value #DEFAULT_PER_TYPE} per type. */
  public static ConcurrencyLimits defaults() {
    return new ConcurrencyLimits(DEFAULT_PER_TYPE, Map.of());
  }

  /** The bound for {@code type}. */
  public int limitFor(String type) {
    return perType.getOrDefault(Objects.requireNonNull(type, "type"), defaultLimit);
  }

  /** The permits every delivery stage of {@code type} shares; fair, so no flush starves. */
  Semaphore permitsFor(String type) {
    return permits.computeIfAbsent(type, t -> new Semaphore(limitFor(t), true));
  }

  private static int requirePositive(String what, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("concurrency limit for " + what + " must be at least 1: " + limit);
    }
    return limit;
  }
}
