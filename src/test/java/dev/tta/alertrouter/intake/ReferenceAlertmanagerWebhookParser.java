package dev.tta.alertrouter.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

// The reference for StreamingParsersMatchTreeReferenceTest: the tree-based parser as it was on main at
// 7d46283, before intake parsed from Jackson's stream; kept unchanged but for the class names and
// for label values no longer shared through LabelValues, which changes no result.
/**
 * Parses Alertmanager's webhook payload (version "4", {@code POST /api/v1/alertmanager}).
 *
 * <p>A firing alert arrives with {@code endsAt: 0001-01-01T00:00:00Z}: its end is unknown, so it
 * becomes an {@link Alert} with a null end and fires until a resolved copy arrives;
 * {@code resolve_timeout} never applies (Alertmanager resends a firing group only every
 * {@code repeat_interval}). The payload's {@code status} is checked for consistency, but the status
 * is derived from {@code endsAt} as Alertmanager derives it. The payload's {@code fingerprint} is
 * ignored: it is recomputed from the labels, which gives the same value.
 */
final class ReferenceAlertmanagerWebhookParser {
  static final String SUPPORTED_VERSION = "4";

  private final Clock clock;

  public ReferenceAlertmanagerWebhookParser(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public ParseResult parse(byte[] body) {
    JsonNode root;
    try {
      root = ReferenceJsonBody.read(body);
    } catch (ReferenceJsonBody.Malformed e) {
      return e.toRejection(AlertSource.ALERTMANAGER);
    }
    if (!root.isObject()) {
      return rejected("", "body must be a JSON object (an Alertmanager webhook payload)",
          InvalidReason.INVALID_PAYLOAD);
    }
    JsonNode version = root.get("version");
    if (version == null || version.isNull()) {
      return rejected("version", "version is required; expected \"4\"", InvalidReason.UNSUPPORTED_VERSION);
    }
    if (!version.isTextual() || !SUPPORTED_VERSION.equals(version.textValue())) {
      return rejected("version", "unsupported webhook version " + ReferenceAlertFields.echo(version.toString())
          + "; expected \"4\"", InvalidReason.UNSUPPORTED_VERSION);
    }
    JsonNode alerts = root.get("alerts");
    if (alerts == null || !alerts.isArray()) {
      return rejected("alerts", "alerts is required: a JSON array", InvalidReason.INVALID_PAYLOAD);
    }
    JsonNode truncated = root.get("truncatedAlerts");
    int truncatedAlerts = 0;
    if (truncated != null && !truncated.isNull()) {
      if (!truncated.canConvertToInt() || !truncated.isIntegralNumber() || truncated.intValue() < 0) {
        return rejected("truncatedAlerts", "truncatedAlerts must be a non-negative integer",
            InvalidReason.INVALID_PAYLOAD);
      }
      truncatedAlerts = truncated.intValue();
    }

    Instant receivedAt = clock.instant();
    List<Alert> valid = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < alerts.size(); i++) {
      Alert alert = toAlert(alerts.get(i), i, problems, receivedAt);
      if (alert != null) {
        valid.add(alert);
      }
    }
    return new ParseResult.Batch(AlertSource.ALERTMANAGER, valid, problems, alerts.size(), truncatedAlerts);
  }

  private Alert toAlert(JsonNode node, int index, List<Problem> problems, Instant receivedAt) {
    if (!node.isObject()) {
      problems.add(new Problem(index, null, "alert must be a JSON object", InvalidReason.INVALID_FIELD));
      return null;
    }
    ReferenceAlertFields fields = new ReferenceAlertFields(node, index, problems);
    Labels labels = fields.labels();
    Map<String, String> annotations = fields.annotations();
    Instant startsAt = fields.time("startsAt");
    if (startsAt == null && fields.isValid()) {
      fields.problem("startsAt", "startsAt is required", InvalidReason.BAD_TIMESTAMP);
    }
    Instant endsAt = fields.time("endsAt");
    fields.checkOrder(startsAt, endsAt);
    checkStatus(node, endsAt, fields);
    String generatorUrl = fields.generatorUrl();
    if (!fields.isValid()) {
      return null;
    }
    return new Alert(labels, annotations, startsAt, endsAt, generatorUrl, receivedAt);
  }

  /**
   * Alertmanager writes "resolved" only with the end it resolved at, and "firing" otherwise. A
   * "firing" alert whose end has passed by our clock is accepted (the clocks may differ) and is
   * resolved here, as Alertmanager would see it; a "resolved" one without an end cannot be placed.
   */
  private static void checkStatus(JsonNode node, Instant endsAt, ReferenceAlertFields fields) {
    JsonNode status = node.get("status");
    String value = status != null && status.isTextual() ? status.textValue() : null;
    if (Alert.Status.RESOLVED.wireName().equals(value)) {
      if (endsAt == null) {
        fields.problem("status", "status is \"resolved\" but endsAt is unset", InvalidReason.BAD_STATUS);
      }
    } else if (!Alert.Status.FIRING.wireName().equals(value)) {
      String shown = status == null ? "missing" : ReferenceAlertFields.echo(status.toString());
      fields.problem("status", "status must be \"firing\" or \"resolved\", got " + shown,
          InvalidReason.BAD_STATUS);
    }
  }

  private static ParseResult.Rejected rejected(String field, String message, InvalidReason reason) {
    return ParseResult.Rejected.of(
        AlertSource.ALERTMANAGER, Problem.ofPayload(field.isEmpty() ? null : field, message, reason));
  }
}
