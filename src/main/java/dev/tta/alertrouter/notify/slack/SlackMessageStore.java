package dev.tta.alertrouter.notify.slack;

import java.util.Optional;

/**
 * Remembers the Slack message each firing group was announced with, per channel, so that later
 * notifications of the group update that message and reply in its thread instead of posting anew.
 * Implementations must be safe to call from several sending threads.
 */
public interface SlackMessageStore {
  Optional<SlackThread> find(String groupKey, String channel);

  void remember(String groupKey, String channel, SlackThread thread);

  /** The group resolved (or its message is gone): its next firing starts a new message. */
  void forget(String groupKey, String channel);
}
