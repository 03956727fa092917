package dev.tta.alertrouter.notify.pagerduty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tta.alertrouter.config.GlobalConfig;
import dev.tta.alertrouter.config.PagerDutyConfig;
import dev.tta.alertrouter.config.Secret;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.HttpOutcomes;
import dev.tta.alertrouter.notify.HttpPoster;
import dev.tta.alertrouter.notify.Notification;
import dev.tta.alertrouter.notify.Notifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens and resolves PagerDuty incidents through the Events API v2, one incident per aggregation
 * group: the dedup key is Alertmanager's (the SHA-256 of the group key), {@code trigger} while any
 * alert fires and {@code resolve} once all are resolved. A 2xx answer (PagerDuty's 202) is
 * delivered; 400 is permanent and reported with PagerDuty's own message; 429 (with its
 * Retry-After) and 5xx may be retried.
 *
 * <p>A configuration with only a {@code service_key} uses the legacy Events API v1, as Alertmanager
 * does: posted to PagerDuty's v1 endpoint unless {@code url} points elsewhere, and retried on 403
 * (v1's rate limit) besides 429 and 5xx.
 */
public final class PagerDutyNotifier implements Notifier {
  public static final String TYPE = "pagerduty";
  static final String V1_URL = "https://events.pagerduty.com/generic/2010-04-15/create_event.json";
  private static final String MASK = "<secret>";

  private final PagerDutyConfig config;
  private final PagerDutyEvents events;
  private final HttpPoster poster;
  private final Clock clock;
  private final URI url;
  private final ObjectMapper json = new ObjectMapper();

  /** With an HTTP client from the config's {@code http_config} and the system clock. */
  public PagerDutyNotifier(PagerDutyConfig config, URI externalUrl, PagerDutySeverities severities) {
    this(config, externalUrl, severities, posterFor(config), Clock.systemUTC());
  }

  /**
   * @param externalUrl alert-router's own external URL, the events' {@code client_url} by default
   * @param severities how alert priorities become PagerDuty severities, unless the config sets a
   *     plain-text {@code severity}
   * @param clock measures a {@code Retry-After} date
   * @throws IllegalArgumentException naming the config's location, for a plain-text {@code
   *     severity} PagerDuty would refuse or a {@code url} that is not a URL
   */
  public PagerDutyNotifier(
      PagerDutyConfig config, URI externalUrl, PagerDutySeverities severities, HttpPoster poster, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    Objects.requireNonNull(externalUrl, "externalUrl");
    try {
      this.events = new PagerDutyEvents(json, config, externalUrl, severities);
      this.url = URI.create(usesV1() && config.url().equals(GlobalConfig.DEFAULT_PAGERDUTY_URL) ? V1_URL : config.url());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(config.location() + ": pagerduty_configs: " + e.getMessage(), e);
    }
    this.poster = Objects.requireNonNull(poster, "poster");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The dedup key of a group's incident: the hex SHA-256 of its group key, as Alertmanager's. */
  public static String dedupKey(String groupKey) {
    return PagerDutyEvents.dedupKey(Objects.requireNonNull(groupKey, "groupKey"));
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public DeliveryOutcome send(Notification notification) {
    Optional<Secret> key = usesV1() ? config.serviceKey() : config.routingKey();
    if (key.isEmpty()) {
      return new DeliveryOutcome.Permanent("no routing_key configured (its environment variable is unset)");
    }
    String secret = key.get().reveal();
    ObjectNode event = usesV1() ? events.v1(notification, secret) : events.v2(notification, secret);
    try {
      HttpPoster.Response response = poster.postJson(url, bytes(event));
      String reason = mask(describe(response), secret);
      return usesV1()
          ? HttpOutcomes.of(response, clock.instant(), reason, 403)
          : HttpOutcomes.of(response, clock.instant(), reason);
    } catch (IOException e) {
      return HttpOutcomes.unreachable("PagerDuty at " + url.getHost(), e, Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryOutcome.Retryable(Optional.empty(), "interrupted while posting to PagerDuty");
    }
  }

  /** The event {@link #send} posts, with the routing key masked. */
  @Override
  public String render(Notification notification) {
    String masked = (usesV1() ? config.serviceKey() : config.routingKey()).isPresent() ? MASK : "<unset>";
    ObjectNode event = usesV1() ? events.v1(notification, masked) : events.v2(notification, masked);
    return new String(bytes(event), StandardCharsets.UTF_8);
  }

  /** Only a v1 {@code service_key} is configured (with both, v2 wins). */
  private boolean usesV1() {
    return config.routingKey().isEmpty() && config.serviceKey().isPresent();
  }

  /** PagerDuty explains a 400 as {@code {"status", "message", "errors": [...]}}; say what it said. */
  private String describe(HttpPoster.Response response) {
    int status = response.status();
    if (status == 400) {
      Optional<String> explained = explanation(response.body());
      return "PagerDuty refused the event (400): "
          + explained.orElseGet(() -> HttpOutcomes.snippet(response.body()));
    }
    if (status == 429) {
      return "PagerDuty is rate-limiting events (429)";
    }
    return "PagerDuty answered " + status + ": " + HttpOutcomes.snippet(response.body());
  }

  private Optional<String> explanation(String body) {
    try {
      JsonNode answer = json.readTree(body);
      if (answer == null || !answer.isObject()) {
        return Optional.empty();
      }
      List<String> errors = new ArrayList<>();
      answer.path("errors").forEach(e -> errors.add(e.asText()));
      String message = answer.path("message").asText("");
      return Optional.of(message + (errors.isEmpty() ? "" : ": " + String.join(", ", errors)));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static String mask(String text, String secret) {
    return secret.isEmpty() ? text : text.replace(secret, MASK);
  }

  private byte[] bytes(ObjectNode event) {
    try {
      return json.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpPoster posterFor(PagerDutyConfig config) {
    try {
      return new HttpPoster(config.httpConfig());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(config.location() + ": pagerduty_configs: " + e.getMessage(), e);
    }
  }
}
