package dev.tta.alertrouter.ack;

import dev.tta.alertrouter.dispatch.Stage;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Acknowledging groups: who may is the HTTP layer's business; this checks the request against the
 * group and the time, keeps the acknowledgement and tells the listener. The dedup stage asks {@link
 * #holding} before it sends a repeat; {@link #endWhenResolved()} ends an acknowledgement when its
 * group's flush finds nothing firing.
 */
public final class Acknowledgements {
  private final AckStore store;
  private final GroupDirectory groups;
  private final AckListener listener;
  private final Clock clock;

  public Acknowledgements(AckStore store, GroupDirectory groups, AckListener listener, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.groups = Objects.requireNonNull(groups, "groups");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Acknowledges the group {@code groupKey}, replacing an acknowledgement it had. */
  public AckOutcome ack(String groupKey, AckRequest request) {
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(request, "request");
    Instant now = clock.instant();
    if (request.by().isBlank()) {
      return new AckOutcome.Refused("by: who acknowledges is required");
    }
    if (request.until() != null && !request.until().isAfter(now)) {
      return new AckOutcome.Refused("until: must be in the future, was " + request.until());
    }
    Optional<AckedGroup> group = groups.find(groupKey);
    if (group.isEmpty()) {
      return new AckOutcome.UnknownGroup(groupKey);
    }
    Ack ack = new Ack(groupKey, request.by().strip(), request.comment().strip(), now, request.until(), request.via());
    store.put(ack);
    listener.acked(ack, group.get());
    return new AckOutcome.Acked(ack);
  }

  /** Ends the group's acknowledgement; a group without one stays as it is. */
  public AckOutcome unack(String groupKey, String by) {
    Objects.requireNonNull(groupKey, "groupKey");
    Optional<AckedGroup> group = groups.find(groupKey);
    if (group.isEmpty()) {
      return new AckOutcome.UnknownGroup(groupKey);
    }
    Optional<Ack> held = store.get(groupKey);
    if (held.isPresent()) {
      Instant now = clock.instant();
      store.end(groupKey, now);
      listener.ended(held.get(), group.get(), by == null || by.isBlank() ? "unacknowledged" : "unacknowledged by " + by.strip(), now);
    }
    return new AckOutcome.Unacked(groupKey);
  }

  /** The acknowledgement that holds the group's repeats at {@code now}, if any. */
  public Optional<Ack> holding(String groupKey, Instant now) {
    return store.get(groupKey).filter(a -> a.holdsAt(now));
  }

  /** {@link #holding} now, for lists and explain. */
  public Optional<Ack> current(String groupKey) {
    return holding(groupKey, clock.instant());
  }

  /**
   * The stage that ends a group's acknowledgement at the first flush with nothing firing: "until the
   * group resolves". It runs before the mute stages, so a silenced alert still counts as firing.
   */
  public Stage endWhenResolved() {
    return (context, alerts) -> {
      boolean firing = false;
      for (var alert : alerts) {
        if (!alert.isResolvedAt(context.now())) {
          firing = true;
          break;
        }
      }
      if (!firing) {
        Optional<Ack> held = store.get(context.groupKey());
        if (held.isPresent()) {
          store.end(context.groupKey(), context.now());
          listener.ended(held.get(), groups.find(context.groupKey()).orElse(null), "the group resolved", context.now());
        }
      }
      return alerts;
    };
  }
}
