package dev.tta.alertrouter.notify.slack;

import dev.tta.alertrouter.notify.MessageReferences;
import dev.tta.alertrouter.notify.NotificationLog;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps each group's Slack message (channel ID and ts) in the persistent message references, so
 * after a restart, or on the replica that took a group over, a resolve edits the original message
 * instead of posting a new one.
 */
public final class PersistentSlackMessageStore implements SlackMessageStore {
  /** References are keyed like the notification log; Slack threads are per group and channel. */
  private static final String KEY_RECEIVER = "slack-thread";

  private final MessageReferences references;

  public PersistentSlackMessageStore(MessageReferences references) {
    this.references = Objects.requireNonNull(references, "references");
  }

  @Override
  public Optional<SlackThread> find(String groupKey, String channel) {
    return references.get(key(groupKey, channel)).flatMap(PersistentSlackMessageStore::parse);
  }

  @Override
  public void remember(String groupKey, String channel, SlackThread thread) {
    references.put(key(groupKey, channel), thread.channelId() + " " + thread.ts());
  }

  @Override
  public void forget(String groupKey, String channel) {
    references.remove(key(groupKey, channel));
  }

  private static NotificationLog.Key key(String groupKey, String channel) {
    return new NotificationLog.Key(groupKey, KEY_RECEIVER, channel, 0);
  }

  private static Optional<SlackThread> parse(String stored) {
    int space = stored.indexOf(' ');
    if (space <= 0 || space == stored.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new SlackThread(stored.substring(0, space), stored.substring(space + 1)));
  }
}
