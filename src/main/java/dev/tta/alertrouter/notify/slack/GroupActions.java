package dev.tta.alertrouter.notify.slack;

import dev.tta.alertrouter.ack.Ack;
import java.util.Objects;
import java.util.Optional;

/**
 * What a bot message of a firing group shows for acting on it: who acknowledged it (a context
 * line) and the buttons, Acknowledge or Unacknowledge by that state.
 *
 * @param groupKey what each button's {@code value} carries back
 * @param ack the acknowledgement in force when the message is rendered, if any
 */
record GroupActions(String groupKey, Optional<Ack> ack) {
  GroupActions {
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(ack, "ack");
  }
}
