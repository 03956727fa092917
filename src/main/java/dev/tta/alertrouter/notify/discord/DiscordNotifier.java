package dev.tta.alertrouter.notify.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.config.DiscordConfig;
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
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts to a Discord webhook ({@code discord_configs}). Discord answers 204 (or 200) when it took
 * the message; 429 is retried after the body's {@code retry_after} (fractional seconds) or else
 * the {@code Retry-After} header; 5xx is retried; any other status (400 invalid form body, 404
 * unknown webhook …) is permanent, with Discord's {@code message} and {@code code}.
 */
public final class DiscordNotifier implements Notifier {
  private final DiscordConfig config;
  private final DiscordMessage builder;
  private final MessageLinks links;
  private final HttpPoster poster;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  /** With an HTTP client from the config's {@code http_config} and the system clock. */
  public DiscordNotifier(DiscordConfig config, MessageTemplates templates, MessageLinks links) {
    this(config, templates, links, posterFor(config), Clock.systemUTC());
  }

  /** @param templates the entry's templates ({@link MessageKind#DISCORD}) */
  public DiscordNotifier(DiscordConfig config, MessageTemplates templates, MessageLinks links, HttpPoster poster,
      Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    if (templates.kind() != MessageKind.DISCORD) {
      throw new IllegalArgumentException("Discord needs Discord templates, not " + templates.kind());
    }
    this.builder = new DiscordMessage(json, config, templates);
    this.links = Objects.requireNonNull(links, "links");
    this.poster = Objects.requireNonNull(poster, "poster");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String type() {
    return DiscordConfig.TYPE;
  }

  @Override
  public DeliveryOutcome send(Notification notification) {
    if (config.webhookUrl().isEmpty()) {
      return new DeliveryOutcome.Permanent("no webhook_url configured (its environment variable is unset)");
    }
    String url = config.webhookUrl().get().reveal();
    try {
      HttpPoster.Response response = poster.postJson(URI.create(url), body(notification));
      return outcome(response);
    } catch (IOException e) {
      return HttpOutcomes.unreachable("the Discord webhook", e, Optional.of(url));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryOutcome.Retryable(Optional.empty(), "interrupted while posting to the Discord webhook");
    }
  }

  /** The message {@link #send} posts; the webhook URL, which holds its token, is not part of it. */
  @Override
  public String render(Notification notification) {
    return new String(body(notification), StandardCharsets.UTF_8);
  }

  private DeliveryOutcome outcome(HttpPoster.Response response) {
    if (response.isSuccess()) {
      return new DeliveryOutcome.Delivered();
    }
    Optional<JsonNode> answer = parse(response.body());
    String said = answer.filter(a -> a.has("message"))
        .map(a -> a.path("message").asText() + (a.has("code") ? " (code " + a.path("code").asText() + ")" : ""))
        .orElseGet(() -> HttpOutcomes.snippet(response.body()));
    String reason = "Discord answered " + response.status() + (said.isEmpty() ? "" : ": " + said);
    if (response.status() == 429) {
      Optional<Duration> wait = answer.map(a -> a.path("retry_after"))
          .filter(JsonNode::isNumber)
          .map(n -> Duration.ofMillis((long) Math.ceil(n.asDouble() * 1000)));
      if (wait.isPresent()) {
        return new DeliveryOutcome.Retryable(wait, reason);
      }
    }
    return HttpOutcomes.of(response, clock.instant(), reason);
  }

  private Optional<JsonNode> parse(String body) {
    try {
      JsonNode node = json.readTree(body);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private byte[] body(Notification notification) {
    try {
      return json.writeValueAsBytes(builder.of(MessageModels.of(notification, links)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpPoster posterFor(DiscordConfig config) {
    try {
      return new HttpPoster(config.httpConfig());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(config.location() + ": discord_configs: " + e.getMessage(), e);
    }
  }
}
