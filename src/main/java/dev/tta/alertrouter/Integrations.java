package dev.tta.alertrouter;

import dev.tta.alertrouter.config.EmailConfig;
import dev.tta.alertrouter.config.PagerDutyConfig;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.config.SlackConfig;
import dev.tta.alertrouter.config.WebhookConfig;
import dev.tta.alertrouter.notify.DeliveryOptions;
import dev.tta.alertrouter.notify.DeliveryRuntime;
import dev.tta.alertrouter.notify.DeliveryStage;
import dev.tta.alertrouter.notify.Integration;
import dev.tta.alertrouter.notify.Notifier;
import dev.tta.alertrouter.notify.RateLimiter;
import dev.tta.alertrouter.notify.email.EmailNotifier;
import dev.tta.alertrouter.notify.pagerduty.PagerDutyNotifier;
import dev.tta.alertrouter.notify.pagerduty.PagerDutySeverities;
import dev.tta.alertrouter.notify.slack.SlackMessageStore;
import dev.tta.alertrouter.notify.slack.SlackNotifier;
import dev.tta.alertrouter.notify.template.MessageLinks;
import dev.tta.alertrouter.notify.template.Templates;
import dev.tta.alertrouter.notify.webhook.WebhookNotifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds each receiver's integrations: the notifier for its peer, wrapped in a delivery stage that
 * retries, rate-limits and (with {@code --dry-run} or an unset credential) renders and logs instead
 * of sending. Long-lived parts (the Slack rate limiter, the Slack message store) outlive reloads.
 */
final class Integrations implements IntegrationFactory {
  private final URI externalUrl;
  private final DeliveryRuntime runtime;
  private final Templates templates;
  private final MessageLinks links;
  private final SlackMessageStore slackMessages;
  private final RateLimiter slackChannels;

  /**
   * @param slackChannels Slack takes about one message a second per channel; keyed by channel
   */
  Integrations(URI externalUrl, DeliveryRuntime runtime, Templates templates, SlackMessageStore slackMessages,
      RateLimiter slackChannels) {
    this.externalUrl = Objects.requireNonNull(externalUrl, "externalUrl");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.templates = Objects.requireNonNull(templates, "templates");
    this.links = new MessageLinks(externalUrl);
    this.slackMessages = Objects.requireNonNull(slackMessages, "slackMessages");
    this.slackChannels = Objects.requireNonNull(slackChannels, "slackChannels");
  }

  @Override
  public List<Integration> integrationsFor(ReceiverConfig receiver, Consumer<AutoCloseable> resources) {
    List<Integration> integrations = new ArrayList<>();
    DeliveryOptions base = DeliveryOptions.defaults().withShadow(receiver.shadow());
    List<SlackConfig> slack = receiver.slackConfigs();
    for (int i = 0; i < slack.size(); i++) {
      SlackConfig c = slack.get(i);
      SlackNotifier notifier = new SlackNotifier(c, templates.slack(receiver.name(), i, c).templates(), links, slackMessages);
      resources.accept(notifier);
      DeliveryOptions options = base.withDryRun(c.dryRun())
          .withRateLimit(slackChannels, c.channel().orElse("webhook:" + receiver.name() + "[" + i + "]"));
      integrations.add(integration(notifier, i, options, c.sendResolved()));
    }
    List<PagerDutyConfig> pagerduty = receiver.pagerDutyConfigs();
    for (int i = 0; i < pagerduty.size(); i++) {
      PagerDutyConfig c = pagerduty.get(i);
      integrations.add(integration(new PagerDutyNotifier(c, externalUrl, PagerDutySeverities.defaults()), i,
          base.withDryRun(c.dryRun()), c.sendResolved()));
    }
    List<EmailConfig> email = receiver.emailConfigs();
    for (int i = 0; i < email.size(); i++) {
      EmailConfig c = email.get(i);
      integrations.add(integration(new EmailNotifier(c, templates.email(receiver.name(), i, c).templates(), links), i,
          base.withDryRun(c.dryRun()), c.sendResolved()));
    }
    List<WebhookConfig> webhooks = receiver.webhookConfigs();
    for (int i = 0; i < webhooks.size(); i++) {
      WebhookConfig c = webhooks.get(i);
      integrations.add(integration(new WebhookNotifier(c, externalUrl), i,
          base.withDryRun(c.dryRun()), c.sendResolved()));
    }
    return integrations;
  }

  private Integration integration(Notifier notifier, int index, DeliveryOptions options, boolean sendResolved) {
    return new DeliveryStage(notifier, index, runtime, options).integration(sendResolved);
  }
}
