package dev.tta.alertrouter.replay;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A notification the replayed pipeline would have sent (recorded in place of the integration).
 *
 * @param at the flush time on the recorded timeline
 * @param receiver the receiver
 * @param integration the integration, e.g. {@code slack[0]}
 * @param groupKey the aggregation group
 * @param firing fingerprints of the firing alerts in it, sorted
 * @param resolved fingerprints of the resolved alerts in it, sorted
 * @param shadow its route or receiver is a {@code shadow}: it would be recorded, not sent
 */
public record SentNotification(Instant at, String receiver, String integration, String groupKey,
    List<String> firing, List<String> resolved, boolean shadow) {
  public SentNotification(Instant at, String receiver, String integration, String groupKey, List<String> firing,
      List<String> resolved) {
    this(at, receiver, integration, groupKey, firing, resolved, false);
  }

  public SentNotification {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(groupKey, "groupKey");
    firing = List.copyOf(firing);
    resolved = List.copyOf(resolved);
  }

  /** What the notification says, without when: two runs sending the same thing at other times share it. */
  public Identity identity() {
    return new Identity(receiver, integration, groupKey, firing, resolved, shadow);
  }

  /** A notification's content and destination. */
  public record Identity(String receiver, String integration, String groupKey, List<String> firing, List<String> resolved,
      boolean shadow) {}
}
