package dev.tta.alertrouter.ack;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Where acknowledgements are kept: in memory for tests, durably (and shared by replicas) in {@code
 * persistence}. Reads come from memory; a write returns once it is committed.
 */
public interface AckStore {
  /** The acknowledgement given to {@code groupKey} and not yet ended, if any. */
  Optional<Ack> get(String groupKey);

  /** Every acknowledgement not yet ended. */
  Collection<Ack> all();

  /** Keeps {@code ack}, replacing an earlier one of the same group. */
  void put(Ack ack);

  /** Ends the group's acknowledgement at {@code at} (unacknowledged, or the group resolved); a no-op without one. */
  void end(String groupKey, Instant at);
}
