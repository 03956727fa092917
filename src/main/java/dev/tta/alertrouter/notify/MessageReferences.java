package dev.tta.alertrouter.notify;

import java.util.Optional;

/**
 * What a peer answered when a group was first notified, for later notifications of the group to
 * refer to: Slack's channel and message {@code ts}, which {@code chat.update} needs. Kept with the
 * notification log, so after a restart (or on the replica that took the group over) an update
 * edits the same message instead of posting a new one. Keyed like the notification log.
 */
public interface MessageReferences {
  Optional<String> get(NotificationLog.Key key);

  /** Remembers {@code reference} (replacing any); throws if it could not be stored. */
  void put(NotificationLog.Key key, String reference);

  /** Forgets the reference: the next notification of the group starts a new message. */
  void remove(NotificationLog.Key key);
}
