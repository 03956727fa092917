package dev.tta.alertrouter.reminder;

import java.util.Objects;

/**
 * One message to a silence's owner.
 *
 * @param silenceId the silence it is about
 * @param kind why it is sent
 * @param receiver the owner: the receiver whose integrations carry it
 * @param text the message, e.g. "silence S expired; 3 alerts it muted are firing and will now notify"
 */
public record Reminder(String silenceId, ReminderKind kind, String receiver, String text) {
  public Reminder {
    Objects.requireNonNull(silenceId, "silenceId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(text, "text");
  }
}
