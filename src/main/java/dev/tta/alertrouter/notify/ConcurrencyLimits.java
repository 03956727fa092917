package dev.tta.alertrouter.notify;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * How many requests may be in flight at once per integration type, across all receivers (a burst of
 * flushes must not open hundreds of connections to Slack or PagerDuty), and per receiver (what a
 * receiver accepted is recorded in the notification log just after; a crash in between sends it
 * again, so the fewer of a receiver's notifications on the wire at once, the fewer repeats). An
 * attempt holds a permit of each; never while waiting to retry.
 */
public final class ConcurrencyLimits {
  /** In flight at once per integration type unless configured otherwise. */
  public static final int DEFAULT_PER_TYPE = 8;
  /** In flight at once per receiver unless configured otherwise ({@code --notify.max-in-flight-per-receiver}). */
  public static final int DEFAULT_PER_RECEIVER = 4;

  private final int defaultLimit;
  private final Map<String, Integer> perType;
  private final int perReceiver;
  private final ConcurrentMap<String, Semaphore> permits = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Semaphore> receiverPermits = new ConcurrentHashMap<>();

  /**
   * @param defaultLimit the bound for types not in {@code perType}
   * @param perType bounds by integration type, e.g. {@code slack -> 4}
   */
  public ConcurrencyLimits(int defaultLimit, Map<String, Integer> perType) {
    this(defaultLimit, perType, DEFAULT_PER_RECEIVER);
  }

  /**
   * @param defaultLimit the bound for types not in {@code perType}
   * @param perType bounds by integration type, e.g. {@code slack -> 4}
   * @param perReceiver the bound for each receiver, whatever its integrations
   */
  public ConcurrencyLimits(int defaultLimit, Map<String, Integer> perType, int perReceiver) {
    this.perReceiver = requirePositive("each receiver", perReceiver);
    this.defaultLimit = requirePositive("default", defaultLimit);
    this.perType = Map.copyOf(perType);
    this.perType.forEach((type, limit) -> requirePositive(type, limit));
  }

  /** {@value #DEFAULT_PER_TYPE} per type, {@value #DEFAULT_PER_RECEIVER} per receiver. */
  public static ConcurrencyLimits defaults() {
    return new ConcurrencyLimits(DEFAULT_PER_TYPE, Map.of());
  }

  /** The default per type, {@code perReceiver} per receiver. */
  public static ConcurrencyLimits perReceiver(int perReceiver) {
    return new ConcurrencyLimits(DEFAULT_PER_TYPE, Map.of(), perReceiver);
  }

  /** The bound for each receiver. */
  public int limitPerReceiver() {
    return perReceiver;
  }

  /** The permits every delivery to {@code receiver} shares, whatever the integration; fair. */
  Semaphore permitsForReceiver(String receiver) {
    return receiverPermits.computeIfAbsent(Objects.requireNonNull(receiver, "receiver"), r -> new Semaphore(perReceiver, true));
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
