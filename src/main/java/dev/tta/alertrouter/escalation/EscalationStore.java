package dev.tta.alertrouter.escalation;

import java.util.Collection;
import java.util.Optional;

/** Where escalation states are kept: in memory for tests, durably and shared by replicas in {@code persistence}. */
public interface EscalationStore {
  Optional<EscalationState> get(String groupKey);

  /** The states whose steps may still be due. */
  Collection<EscalationState> open();

  /** Keeps {@code state}, replacing the group's earlier one; returns once committed. */
  void put(EscalationState state);
}
