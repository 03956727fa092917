package dev.tta.alertrouter.notify.slack;

import com.slack.api.Slack;
import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.config.SlackConfig;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.Notification;
import dev.tta.alertrouter.notify.digest.Digest;
import dev.tta.alertrouter.notify.digest.DigestNotifier;
import dev.tta.alertrouter.notify.template.MessageKind;
import dev.tta.alertrouter.notify.template.MessageLinks;
import dev.tta.alertrouter.notify.template.MessageModel;
import dev.tta.alertrouter.notify.template.MessageModels;
import dev.tta.alertrouter.notify.template.MessageTemplates;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifies one {@code slack_configs} entry: through its incoming webhook ({@code api_url}), or
 * with its bot token through the Web API ({@code chat.postMessage}, {@code chat.update}), where a
 * group keeps one message that is updated in place. One attempt per call; what Slack answered
 * comes back as a {@link DeliveryOutcome}.
 */
public final class SlackNotifier implements DigestNotifier, AutoCloseable {
  /** Per HTTP call; the delivery stage bounds the whole attempt. */
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private static final Logger LOG = LoggerFactory.getLogger(SlackNotifier.class);
  private static final com.google.gson.Gson GSON = com.slack.api.util.json.GsonFactory.createSnakeCase();

  private final Slack slack;
  private final SlackDelivery delivery; // null for an entry without credentials: it only renders
  private final SlackMessageBuilder builder;
  private final MessageLinks links;
  private final Function<String, Optional<Ack>> acks;
  private final boolean interactive;

  /**
   * @param config an entry with an {@code api_url} or a {@code bot_token}; without either (a
   *     dry-run entry) the notifier only renders
   * @param templates the entry's templates ({@code Templates.slack(receiver, index, config)})
   * @param links builds the explain and group links from the external URL
   * @param store where bot mode remembers each group's message
   */
  public SlackNotifier(SlackConfig config, MessageTemplates templates, MessageLinks links, SlackMessageStore store) {
    this(config, templates, links, store, groupKey -> Optional.empty());
  }

  /**
   * @param acks the acknowledgement in force for a group key: a bot message shows it, with the
   *     Acknowledge or Unacknowledge button, while its group fires
   */
  public SlackNotifier(SlackConfig config, MessageTemplates templates, MessageLinks links, SlackMessageStore store,
      Function<String, Optional<Ack>> acks) {
    Objects.requireNonNull(config, "config");
    this.acks = Objects.requireNonNull(acks, "acks");
    if (templates.kind() != MessageKind.SLACK) {
      throw new IllegalArgumentException("Slack needs Slack templates, not " + templates.kind());
    }
    this.links = Objects.requireNonNull(links, "links");
    Objects.requireNonNull(store, "store");
    this.builder = new SlackMessageBuilder(templates);
    this.interactive = config.interactive();
    if (config.dryRun()) {
      // Neither api_url nor bot_token: the delivery stage runs it in dry-run, rendering only.
      this.slack = null;
      this.delivery = null;
      return;
    }
    this.slack = Slack.getInstance(clientConfig(config));
    SlackIdentity identity = SlackIdentity.of(config);
    if (config.botToken().isPresent()) {
      if (identity.channel() == null) {
        throw new IllegalArgumentException("slack config at " + config.location() + ": bot_token needs a literal channel");
      }
      String token = config.botToken().get().reveal();
      this.delivery = new BotDelivery(slack.methods(token), identity, store, new Redactor(token));
    } else {
      this.delivery = new WebhookDelivery(slack, config.apiUrl().orElseThrow(), identity);
    }
  }

  @Override
  public String type() {
    return "slack";
  }

  @Override
  public DeliveryOutcome send(Notification notification) {
    if (delivery == null) {
      return new DeliveryOutcome.Permanent("no api_url or bot_token configured");
    }
    MessageModel model = MessageModels.of(notification, links);
    return delivery.deliver(notification.context().groupKey(), model.isResolved(), message(notification, model));
  }

  /** The message as Slack would receive it (text and Block Kit attachment), for dry-run logs. */
  @Override
  public String render(Notification notification) {
    return GSON.toJson(message(notification, MessageModels.of(notification, links)));
  }

  /**
   * Whether this integration can update messages in place and holds one of {@code groupKey}:
   * only then does {@link #refresh} call Slack.
   */
  public boolean hasMessage(String groupKey) {
    return delivery instanceof BotDelivery bot && bot.hasMessage(groupKey);
  }

  /**
   * Rewrites the group's message in place ({@code chat.update}, no thread reply) with {@code
   * notification}'s alerts and the acknowledgement in force now; nothing is posted when the channel
   * holds no message of the group. Only a bot token can edit: with an incoming webhook this is a
   * {@link DeliveryOutcome.Permanent} and nothing changes.
   */
  public DeliveryOutcome refresh(Notification notification) {
    if (!(delivery instanceof BotDelivery bot)) {
      return new DeliveryOutcome.Permanent("only a bot_token integration can update its messages");
    }
    MessageModel model = MessageModels.of(notification, links);
    return bot.updateInPlace(notification.context().groupKey(), message(notification, model));
  }

  private SlackMessage message(Notification notification, MessageModel model) {
    if (!interactive) {
      return builder.build(model);
    }
    String groupKey = notification.context().groupKey();
    return builder.build(model, Optional.of(new GroupActions(groupKey, acks.apply(groupKey))));
  }

  /** A digest is a new message of its own, never an update of a group's message. */
  @Override
  public DeliveryOutcome sendDigest(Digest digest) {
    if (delivery == null) {
      return new DeliveryOutcome.Permanent("no api_url or bot_token configured");
    }
    return delivery.deliver(digest.id(), true, SlackDigests.build(digest, links.receiver(digest.receiver())));
  }

  @Override
  public String renderDigest(Digest digest) {
    return GSON.toJson(SlackDigests.build(digest, links.receiver(digest.receiver())));
  }

  /** Releases the HTTP client's connections and threads; call when a reload replaces this notifier. */
  @Override
  public void close() {
    if (slack == null) {
      return;
    }
    try {
      slack.close();
    } catch (Exception e) {
      LOG.warn("closing the Slack client failed: {}", e.toString());
    }
  }

  private static com.slack.api.SlackConfig clientConfig(SlackConfig config) {
    com.slack.api.SlackConfig c = new com.slack.api.SlackConfig();
    String base = config.apiBaseUrl();
    c.setMethodsEndpointUrlPrefix(base.endsWith("/") ? base : base + "/");
    c.setStatsEnabled(false);
    c.setPrettyResponseLoggingEnabled(false);
    int millis = (int) TIMEOUT.toMillis();
    c.setHttpClientReadTimeoutMillis(millis);
    c.setHttpClientWriteTimeoutMillis(millis);
    c.setHttpClientCallTimeoutMillis(millis);
    config.httpConfig().proxyUrl().ifPresent(c::setProxyUrl);
    return c;
  }

  /**
   * The key of the shared Slack rate limiter for the {@code index}th Slack integration of a
   * receiver: its channel, or the integration itself when it posts to a webhook without a channel.
   */
  public static String rateLimitKey(String receiver, int index, SlackConfig config) {
    return config.channel().orElse("webhook:" + receiver + "[" + index + "]");
  }
}
