package dev.tta.alertrouter.notify.slack;

import java.time.Duration;
import java.util.Optional;

/**
 * The buttons a bot message of a firing group carries, by the {@code action_id} Slack posts back
 * when one is clicked. The ids are part of messages already in channels, so they never change.
 */
public enum SlackAction {
  ACKNOWLEDGE("alertrouter_ack", "Acknowledge", null),
  UNACKNOWLEDGE("alertrouter_unack", "Unacknowledge", null),
  SILENCE_1H("alertrouter_silence_1h", "Silence 1h", Duration.ofHours(1)),
  SILENCE_4H("alertrouter_silence_4h", "Silence 4h", Duration.ofHours(4));

  /** The {@code block_id} of the actions block holding these buttons. */
  public static final String BLOCK_ID = "alertrouter_actions";

  private final String actionId;
  private final String label;
  private final Duration silenceFor;

  SlackAction(String actionId, String label, Duration silenceFor) {
    this.actionId = actionId;
    this.label = label;
    this.silenceFor = silenceFor;
  }

  public String actionId() {
    return actionId;
  }

  String label() {
    return label;
  }

  /** How long the silence this button creates lasts; empty for the acknowledgement buttons. */
  public Optional<Duration> silenceFor() {
    return Optional.ofNullable(silenceFor);
  }

  public static Optional<SlackAction> byActionId(String actionId) {
    for (SlackAction action : values()) {
      if (action.actionId.equals(actionId)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }
}
