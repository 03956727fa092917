package dev.tta.alertrouter.notify.slack;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SlackMessageStore} that forgets on restart: a group that resolves after a restart gets
 * a new "resolved" message instead of an update of its original one.
 */
public final class InMemorySlackMessageStore implements SlackMessageStore {
  private record Key(String groupKey, String channel) {
    Key {
      Objects.requireNonNull(groupKey, "groupKey");
      Objects.requireNonNull(channel, "channel");
    }
  }

  private final Map<Key, SlackThread> threads = new ConcurrentHashMap<>();

  @Override
  public Optional<SlackThread> find(String groupKey, String channel) {
    return Optional.ofNullable(threads.get(new Key(groupKey, channel)));
  }

  @Override
  public void remember(String groupKey, String channel, SlackThread thread) {
    threads.put(new Key(groupKey, channel), Objects.requireNonNull(thread, "thread"));
  }

  @Override
  public void forget(String groupKey, String channel) {
    threads.remove(new Key(groupKey, channel));
  }

  /** How many groups have an open message, for tests and a gauge. */
  public int size() {
    return threads.size();
  }
}
