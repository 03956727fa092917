package dev.tta.alertrouter.notify.pagerduty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.PagerDutyConfig;
import dev.tta.alertrouter.notify.Notification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds PagerDuty events from a notification: Events API v2 ({@code /v2/enqueue}) and, for
 * configurations that still use a {@code service_key}, the legacy v1 API. Fields written in the
 * configuration as plain text are used as they are; the rest is derived from the alerts.
 */
final class PagerDutyEvents {
  static final int MAX_SUMMARY_CHARS = 1024;
  /** PagerDuty refuses larger events; Alertmanager then drops the custom details, and so do we. */
  static final int MAX_EVENT_BYTES = 512_000;
  static final String DEFAULT_CLIENT = "alert-router";

  private final ObjectMapper json;
  private final PagerDutyConfig config;
  private final String client;
  private final String clientUrl;
  private final PagerDutySeverities severities;
  private final Optional<String> severity;

  /**
   * @param externalUrl alert-router's own external URL: the event's {@code client_url} unless the
   *     configuration sets one
   */
  PagerDutyEvents(ObjectMapper json, PagerDutyConfig config, URI externalUrl, PagerDutySeverities severities) {
    this.json = Objects.requireNonNull(json, "json");
    this.config = Objects.requireNonNull(config, "config");
    this.severities = Objects.requireNonNull(severities, "severities");
    this.client = ConfigText.literal(config.client()).orElse(DEFAULT_CLIENT);
    this.clientUrl = ConfigText.literal(config.clientUrl()).orElse(externalUrl.toString());
    this.severity = ConfigText.literal(config.severity()).map(s -> s.strip().toLowerCase(Locale.ROOT));
    severity.ifPresent(s -> PagerDutySeverities.requireValid(s, "severity"));
  }

