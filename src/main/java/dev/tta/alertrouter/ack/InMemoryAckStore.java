package dev.tta.alertrouter.ack;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** An {@link AckStore} in memory: lost on restart; for tests and tools. */
public final class InMemoryAckStore implements AckStore {
  private final ConcurrentMap<String, Ack> acks = new ConcurrentHashMap<>();

  @Override
  public Optional<Ack> get(String groupKey) {
    return Optional.ofNullable(acks.get(Objects.requireNonNull(groupKey, "groupKey")));
  }

  @Override
  public Collection<Ack> all() {
    return List.copyOf(acks.values());
  }

  @Override
  public void put(Ack ack) {
    acks.put(ack.groupKey(), ack);
  }

  @Override
  public void end(String groupKey, Instant at) {
    acks.remove(Objects.requireNonNull(groupKey, "groupKey"));
  }
}
