package dev.tta.alertrouter.notify.opsgenie;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.config.OpsgenieConfig;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates, updates and closes Opsgenie alerts through the Alert API, one Opsgenie alert per
 * aggregation group (alias: Alertmanager's hash of the group key), authenticated with {@code
 * Authorization: GenieKey …}. Opsgenie answers 202 when it accepted a request; 429 (its rate limit)
 * and 5xx are retried, any other status (401 bad key, 422 invalid request …) is permanent, reported
 * with Opsgenie's own {@code message}. The requests of one notification are made in order and the
 * first failure ends the attempt, as Alertmanager does.
 */
public final class OpsgenieNotifier implements Notifier {
  private static final String MASK = "<secret>";

  private final OpsgenieConfig config;
  private final OpsgenieRequests requests;
  private final MessageLinks links;
  private final HttpPoster poster;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  /** With an HTTP client from the config's {@code http_config} and the system clock. */
  public OpsgenieNotifier(OpsgenieConfig config, MessageTemplates templates, MessageLinks links) {
    this(config, templates, links, posterFor(config), Clock.systemUTC());
  }

  /**
   * @param templates the entry's templates ({@link MessageKind#OPSGENIE})
   * @param clock measures a {@code Retry-After} date
   */
  public OpsgenieNotifier(OpsgenieConfig config, MessageTemplates templates, MessageLinks links, HttpPoster poster,
      Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    if (templates.kind() != MessageKind.OPSGENIE) {
      throw new IllegalArgumentException("Opsgenie needs Opsgenie templates, not " + templates.kind());
    }
    this.links = Objects.requireNonNull(links, "links");
    this.requests = new OpsgenieRequests(json, config, templates, links.externalUrl());
    this.poster = Objects.requireNonNull(poster, "poster");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The alias of a group's Opsgenie alert: the hex SHA-256 of its group key, as Alertmanager's. */
  public static String alias(String groupKey) {
    return OpsgenieRequests.alias(Objects.requireNonNull(groupKey, "groupKey"));
  }

  @Override
  public String type() {
    return OpsgenieConfig.TYPE;
  }

  @Override
  public DeliveryOutcome send(Notification notification) {
    if (config.apiKey().isEmpty()) {
      return new DeliveryOutcome.Permanent("no api_key configured (its environment variable is unset)");
    }
    String key = config.apiKey().get().reveal();
    URI current = null;
    try {
      for (OpsgenieRequests.Request request : requests.of(MessageModels.of(notification, links))) {
        current = request.uri();
        HttpPoster.Response response = poster.sendJson(request.method(), request.uri(), bytes(request.body()),
            OpsgenieRequests.authorization(key));
        DeliveryOutcome outcome =
            HttpOutcomes.of(response, clock.instant(), mask(describe(request, response), key));
        if (!(outcome instanceof DeliveryOutcome.Delivered)) {
          return outcome;
        }
      }
      return new DeliveryOutcome.Delivered();
    } catch (IOException e) {
      return HttpOutcomes.unreachable("Opsgenie at " + (current == null ? "?" : current.getHost()), e,
          Optional.of(key));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryOutcome.Retryable(Optional.empty(), "interrupted while calling Opsgenie");
    }
  }

  /** Each request {@link #send} makes, as {@code METHOD URL}, the masked key header and the body. */
  @Override
  public String render(Notification notification) {
    List<String> lines = new ArrayList<>();
    for (OpsgenieRequests.Request request : requests.of(MessageModels.of(notification, links))) {
      lines.add(request.method() + " " + request.uri() + " (Authorization: GenieKey "
          + (config.apiKey().isPresent() ? MASK : "<unset>") + ") "
          + new String(bytes(request.body()), java.nio.charset.StandardCharsets.UTF_8));
    }
    return String.join("\n", lines);
  }

  /** Opsgenie explains a refusal as {@code {"message": …, "errors": {…}}}; say what it said. */
  private String describe(OpsgenieRequests.Request request, HttpPoster.Response response) {
    String what = request.method() + " " + request.uri().getPath();
    if (response.status() == 429) {
      return "Opsgenie is rate-limiting requests (429) to " + what;
    }
    return "Opsgenie answered " + response.status() + " to " + what + ": "
        + explanation(response.body()).orElseGet(() -> HttpOutcomes.snippet(response.body()));
  }

  private Optional<String> explanation(String body) {
    try {
      JsonNode answer = json.readTree(body);
      if (answer == null || !answer.isObject() || !answer.has("message")) {
        return Optional.empty();
      }
      String message = answer.path("message").asText("");
      JsonNode errors = answer.path("errors");
      List<String> details = new ArrayList<>();
      errors.properties().forEach(e -> details.add(e.getKey() + ": " + e.getValue().asText()));
      return Optional.of(message + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")"));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static String mask(String text, String secret) {
    return secret.isEmpty() ? text : text.replace(secret, MASK);
  }

  private byte[] bytes(JsonNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpPoster posterFor(OpsgenieConfig config) {
    try {
      return new HttpPoster(config.httpConfig());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(config.location() + ": opsgenie_configs: " + e.getMessage(), e);
    }
  }
}
