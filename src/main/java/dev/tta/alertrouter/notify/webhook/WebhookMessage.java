package dev.tta.alertrouter.notify.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.notify.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager 0.25's webhook payload (version "4"), field for field and in its order, so that any
 * tool that reads Alertmanager's webhooks reads ours.
 */
final class WebhookMessage {
  private WebhookMessage() {}

  /**
   * @param notification the alerts to send, already cut to max_alerts
   * @param truncated how many alerts were cut
   * @param externalUrl alert-router's own external URL
   */
  static ObjectNode of(ObjectMapper json, Notification notification, long truncated, String externalUrl) {
    Instant at = notification.context().now();
    ObjectNode message = json.createObjectNode();
    message.put("receiver", GoFormats.quoteMeta(notification.context().receiver()));
    message.put("status", notification.status().wireName());
    ArrayNode alerts = message.putArray("alerts");
    for (Alert alert : notification.alerts()) {
      alerts.add(alert(json, alert, at));
    }
    message.set("groupLabels", labels(json, notification.context().groupLabels()));
    message.set("commonLabels", labels(json, notification.commonLabels()));
    message.set("commonAnnotations", strings(json, notification.commonAnnotations()));
    message.put("externalURL", externalUrl);
    message.put("version", "4");
    message.put("groupKey", notification.context().groupKey());
    message.put("truncatedAlerts", truncated);
    return message;
  }

  /** The alerts to send and how many were left out: the first {@code maxAlerts}, 0 meaning all. */
  static List<Alert> firstOf(List<Alert> alerts, long maxAlerts) {
    return maxAlerts == 0 || alerts.size() <= maxAlerts ? alerts : alerts.subList(0, (int) maxAlerts);
  }

  private static ObjectNode alert(ObjectMapper json, Alert alert, Instant at) {
    boolean resolved = alert.isResolvedAt(at);
    ObjectNode node = json.createObjectNode();
    node.put("status", alert.statusAt(at).wireName());
    node.set("labels", labels(json, alert.labels()));
    node.set("annotations", strings(json, alert.annotations()));
    node.put("startsAt", GoFormats.time(alert.startsAt()));
    // Alertmanager's flush clears the end of every alert still firing, so that it does not look
    // as if it will resolve by itself.
    node.put("endsAt", resolved ? GoFormats.time(alert.endsAt()) : GoFormats.ZERO_TIME);
    node.put("generatorURL", alert.generatorUrl());
    // The alert's current labels, priority label included: the same fingerprint the router's API
    // and explain endpoint show for this alert.
    node.put("fingerprint", alert.fingerprint().toString());
    return node;
  }

  private static ObjectNode labels(ObjectMapper json, Labels labels) {
    ObjectNode node = json.createObjectNode();
    labels.forEach(node::put);
    return node;
  }

  private static ObjectNode strings(ObjectMapper json, Map<String, String> values) {
    ObjectNode node = json.createObjectNode();
    values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> node.put(e.getKey(), e.getValue()));
    return node;
  }
}
