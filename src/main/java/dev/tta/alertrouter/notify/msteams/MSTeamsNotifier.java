package dev.tta.alertrouter.notify.msteams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.config.MSTeamsConfig;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.HttpOutcomes;
import dev.tta.alertrouter.notify.HttpPoster;
import dev.tta.alertrouter.notify.Notification;
import dev.tta.alertrouter.notify.Notifier;
import dev.tta.alertrouter.notify.template.MessageKind;
import dev.tta.alertrouter.notify.template.MessageLinks;
import dev.tta.alertrouter.notify.template.MessageModels;
import dev.tta.alertrouter.notify.template.MessageTemplates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts an Adaptive Card to a Microsoft Teams incoming webhook ({@code msteams_configs}) or a Power
 * Automate workflow ({@code msteamsv2_configs}). A 2xx is delivered, except that an incoming
 * webhook reports some failures as a 200 whose body says {@code Webhook message delivery failed}:
 * with {@code 429} in it that is a retry, otherwise permanent. 429 (honouring Retry-After) and
 * 5xx are retried; any other status is permanent, with the body's first words.
 */
public final class MSTeamsNotifier implements Notifier {
  static final String DELIVERY_FAILED = "Webhook message delivery failed";

  private final MSTeamsConfig config;
  private final AdaptiveCard card;
  private final MessageLinks links;
  private final HttpPoster poster;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  /** With an HTTP client from the config's {@code http_config} and the system clock. */
  public MSTeamsNotifier(MSTeamsConfig config, MessageTemplates templates, MessageLinks links) {
    this(config, templates, links, posterFor(config), Clock.systemUTC());
  }

  /**
   * @param templates the entry's templates ({@link MessageKind#MSTEAMS})
   * @param clock measures a {@code Retry-After} date
   */
  public MSTeamsNotifier(MSTeamsConfig config, MessageTemplates templates, MessageLinks links, HttpPoster poster,
      Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    if (templates.kind() != MessageKind.MSTEAMS) {
      throw new IllegalArgumentException("Teams needs Teams templates, not " + templates.kind());
    }
    this.card = new AdaptiveCard(json, templates);
    this.links = Objects.requireNonNull(links, "links");
    this.poster = Objects.requireNonNull(poster, "poster");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String type() {
    return config.type();
  }

  @Override
  public DeliveryOutcome send(Notification notification) {
    if (config.webhookUrl().isEmpty()) {
      return new DeliveryOutcome.Permanent("no webhook_url configured (its environment variable is unset)");
    }
    String url = config.webhookUrl().get().reveal();
    String peer = config.workflow() ? "the Teams workflow" : "the Teams webhook";
    try {
      HttpPoster.Response response = poster.postJson(URI.create(url), body(notification));
      return outcome(response, peer);
    } catch (IOException e) {
      return HttpOutcomes.unreachable(peer, e, Optional.of(url));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryOutcome.Retryable(Optional.empty(), "interrupted while posting to " + peer);
    }
  }

  /** The card {@link #send} posts; the webhook URL, the credential, is not part of it. */
  @Override
  public String render(Notification notification) {
    return new String(body(notification), StandardCharsets.UTF_8);
  }

  private DeliveryOutcome outcome(HttpPoster.Response response, String peer) {
    String said = HttpOutcomes.snippet(response.body());
    String reason = peer + " answered " + response.status() + (said.isEmpty() ? "" : ": " + said);
    if (response.isSuccess() && response.body().contains(DELIVERY_FAILED)) {
      return response.body().contains("429")
          ? new DeliveryOutcome.Retryable(Optional.empty(), reason)
          : new DeliveryOutcome.Permanent(reason);
    }
    return HttpOutcomes.of(response, clock.instant(), reason);
  }

  private byte[] body(Notification notification) {
    try {
      return json.writeValueAsBytes(card.message(MessageModels.of(notification, links)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpPoster posterFor(MSTeamsConfig config) {
    try {
      return new HttpPoster(config.httpConfig());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(config.location() + ": " + config.type() + "_configs: " + e.getMessage(), e);
    }
  }
}
