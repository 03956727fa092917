package dev.tta.alertrouter.notify.pagerduty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tta.alertrouter.notify.HttpPeer;
import dev.tta.alertrouter.notify.HttpPeer.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Answers as PagerDuty's Events API v2 ({@code POST /v2/enqueue}) does: it checks the event the
 * way the service documents, answers 202 {@code {"status":"success","message":"Event processed",
 * "dedup_key":...}}, or 400 {@code {"status":"invalid event","message":"Event object is invalid",
 * "errors":[...]}}. Tests script 429s and 5xx on top through {@link HttpPeer#then}.
 */
final class PagerDutyPeer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
  private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

  private PagerDutyPeer() {}

  static Answer eventsV2(HttpPeer.Request request) {
    JsonNode event;
    try {
      event = JSON.readTree(request.body());
    } catch (JsonProcessingException e) {
      return invalid(List.of("Event object is not valid JSON"));
    }
    List<String> errors = new ArrayList<>();
    String routingKey = event.path("routing_key").asText("");
    if (routingKey.length() != 32) {
      errors.add("Length of 'routing_key' is incorrect (should be 32 characters)");
    }
    String action = event.path("event_action").asText("");
    if (!ACTIONS.contains(action)) {
      errors.add("'event_action' is invalid (must be one of: trigger, acknowledge, resolve)");
    }
    String dedupKey = event.path("dedup_key").asText("");
    if (dedupKey.length() > 255) {
      errors.add("Length of 'dedup_key' is incorrect (should be at most 255 characters)");
    }
    if (!action.equals("trigger") && dedupKey.isEmpty()) {
      errors.add("'dedup_key' is missing or blank");
    }
    if (action.equals("trigger")) {
      JsonNode payload = event.path("payload");
      String summary = payload.path("summary").asText("");
      if (summary.isBlank()) {
        errors.add("'payload.summary' is missing or blank");
      } else if (summary.codePointCount(0, summary.length()) > 1024) {
        errors.add("Length of 'payload.summary' is incorrect (should be at most 1024 characters)");
      }
      if (payload.path("source").asText("").isBlank()) {
        errors.add("'payload.source' is missing or blank");
      }
      if (!SEVERITIES.contains(payload.path("severity").asText(""))) {
        errors.add("'payload.severity' is invalid (must be one of: critical, error, warning, info)");
      }
    }
    if (request.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 512 * 1024) {
      errors.add("Event object is too large");
    }
    if (!errors.isEmpty()) {
      return invalid(errors);
    }
    ObjectNode accepted = JSON.createObjectNode()
        .put("status", "success")
        .put("message", "Event processed")
        .put("dedup_key", dedupKey.isEmpty() ? "generated-key" : dedupKey);
    return Answer.json(202, accepted.toString());
  }

  /** The legacy Events API v1 ({@code generic/2010-04-15/create_event.json}): 200 on success. */
  static Answer eventsV1(HttpPeer.Request request) {
    JsonNode event;
    try {
      event = JSON.readTree(request.body());
    } catch (JsonProcessingException e) {
      return invalid(List.of("Event object is not valid JSON"));
    }
    if (event.path("service_key").asText("").length() != 32) {
      return invalid(List.of("Service key is the wrong length (should be 32 characters)"));
    }
    return Answer.json(200, JSON.createObjectNode().put("status", "success").put("message", "Event processed")
        .put("incident_key", event.path("incident_key").asText()).toString());
  }

  private static Answer invalid(List<String> errors) {
    ObjectNode body = JSON.createObjectNode().put("status", "invalid event").put("message", "Event object is invalid");
    errors.forEach(body.putArray("errors")::add);
    return Answer.json(400, body.toString());
  }
}
