package dev.tta.alertrouter.escalation;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** An {@link EscalationStore} in memory: for tests, and to stand for a process's stored state across an engine rebuild. */
public final class InMemoryEscalationStore implements EscalationStore {
  private final ConcurrentMap<String, EscalationState> states = new ConcurrentHashMap<>();

  @Override
  public Optional<EscalationState> get(String groupKey) {
    return Optional.ofNullable(states.get(Objects.requireNonNull(groupKey, "groupKey")));
  }

  @Override
  public Collection<EscalationState> open() {
    return states.values().stream().filter(EscalationState::open).toList();
  }

  @Override
  public void put(EscalationState state) {
    states.put(state.groupKey(), state);
  }
}
