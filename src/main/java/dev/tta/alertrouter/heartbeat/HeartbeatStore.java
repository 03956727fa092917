package dev.tta.alertrouter.heartbeat;

import java.util.Collection;
import java.util.Optional;

/**
 * Where heartbeat states are kept: in memory for tests, durably (and shared by replicas) in {@code
 * persistence}. Reads come from memory; a write returns once it is committed.
 */
public interface HeartbeatStore {
  Optional<HeartbeatState> get(String name);

  Collection<HeartbeatState> all();

  /** Keeps {@code state}, replacing the heartbeat's earlier one. */
  void put(HeartbeatState state);
}
