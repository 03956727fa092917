package dev.tta.alertrouter.notify.slack;

import com.slack.api.model.Attachment;
import java.util.List;
import java.util.Objects;

/**
 * One message as Slack takes it, in either mode.
 *
 * @param text the top-level text: what notifications and screen readers show (mrkdwn, escaped)
 * @param attachments one attachment, for its colour bar, holding the Block Kit blocks
 */
record SlackMessage(String text, List<Attachment> attachments) {
  SlackMessage {
    Objects.requireNonNull(text, "text");
    attachments = List.copyOf(attachments);
  }
}
