package dev.tta.alertrouter.config;

import java.util.List;
import java.util.Objects;

/**
 * A named receiver and its integrations (Alertmanager's {@code receivers:} entry). A receiver with
 * no integrations is allowed, as in Alertmanager: alerts routed to it are dropped on purpose.
 */
public record ReceiverConfig(
    String name,
    List<SlackConfig> slackConfigs,
    List<PagerDutyConfig> pagerDutyConfigs,
    List<EmailConfig> emailConfigs,
    List<WebhookConfig> webhookConfigs,
    SourceLocation location) {

  public ReceiverConfig {
    Objects.requireNonNull(name, "name");
    slackConfigs = List.copyOf(slackConfigs);
    pagerDutyConfigs = List.copyOf(pagerDutyConfigs);
    emailConfigs = List.copyOf(emailConfigs);
    webhookConfigs = List.copyOf(webhookConfigs);
    Objects.requireNonNull(location, "location");
  }

  /** How many integrations the receiver notifies. */
  public int integrationCount() {
    return slackConfigs.size() + pagerDutyConfigs.size() + emailConfigs.size() + webhookConfigs.size();
  }
}