  /**
   * Alertmanager's dedup key: the hex SHA-256 of the group key ({@code notify.Key.Hash}), so the
   * resolve of a group closes the incident its trigger opened, even across a switch from
   * Alertmanager to alert-router.
   */
  static String dedupKey(String groupKey) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(groupKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** {@code trigger} while any alert fires, {@code resolve} once all are resolved. */
  static String action(Notification notification) {
    return notification.firing().isEmpty() ? "resolve" : "trigger";
  }

  /** An Events API v2 event; {@code routingKey} is the key itself, or a mask for a dry-run log. */
  ObjectNode v2(Notification notification, String routingKey) {
    ObjectNode event = json.createObjectNode();
    event.put("routing_key", routingKey);
    event.put("dedup_key", dedupKey(notification.context().groupKey()));
    event.put("event_action", action(notification));
    ObjectNode payload = event.putObject("payload");
    payload.put("summary", summary(notification));
    payload.put("source", source(notification));
    payload.put("severity", severity.orElseGet(() -> severities.of(urgentAlerts(notification))));
    ConfigText.literal(config.eventClass()).or(() -> common(notification, "alertname"))
        .ifPresent(v -> payload.put("class", v));
    ConfigText.literal(config.component()).or(() -> common(notification, "service"))
        .ifPresent(v -> payload.put("component", v));
    ConfigText.literal(config.group()).or(() -> common(notification, "team"))
        .ifPresent(v -> payload.put("group", v));
    payload.set("custom_details", details(notification));
    event.put("client", client);
    event.put("client_url", clientUrl);
    ArrayNode images = images();
    if (!images.isEmpty()) {
      event.set("images", images);
    }
    ArrayNode links = links(notification);
    if (!links.isEmpty()) {
      event.set("links", links);
    }
    if (size(event) > MAX_EVENT_BYTES) {
      payload.set("custom_details", tooLarge());
    }
    return event;
  }

  /** A legacy Events API v1 event, as Alertmanager sends it for a {@code service_key}. */
  ObjectNode v1(Notification notification, String serviceKey) {
    ObjectNode event = json.createObjectNode();
    event.put("service_key", serviceKey);
    event.put("incident_key", dedupKey(notification.context().groupKey()));
    String action = action(notification);
    event.put("event_type", action);
    event.put("description", summary(notification));
    if (action.equals("trigger")) {
      event.put("client", client);
      event.put("client_url", clientUrl);
    }
    event.set("details", details(notification));
    if (size(event) > MAX_EVENT_BYTES) {
      event.set("details", tooLarge());
    }
    return event;
  }

  /**
   * The configured description when it is plain text; else Alertmanager's default title ({@code
   * [FIRING:2] GroupLabelValues (other common label values)}) followed by the alerts' shared
   * summary annotation. Cut to 1,024 characters, the last being an ellipsis, as Alertmanager cuts.
   */
  String summary(Notification notification) {
    String text = ConfigText.literal(config.description()).orElseGet(() -> defaultSummary(notification));
    int[] codePoints = text.codePoints().toArray();
    if (codePoints.length <= MAX_SUMMARY_CHARS) {
      return text;
    }
    return new String(codePoints, 0, MAX_SUMMARY_CHARS - 1) + "…";
  }

  private static String defaultSummary(Notification notification) {
    StringBuilder s = new StringBuilder("[").append(notification.status().wireName().toUpperCase(Locale.ROOT));
    if (!notification.firing().isEmpty()) {
      s.append(':').append(notification.firing().size());
    }
    s.append("] ");
    Labels groupLabels = notification.context().groupLabels();
    s.append(String.join(" ", groupLabels.asMap().values()));
    Labels common = notification.commonLabels();
    if (common.size() > groupLabels.size()) {
      Map<String, String> rest = common.asMap();
      rest.keySet().removeAll(groupLabels.asMap().keySet());
      s.append(" (").append(String.join(" ", rest.values())).append(')');
    }
    String shared = notification.commonAnnotations().get("summary");
    if (shared != null && !shared.isBlank()) {
      s.append(": ").append(shared.strip());
    }
    return s.toString().strip();
  }

  /** The configured source when plain text; else the host of the first generator URL; else the client. */
  private String source(Notification notification) {
    return ConfigText.literal(config.source())
        .or(() -> notification.alerts().stream().map(a -> host(a.generatorUrl())).flatMap(Optional::stream).findFirst())
        .orElse(client);
  }

  private ObjectNode details(Notification notification) {
    ObjectNode details = json.createObjectNode();
    details.set("firing", alertList(notification.firing(), false));
    details.set("resolved", alertList(notification.resolved(), true));
    details.put("num_firing", notification.firing().size());
    details.put("num_resolved", notification.resolved().size());
    // Configured details are Go templates in Alertmanager; the plain-text ones are added as written.
    new TreeMap<>(config.details()).forEach(
        (key, value) -> {
          if (!ConfigText.isTemplate(value)) {
            details.put(key, value);
          }
        });
    return details;
  }

  private ArrayNode alertList(List<Alert> alerts, boolean resolved) {
    ArrayNode list = json.createArrayNode();
    for (Alert alert : alerts) {
      ObjectNode node = list.addObject();
      ObjectNode labels = node.putObject("labels");
      alert.labels().forEach(labels::put);
      ObjectNode annotations = node.putObject("annotations");
      alert.annotations().forEach(annotations::put);
      node.put("startsAt", alert.startsAt().toString());
      if (resolved) {
        node.put("endsAt", alert.endsAt().toString());
      }
      if (!alert.generatorUrl().isEmpty()) {
        node.put("generatorURL", alert.generatorUrl());
      }
    }
    return list;
  }

  /** The runbook of each alert, then the rule behind each, then the configured links. */
  private ArrayNode links(Notification notification) {
    Set<String> runbooks = new LinkedHashSet<>();
    Set<String> sources = new LinkedHashSet<>();
    for (Alert alert : notification.alerts()) {
      String runbook = alert.annotations().get("runbook_url");
      if (runbook != null && !runbook.isBlank()) {
        runbooks.add(runbook.strip());
      }
      if (!alert.generatorUrl().isEmpty()) {
        sources.add(alert.generatorUrl());
      }
    }
    ArrayNode links = json.createArrayNode();
    runbooks.forEach(href -> links.addObject().put("href", href).put("text", "Runbook"));
    sources.forEach(href -> links.addObject().put("href", href).put("text", "Source"));
    for (PagerDutyConfig.Link link : config.links()) {
      if (!ConfigText.isTemplate(link.href())) {
        links.addObject().put("href", link.href()).put("text", ConfigText.literal(link.text()).orElse(link.href()));
      }
    }
    return links;
  }

  private ArrayNode images() {
    ArrayNode images = json.createArrayNode();
    for (PagerDutyConfig.Image image : config.images()) {
      if (!ConfigText.isTemplate(image.src())) {
        ObjectNode node = images.addObject().put("src", image.src());
        ConfigText.literal(image.alt()).ifPresent(v -> node.put("alt", v));
        ConfigText.literal(image.href()).ifPresent(v -> node.put("href", v));
      }
    }
    return images;
  }

  private ObjectNode tooLarge() {
    return json.createObjectNode()
        .put("error", "Custom details have been removed because the original event exceeds the maximum size of 512kB");
  }

  private int size(ObjectNode event) {
    try {
      return json.writeValueAsBytes(event).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** The alerts that decide the severity: the firing ones, or all when none fires. */
  private static List<Alert> urgentAlerts(Notification notification) {
    List<Alert> firing = notification.firing();
    return firing.isEmpty() ? notification.alerts() : firing;
  }

  private static Optional<String> common(Notification notification, String label) {
    return Optional.ofNullable(notification.commonLabels().get(label)).filter(v -> !v.isEmpty());
  }

  private static Optional<String> host(String url) {
    if (url.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(URI.create(url).getHost());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

}
