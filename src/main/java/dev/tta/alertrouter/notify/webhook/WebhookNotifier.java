package dev.tta.alertrouter.notify.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.config.WebhookConfig;
import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.notify.ActionLinks;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.HttpOutcomes;
import dev.tta.alertrouter.notify.HttpPoster;
import dev.tta.alertrouter.notify.Notification;
import dev.tta.alertrouter.notify.digest.Digest;
import dev.tta.alertrouter.notify.digest.DigestNotifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts Alertmanager's webhook payload (version "4") to a {@code webhook_configs} URL, so that
 * alert-router can feed whatever reads Alertmanager's webhooks. 2xx is delivered; 429 and 5xx may
 * be retried; any other answer is permanent. Each post carries an {@link IdempotencyKey}.
 */
public final class WebhookNotifier implements DigestNotifier {
  public static final String TYPE = "webhook";

  private final WebhookConfig config;
  private final String externalUrl;
  private final HttpPoster poster;
  private final Clock clock;
  private final ActionLinks actions;
  private final ObjectMapper json = new ObjectMapper();

  /** With an HTTP client built from the config's {@code http_config} and the system clock. */
  public WebhookNotifier(WebhookConfig config, URI externalUrl) {
    this(config, externalUrl, ActionLinks.NONE);
  }

  /** With an HTTP client built from the config's {@code http_config}, the system clock and action links. */
  public WebhookNotifier(WebhookConfig config, URI externalUrl, ActionLinks actions) {
    this(config, externalUrl, posterFor(config), Clock.systemUTC(), actions);
  }

  /** Without action links. */
  public WebhookNotifier(WebhookConfig config, URI externalUrl, HttpPoster poster, Clock clock) {
    this(config, externalUrl, poster, clock, ActionLinks.NONE);
  }

  /**
   * @param externalUrl alert-router's own external URL, sent as {@code externalURL}
   * @param clock measures a {@code Retry-After} date
   * @param actions the acknowledge link a firing group's payload carries in {@code actionLinks}
   */
  public WebhookNotifier(WebhookConfig config, URI externalUrl, HttpPoster poster, Clock clock, ActionLinks actions) {
    this.actions = Objects.requireNonNull(actions, "actions");
    this.config = Objects.requireNonNull(config, "config");
    this.externalUrl = Objects.requireNonNull(externalUrl, "externalUrl").toString();
    this.poster = Objects.requireNonNull(poster, "poster");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public DeliveryOutcome send(Notification notification) {
    Notification kept = kept(notification);
    return post(bytes(message(notification, kept)), Map.of(IdempotencyKey.HEADER, IdempotencyKey.of(kept)));
  }

  /** A digest in the shape of Alertmanager's payload, with no alerts and a {@code digest} object. */
  @Override
  public DeliveryOutcome sendDigest(Digest digest) {
    return post(bytes(WebhookDigest.of(json, digest, externalUrl)), Map.of());
  }

  @Override
  public String renderDigest(Digest digest) {
    return new String(bytes(WebhookDigest.of(json, digest, externalUrl)), java.nio.charset.StandardCharsets.UTF_8);
  }

  private DeliveryOutcome post(byte[] body, Map<String, String> headers) {
    if (config.url().isEmpty()) {
      return new DeliveryOutcome.Permanent("no url configured (its environment variable is unset)");
    }
    String url = config.url().get().reveal();
    try {
      HttpPoster.Response response = poster.sendJson("POST", URI.create(url), body, headers);
      String said = HttpOutcomes.snippet(response.body());
      return HttpOutcomes.of(
          response, clock.instant(), "webhook answered " + response.status() + (said.isEmpty() ? "" : ": " + said));
    } catch (IOException e) {
      return HttpOutcomes.unreachable("the webhook", e, Optional.of(url));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryOutcome.Retryable(Optional.empty(), "interrupted while posting to the webhook");
    }
  }

  /** The payload {@link #send} posts; the URL, which may hold a token, is not part of it. */
  @Override
  public String render(Notification notification) {
    return new String(bytes(message(notification, kept(notification))), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The notification cut to max_alerts: what the payload and its idempotency key carry. */
  private Notification kept(Notification notification) {
    return new Notification(notification.context(), WebhookMessage.firstOf(notification.alerts(), config.maxAlerts()));
  }

  private ObjectNode message(Notification notification, Notification kept) {
    long truncated = notification.alerts().size() - kept.alerts().size();
    ObjectNode message = WebhookMessage.of(json, kept, truncated, externalUrl);
    if (!notification.firing().isEmpty()) {
      // Alertmanager's fields stay as they are; readers that know this one find the link here.
      actions.acknowledge(notification.context().groupKey(), Ack.VIA_LINK)
          .ifPresent(url -> message.putObject("actionLinks").put("acknowledge", url));
    }
    return message;
  }

  private byte[] bytes(ObjectNode message) {
    try {
      return json.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpPoster posterFor(WebhookConfig config) {
    try {
      return new HttpPoster(config.httpConfig());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(config.location() + ": webhook_configs: " + e.getMessage(), e);
    }
  }
}
