package dev.tta.alertrouter.notify.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.config.TelegramConfig;
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
 * Sends a message through the Telegram Bot API ({@code POST {api_url}/bot{token}/sendMessage}).
 * Telegram answers {@code {"ok": true, …}} when it sent the message; a 429 is retried after its
 * {@code parameters.retry_after} (or {@code Retry-After}); 5xx is retried; any other answer (400
 * chat not found or markup that does not parse, 401 bad token, 403 bot blocked …) is permanent,
 * with Telegram's {@code description}. The bot token, part of the URL, is masked wherever a
 * message could carry it.
 */
public final class TelegramNotifier implements Notifier {
  private static final String MASK = "<secret>";

  private final TelegramConfig config;
  private final TelegramMessage builder;
  private final MessageLinks links;
  private final HttpPoster poster;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  /** With an HTTP client from the config's {@code http_config} and the system clock. */
  public TelegramNotifier(TelegramConfig config, MessageTemplates templates, MessageLinks links) {
    this(config, templates, links, posterFor(config), Clock.systemUTC());
  }

  /** @param templates the entry's templates ({@link MessageKind#TELEGRAM}) */
  public TelegramNotifier(TelegramConfig config, MessageTemplates templates, MessageLinks links, HttpPoster poster,
      Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    if (templates.kind() != MessageKind.TELEGRAM) {
      throw new IllegalArgumentException("Telegram needs Telegram templates, not " + templates.kind());
    }
    this.builder = new TelegramMessage(json, config, templates);
    this.links = Objects.requireNonNull(links, "links");
    this.poster = Objects.requireNonNull(poster, "poster");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String type() {
    return TelegramConfig.TYPE;
  }

  @Override
  public DeliveryOutcome send(Notification notification) {
    if (config.botToken().isEmpty()) {
      return new DeliveryOutcome.Permanent("no bot_token configured (its environment variable is unset)");
    }
    String token = config.botToken().get().reveal();
    URI uri = sendMessageUri(token);
    try {
      HttpPoster.Response response = poster.postJson(uri, body(notification));
      return outcome(response, token);
    } catch (IOException e) {
      return HttpOutcomes.unreachable("Telegram at " + uri.getHost(), e, Optional.of(uri.toString()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryOutcome.Retryable(Optional.empty(), "interrupted while posting to Telegram");
    }
  }

  /** The request body {@link #send} posts; the token, part of the URL, is not in it. */
  @Override
  public String render(Notification notification) {
    return new String(body(notification), StandardCharsets.UTF_8);
  }

  private URI sendMessageUri(String token) {
    String base = config.apiUrl().endsWith("/") ? config.apiUrl().substring(0, config.apiUrl().length() - 1)
        : config.apiUrl();
    return URI.create(base + "/bot" + token + "/sendMessage");
  }

  private DeliveryOutcome outcome(HttpPoster.Response response, String token) {
    Optional<JsonNode> answer = parse(response.body());
    boolean ok = answer.map(a -> a.path("ok").asBoolean(false)).orElse(false);
    if (response.isSuccess() && (ok || answer.isEmpty())) {
      return new DeliveryOutcome.Delivered();
    }
    String said = answer.map(a -> a.path("description").asText(""))
        .filter(d -> !d.isEmpty())
        .orElseGet(() -> HttpOutcomes.snippet(response.body()));
    String reason = mask("Telegram answered " + response.status() + (said.isEmpty() ? "" : ": " + said), token);
    if (response.isSuccess()) {
      return new DeliveryOutcome.Permanent(reason);
    }
    if (response.status() == 429) {
      Optional<Duration> wait = answer.map(a -> a.path("parameters").path("retry_after"))
          .filter(JsonNode::canConvertToLong)
          .filter(JsonNode::isNumber)
          .map(n -> Duration.ofSeconds(n.asLong()));
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

  private static String mask(String text, String secret) {
    return secret.isEmpty() ? text : text.replace(secret, MASK);
  }

  private byte[] body(Notification notification) {
    try {
      return json.writeValueAsBytes(builder.of(MessageModels.of(notification, links)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpPoster posterFor(TelegramConfig config) {
    try {
      return new HttpPoster(config.httpConfig());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(config.location() + ": telegram_configs: " + e.getMessage(), e);
    }
  }
}
