package dev.tta.alertrouter.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named receiver and its integrations (Alertmanager's {@code receivers:} entry). {@code
 * msteamsConfigs} holds the {@code msteams_configs} entries, then the {@code msteamsv2_configs}
 * ones. A receiver with
 * no integrations is allowed, as in Alertmanager: alerts routed to it are dropped on purpose.
 * A {@code shadow} receiver runs as any other (grouping, muting, dedup, rendering), but its
 * notifications are recorded, counted and explained instead of sent. A receiver with a {@code digest}
 * folds the notifications beyond its budget into one digest per interval and integration.
 */
public record ReceiverConfig(
    String name,
    List<SlackConfig> slackConfigs,
    List<PagerDutyConfig> pagerDutyConfigs,
    List<EmailConfig> emailConfigs,
    List<WebhookConfig> webhookConfigs,
    List<MSTeamsConfig> msteamsConfigs,
    List<OpsgenieConfig> opsgenieConfigs,
    List<DiscordConfig> discordConfigs,
    List<TelegramConfig> telegramConfigs,
    boolean shadow,
    Optional<DigestConfig> digest,
    SourceLocation location) {

  public ReceiverConfig {
    Objects.requireNonNull(name, "name");
    slackConfigs = List.copyOf(slackConfigs);
    pagerDutyConfigs = List.copyOf(pagerDutyConfigs);
    emailConfigs = List.copyOf(emailConfigs);
    webhookConfigs = List.copyOf(webhookConfigs);
    msteamsConfigs = List.copyOf(msteamsConfigs);
    opsgenieConfigs = List.copyOf(opsgenieConfigs);
    discordConfigs = List.copyOf(discordConfigs);
    telegramConfigs = List.copyOf(telegramConfigs);
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(location, "location");
  }

  /** A receiver of any integrations, without a digest. */
  public ReceiverConfig(String name, List<SlackConfig> slackConfigs, List<PagerDutyConfig> pagerDutyConfigs,
      List<EmailConfig> emailConfigs, List<WebhookConfig> webhookConfigs, List<MSTeamsConfig> msteamsConfigs,
      List<OpsgenieConfig> opsgenieConfigs, List<DiscordConfig> discordConfigs, List<TelegramConfig> telegramConfigs,
      boolean shadow, SourceLocation location) {
    this(name, slackConfigs, pagerDutyConfigs, emailConfigs, webhookConfigs, msteamsConfigs, opsgenieConfigs,
        discordConfigs, telegramConfigs, shadow, Optional.empty(), location);
  }

  /**
   * A receiver with the four integrations Alertmanager 0.25 and alert-router's first version had,
   * and none of the others.
   */
  public ReceiverConfig(String name, List<SlackConfig> slackConfigs, List<PagerDutyConfig> pagerDutyConfigs,
      List<EmailConfig> emailConfigs, List<WebhookConfig> webhookConfigs, SourceLocation location) {
    this(name, slackConfigs, pagerDutyConfigs, emailConfigs, webhookConfigs, List.of(), List.of(), List.of(),
        List.of(), false, location);
  }

  /** A receiver of the first four integrations that may be a shadow. */
  public ReceiverConfig(String name, List<SlackConfig> slackConfigs, List<PagerDutyConfig> pagerDutyConfigs,
      List<EmailConfig> emailConfigs, List<WebhookConfig> webhookConfigs, boolean shadow, SourceLocation location) {
    this(name, slackConfigs, pagerDutyConfigs, emailConfigs, webhookConfigs, List.of(), List.of(), List.of(),
        List.of(), shadow, location);
  }

  /** A receiver of any integrations that is not a shadow. */
  public ReceiverConfig(String name, List<SlackConfig> slackConfigs, List<PagerDutyConfig> pagerDutyConfigs,
      List<EmailConfig> emailConfigs, List<WebhookConfig> webhookConfigs, List<MSTeamsConfig> msteamsConfigs,
      List<OpsgenieConfig> opsgenieConfigs, List<DiscordConfig> discordConfigs, List<TelegramConfig> telegramConfigs,
      SourceLocation location) {
    this(name, slackConfigs, pagerDutyConfigs, emailConfigs, webhookConfigs, msteamsConfigs, opsgenieConfigs,
        discordConfigs, telegramConfigs, false, location);
  }

  /** How many integrations the receiver notifies. */
  public int integrationCount() {
    return slackConfigs.size() + pagerDutyConfigs.size() + emailConfigs.size() + webhookConfigs.size()
        + msteamsConfigs.size() + opsgenieConfigs.size() + discordConfigs.size() + telegramConfigs.size();
  }

  /** The {@code msteams_configs} entries (incoming webhooks). */
  public List<MSTeamsConfig> msteamsV1Configs() {
    return msteamsConfigs.stream().filter(c -> !c.workflow()).toList();
  }

  /** The {@code msteamsv2_configs} entries (workflows). */
  public List<MSTeamsConfig> msteamsV2Configs() {
    return msteamsConfigs.stream().filter(MSTeamsConfig::workflow).toList();
  }
}
