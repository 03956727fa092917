package dev.tta.alertrouter;

import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.config.DiscordConfig;
import dev.tta.alertrouter.config.EmailConfig;
import dev.tta.alertrouter.config.MSTeamsConfig;
import dev.tta.alertrouter.config.OpsgenieConfig;
import dev.tta.alertrouter.config.PagerDutyConfig;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.config.RouterConfig;
import dev.tta.alertrouter.config.SlackConfig;
import dev.tta.alertrouter.config.TelegramConfig;
import dev.tta.alertrouter.config.WebhookConfig;
import dev.tta.alertrouter.notify.ActionLinks;
import dev.tta.alertrouter.notify.DeliveryOptions;
import dev.tta.alertrouter.notify.DeliveryRuntime;
import dev.tta.alertrouter.notify.DeliveryStage;
import dev.tta.alertrouter.notify.Integration;
import dev.tta.alertrouter.notify.Notification;
import dev.tta.alertrouter.notify.Notifier;
import dev.tta.alertrouter.notify.RateLimiter;
import dev.tta.alertrouter.notify.ReceiverCheck;
import dev.tta.alertrouter.notify.discord.DiscordNotifier;
import dev.tta.alertrouter.notify.email.EmailNotifier;
import dev.tta.alertrouter.notify.msteams.MSTeamsNotifier;
import dev.tta.alertrouter.notify.opsgenie.OpsgenieNotifier;
import dev.tta.alertrouter.notify.pagerduty.PagerDutyNotifier;
import dev.tta.alertrouter.notify.pagerduty.PagerDutySeverities;
import dev.tta.alertrouter.notify.slack.InMemorySlackMessageStore;
import dev.tta.alertrouter.notify.slack.SlackMessageStore;
import dev.tta.alertrouter.notify.slack.SlackNotifier;
import dev.tta.alertrouter.notify.telegram.TelegramNotifier;
import dev.tta.alertrouter.notify.template.MessageKind;
import dev.tta.alertrouter.notify.template.MessageLinks;
import dev.tta.alertrouter.notify.template.MessageTemplates;
import dev.tta.alertrouter.notify.template.Templates;
import dev.tta.alertrouter.notify.webhook.WebhookNotifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

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
  private final RateLimiter chats;
  private final ActionLinks actions;
  private final Function<String, Optional<Ack>> acks;

  /**
   * @param slackChannels Slack takes about one message a second per channel; keyed by channel
   * @param chats one message a second per Telegram chat, Discord webhook and Teams webhook (each
   *     service's documented pace for one destination), keyed by destination
   */
  Integrations(URI externalUrl, DeliveryRuntime runtime, Templates templates, SlackMessageStore slackMessages,
      RateLimiter slackChannels, RateLimiter chats) {
    this(externalUrl, runtime, templates, slackMessages, slackChannels, chats, ActionLinks.NONE,
        groupKey -> Optional.empty());
  }

  /**
   * @param actions the signed acknowledge links email and webhook messages about firing groups carry
   * @param acks the acknowledgement in force for a group key, which Slack bot messages show
   */
  Integrations(URI externalUrl, DeliveryRuntime runtime, Templates templates, SlackMessageStore slackMessages,
      RateLimiter slackChannels, RateLimiter chats, ActionLinks actions, Function<String, Optional<Ack>> acks) {
    this.actions = Objects.requireNonNull(actions, "actions");
    this.acks = Objects.requireNonNull(acks, "acks");
    this.externalUrl = Objects.requireNonNull(externalUrl, "externalUrl");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.templates = Objects.requireNonNull(templates, "templates");
    this.links = new MessageLinks(externalUrl);
    this.slackMessages = Objects.requireNonNull(slackMessages, "slackMessages");
    this.slackChannels = Objects.requireNonNull(slackChannels, "slackChannels");
    this.chats = Objects.requireNonNull(chats, "chats");
  }

  /**
   * Sends {@code notification} once through every integration of {@code receiver}, outside the
   * pipeline (test notifications, silence reminders): notifiers built as for the pipeline, with a
   * Slack message store of their own (such a message is never updated later), released afterwards.
   *
   * @param dryRun render every message instead of sending it
   */
  List<ReceiverCheck.Result> sendOnce(ReceiverConfig receiver, boolean dryRun, Notification notification) {
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      List<ReceiverCheck.Target> targets = notifiers(receiver, new InMemorySlackMessageStore(), resources::add).stream()
          .map(b -> new ReceiverCheck.Target(b.notifier().type() + "[" + b.index() + "]", b.notifier(),
              dryRun || b.options().dryRun()))
          .toList();
      return ReceiverCheck.run(targets, notification);
    } finally {
      for (AutoCloseable r : resources) {
        try {
          r.close();
        } catch (Exception e) {
          LoggerFactory.getLogger(Integrations.class).debug("closing {} failed", r, e);
        }
      }
    }
  }

  @Override
  public List<Integration> integrationsFor(ReceiverConfig receiver, Consumer<AutoCloseable> resources) {
    return notifiers(receiver, slackMessages, resources).stream()
        .map(b -> integration(b.notifier(), b.index(), b.options(), b.sendResolved()))
        .toList();
  }

  /**
   * The bot-token Slack integrations, of any receiver, whose channel holds a message of {@code
   * groupKey}: one per channel, each with the receiver it belongs to. Built afresh and handed to
   * {@code resources} to close, since they are used once (an acknowledgement given or ended).
   */
  List<SlackMessageOwner> slackMessagesOf(RouterConfig config, String groupKey, Consumer<AutoCloseable> resources) {
    List<SlackMessageOwner> owners = new ArrayList<>();
    Set<String> channels = new HashSet<>();
    for (ReceiverConfig receiver : config.receivers()) {
      List<SlackConfig> slack = receiver.slackConfigs();
      for (int i = 0; i < slack.size(); i++) {
        SlackConfig c = slack.get(i);
        String channel = c.channel().orElse("");
        if (c.interactive() && !c.dryRun() && slackMessages.find(groupKey, channel).isPresent() && channels.add(channel)) {
          SlackNotifier notifier = new SlackNotifier(c, templates.slack(receiver.name(), i, c).templates(), links,
              slackMessages, acks);
          resources.accept(notifier);
          owners.add(new SlackMessageOwner(receiver.name(), notifier));
        }
      }
    }
    return owners;
  }

  /** A Slack integration that posted a group's message, and its receiver (which the message names). */
  record SlackMessageOwner(String receiver, SlackNotifier notifier) {}

  /** One integration of a receiver, before its delivery stage: what sends, and how. */
  private record Built(Notifier notifier, int index, DeliveryOptions options, boolean sendResolved) {}

  /** Every integration of the receiver, in configuration order; the one place notifiers are made. */
  private List<Built> notifiers(ReceiverConfig receiver, SlackMessageStore slackStore, Consumer<AutoCloseable> resources) {
    List<Built> built = new ArrayList<>();
    DeliveryOptions base = DeliveryOptions.defaults().withShadow(receiver.shadow());
    List<SlackConfig> slack = receiver.slackConfigs();
    for (int i = 0; i < slack.size(); i++) {
      SlackConfig c = slack.get(i);
      SlackNotifier notifier = new SlackNotifier(c, templates.slack(receiver.name(), i, c).templates(), links, slackStore,
          acks);
      resources.accept(notifier);
      DeliveryOptions options = base.withDryRun(c.dryRun())
          .withRateLimit(slackChannels, SlackNotifier.rateLimitKey(receiver.name(), i, c));
      built.add(new Built(notifier, i, options, c.sendResolved()));
    }
    List<PagerDutyConfig> pagerduty = receiver.pagerDutyConfigs();
    for (int i = 0; i < pagerduty.size(); i++) {
      PagerDutyConfig c = pagerduty.get(i);
      built.add(new Built(new PagerDutyNotifier(c, externalUrl, PagerDutySeverities.defaults()), i,
          base.withDryRun(c.dryRun()), c.sendResolved()));
    }
    List<EmailConfig> email = receiver.emailConfigs();
    for (int i = 0; i < email.size(); i++) {
      EmailConfig c = email.get(i);
      built.add(new Built(new EmailNotifier(c, templates.email(receiver.name(), i, c).templates(), links, actions), i,
          base.withDryRun(c.dryRun()), c.sendResolved()));
    }
    List<WebhookConfig> webhooks = receiver.webhookConfigs();
    for (int i = 0; i < webhooks.size(); i++) {
      WebhookConfig c = webhooks.get(i);
      built.add(new Built(new WebhookNotifier(c, externalUrl, actions), i,
          base.withDryRun(c.dryRun()), c.sendResolved()));
    }
    for (List<MSTeamsConfig> teams : List.of(receiver.msteamsV1Configs(), receiver.msteamsV2Configs())) {
      for (int i = 0; i < teams.size(); i++) {
        MSTeamsConfig c = teams.get(i);
        MessageTemplates t = templates.of(MessageKind.MSTEAMS, receiver.name(), c.type(), i, c.templates()).templates();
        built.add(new Built(new MSTeamsNotifier(c, t, links), i, base
            .withDryRun(c.dryRun()).withRateLimit(chats, c.type() + ":" + receiver.name() + "[" + i + "]"),
            c.sendResolved()));
      }
    }
    List<OpsgenieConfig> opsgenie = receiver.opsgenieConfigs();
    for (int i = 0; i < opsgenie.size(); i++) {
      OpsgenieConfig c = opsgenie.get(i);
      MessageTemplates t = templates.of(MessageKind.OPSGENIE, receiver.name(), OpsgenieConfig.TYPE, i, c.templates())
          .templates();
      built.add(new Built(new OpsgenieNotifier(c, t, links), i,
          base.withDryRun(c.dryRun()), c.sendResolved()));
    }
    List<DiscordConfig> discord = receiver.discordConfigs();
    for (int i = 0; i < discord.size(); i++) {
      DiscordConfig c = discord.get(i);
      MessageTemplates t = templates.of(MessageKind.DISCORD, receiver.name(), DiscordConfig.TYPE, i, c.templates())
          .templates();
      built.add(new Built(new DiscordNotifier(c, t, links), i, base
          .withDryRun(c.dryRun()).withRateLimit(chats, "discord:" + receiver.name() + "[" + i + "]"),
          c.sendResolved()));
    }
    List<TelegramConfig> telegram = receiver.telegramConfigs();
    for (int i = 0; i < telegram.size(); i++) {
      TelegramConfig c = telegram.get(i);
      MessageTemplates t = templates.of(MessageKind.TELEGRAM, receiver.name(), TelegramConfig.TYPE, i, c.templates())
          .templates();
      built.add(new Built(new TelegramNotifier(c, t, links), i, base
          .withDryRun(c.dryRun()).withRateLimit(chats, "telegram:" + c.chatId()), c.sendResolved()));
    }
    return built;
  }

  private Integration integration(Notifier notifier, int index, DeliveryOptions options, boolean sendResolved) {
    return new DeliveryStage(notifier, index, runtime, options).integration(sendResolved);
  }
}
