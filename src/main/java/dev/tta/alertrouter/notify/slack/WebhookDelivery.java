package dev.tta.alertrouter.notify.slack;

import com.slack.api.Slack;
import com.slack.api.webhook.Payload;
import com.slack.api.webhook.WebhookResponse;
import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import java.io.IOException;

/**
 * Posts to an incoming webhook ({@code api_url}). A webhook cannot edit what it posted, so every
 * notification, resolved ones included, is a new message.
 */
final class WebhookDelivery implements SlackDelivery {
  private final Slack slack;
  private final Secret url;
  private final SlackIdentity identity;
  private final Redactor redactor;

  WebhookDelivery(Slack slack, Secret url, SlackIdentity identity) {
    this.slack = slack;
    this.url = url;
    this.identity = identity;
    this.redactor = new Redactor(url.reveal());
  }

  // Slack deprecated channel, username and icons for webhooks (an app's webhook posts as the app, to
  // its channel) but legacy webhooks still honour them, and Alertmanager sends them too.
  @SuppressWarnings("deprecation")
  @Override
  public DeliveryOutcome deliver(String groupKey, boolean resolved, SlackMessage message) {
    Payload payload = Payload.builder()
        .channel(identity.channel())
        .username(identity.username())
        .iconEmoji(identity.iconEmoji())
        .iconUrl(identity.iconUrl())
        .text(message.text())
        .attachments(message.attachments())
        .build();
    try {
      WebhookResponse response = slack.send(url.reveal(), payload);
      return SlackOutcomes.webhook(response);
    } catch (IOException e) {
      return SlackOutcomes.unreachable("Slack webhook", e, redactor);
    }
  }
}
