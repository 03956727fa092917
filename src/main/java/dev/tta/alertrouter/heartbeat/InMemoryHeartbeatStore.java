package dev.tta.alertrouter.heartbeat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Heartbeat states held in memory only: for tests and replays, which keep no state. */
public final class InMemoryHeartbeatStore implements HeartbeatStore {
  private final Map<String, HeartbeatState> states = new ConcurrentHashMap<>();

  @Override
  public Optional<HeartbeatState> get(String name) {
    return Optional.ofNullable(states.get(name));
  }

  @Override
  public Collection<HeartbeatState> all() {
    return List.copyOf(states.values());
  }

  @Override
  public void put(HeartbeatState state) {
    states.put(state.name(), state);
  }
}
