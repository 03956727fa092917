package dev.tta.alertrouter.config;

import java.util.List;
import java.util.Objects;

/**
 * A named receiver and its integrations (Alertmanager's {@code receivers:} entry). A receiver with
 * no integrations is allowed, as in Alertmanager: alerts routed to it are dropped on purpose. A
 * {@code shadow} receiver runs as any other (grouping, muting, dedup, rendering), but its
 * notifications are recorded, counted and explained instead of sent.
 */
public record ReceiverConfig(
    String name,
    List<SlackConfig> slackConfigs,
    List<PagerDutyConfig> pagerDutyConfigs,
    List<EmailConfig> emailConfigs,
    List<WebhookConfig> webhookConfigs,
    boolean shadow,
    SourceLocation location) {

  /** A receiver that is not a shadow. */
  public ReceiverConfig(String name, List<SlackConfig> slackConfigs, List<PagerDutyConfig> pagerDutyConfigs,
      List<EmailConfig> emailConfigs, List<WebhookConfig> webhookConfigs, SourceLocation location) {
    this(name, slackConfigs, pagerDutyConfigs, emailConfigs, webhookConfigs, false, location);
  }

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
