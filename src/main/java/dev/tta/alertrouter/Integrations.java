package dev.tta.alertrouter;

import dev.tta.alertrouter.config.PagerDutyConfig;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.config.WebhookConfig;
import dev.tta.alertrouter.notify.DeliveryOptions;
import dev.tta.alertrouter.notify.DeliveryRuntime;
import dev.tta.alertrouter.notify.DeliveryStage;
import dev.tta.alertrouter.notify.Integration;
import dev.tta.alertrouter.notify.Notifier;
import dev.tta.alertrouter.notify.pagerduty.PagerDutyNotifier;
import dev.tta.alertrouter.notify.pagerduty.PagerDutySeverities;
import dev.tta.alertrouter.notify.webhook.WebhookNotifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds each receiver's integrations: the notifier for its peer, wrapped in a delivery stage that
 * retries, rate-limits and (with {@code --dry-run} or an unset credential) only logs.
 */
final class Integrations implements IntegrationFactory {
  private final URI externalUrl;
  private final DeliveryRuntime runtime;

  Integrations(URI externalUrl, DeliveryRuntime runtime) {
    this.externalUrl = Objects.requireNonNull(externalUrl, "externalUrl");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
  }

  /** @throws IllegalArgumentException naming file and line when a setting cannot be honoured */
  @Override
  public List<Integration> integrationsFor(ReceiverConfig receiver) {
    List<Integration> integrations = new ArrayList<>();
    List<PagerDutyConfig> pagerduty = receiver.pagerDutyConfigs();
    for (int i = 0; i < pagerduty.size(); i++) {
      PagerDutyConfig c = pagerduty.get(i);
      integrations.add(integration(new PagerDutyNotifier(c, externalUrl, PagerDutySeverities.defaults()), i,
          DeliveryOptions.defaults().withDryRun(c.dryRun()), c.sendResolved()));
    }
    List<WebhookConfig> webhooks = receiver.webhookConfigs();
    for (int i = 0; i < webhooks.size(); i++) {
      WebhookConfig c = webhooks.get(i);
      integrations.add(integration(new WebhookNotifier(c, externalUrl), i,
          DeliveryOptions.defaults().withDryRun(c.dryRun()), c.sendResolved()));
    }
    return integrations;
  }

  private Integration integration(Notifier notifier, int index, DeliveryOptions options, boolean sendResolved) {
    return new DeliveryStage(notifier, index, runtime, options).integration(sendResolved);
  }
}
