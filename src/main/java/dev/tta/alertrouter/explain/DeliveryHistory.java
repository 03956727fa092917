package dev.tta.alertrouter.explain;

import dev.tta.alertrouter.notify.DeliveryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recent deliveries of each integration — when, and what came of them — for the receivers page:
 * the last outcome, failures in the last hour, and notifications per hour over a day. Kept in memory
 * for {@link #KEPT} (a restart forgets it, as it forgets the metrics), at most {@link #MAX_PER_INTEGRATION}
 * events per integration.
 */
public final class DeliveryHistory {
  /** How far back the history reaches. */
  public static final Duration KEPT = Duration.ofHours(24);
  static final int MAX_PER_INTEGRATION = 20_000;

  private final Map<Key, Deque<Entry>> byIntegration = new ConcurrentHashMap<>();

  /** One integration of one receiver: {@code slack[0]} of {@code team-platform}. */
  public record Key(String receiver, String integration, int index) {}

  /** One attempt's outcome. */
  public record Entry(Instant at, DeliveryEvent.Result result, int attempt, Duration latency, String reason) {}

  /** The figures of one integration at one moment. */
  public record Summary(Optional<Entry> last, int failuresLastHour, int droppedLastHour, int[] sentPerHour) {}

  /** Keeps {@code event}, which happened at {@code at}. */
  public void record(DeliveryEvent event, Instant at) {
    Deque<Entry> entries = byIntegration.computeIfAbsent(
        new Key(event.receiver(), event.integration(), event.index()), k -> new ArrayDeque<>());
    synchronized (entries) {
      entries.addLast(new Entry(at, event.result(), event.attempt(), event.latency(), event.reason()));
      while (entries.size() > MAX_PER_INTEGRATION
          || (!entries.isEmpty() && entries.peekFirst().at().isBefore(at.minus(KEPT)))) {
        entries.removeFirst();
      }
    }
  }

  /**
   * The figures of one integration at {@code now}: its latest event, how many attempts failed
   * (failed, retried) or were dropped in the last hour, and how many notifications were sent (or
   * rendered in dry-run) in each of the last 24 hours, oldest first (index 23 is the hour ending now).
   */
  public Summary summary(Key key, Instant now) {
    Deque<Entry> entries = byIntegration.get(key);
    int[] perHour = new int[24];
    if (entries == null) {
      return new Summary(Optional.empty(), 0, 0, perHour);
    }
    Entry last = null;
    int failures = 0;
    int dropped = 0;
    Instant hourAgo = now.minus(Duration.ofHours(1));
    synchronized (entries) {
      for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
        Entry e = it.next();
        last = e;
        long hoursAgo = Duration.between(e.at(), now).toHours();
        if (e.at().isAfter(now) || hoursAgo >= 24) {
          continue;
        }
        if (e.result() == DeliveryEvent.Result.SENT || e.result() == DeliveryEvent.Result.DRY_RUN) {
          perHour[23 - (int) hoursAgo]++;
        }
        if (!e.at().isBefore(hourAgo)) {
          switch (e.result()) {
            case FAILED, RETRIED -> failures++;
            case DROPPED -> dropped++;
            default -> { }
          }
        }
      }
    }
    return new Summary(Optional.ofNullable(last), failures, dropped, perHour);
  }
}
