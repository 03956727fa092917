package dev.tta.alertrouter.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

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
public final class AlertmanagerWebhookParser {
  static final String SUPPORTED_VERSION = "4";

  private final Clock clock;
  private final LabelValues labelValues = new LabelValues();
  private final ValidNames validNames = new ValidNames();

  public AlertmanagerWebhookParser(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public ParseResult parse(byte[] body) {
    Instant receivedAt = clock.instant();
    try {
      return JsonBody.read(body, parser -> read(parser, receivedAt));
    } catch (JsonBody.Malformed e) {
      return e.toRejection(AlertSource.ALERTMANAGER);
    }
  }

  /**
   * Alertmanager writes {@code alerts} before {@code version}: the alerts are read as they come and
   * only count once the whole payload has passed its checks. A field given twice counts with its
   * last value, as in Jackson's tree.
   */
  private ParseResult read(JsonParser parser, Instant receivedAt) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      JsonBody.skip(parser);
      return rejected("", "body must be a JSON object (an Alertmanager webhook payload)",
          InvalidReason.INVALID_PAYLOAD);
    }
    FieldValue version = new FieldValue();
    int truncatedAlerts = 0;
    AlertArray alerts = null;
    String name;
    while ((name = parser.nextFieldName()) != null) {
      JsonToken token = parser.nextToken();
      switch (name) {
        case "version" -> version.read(parser);
        case "truncatedAlerts" -> truncatedAlerts = readTruncatedAlerts(parser);
        case "alerts" -> {
          if (token == JsonToken.START_ARRAY) {
            alerts = AlertArray.read(parser, labelValues, validNames, fields -> toAlert(fields, receivedAt));
          } else {
            alerts = null;
            JsonBody.skip(parser);
          }
        }
        default -> JsonBody.skip(parser);
      }
    }
    if (version.isMissing()) {
      return rejected("version", "version is required; expected \"4\"", InvalidReason.UNSUPPORTED_VERSION);
    }
    if (!version.isString() || !SUPPORTED_VERSION.equals(version.text())) {
      return rejected("version", "unsupported webhook version " + AlertFields.echo(version.asJson())
          + "; expected \"4\"", InvalidReason.UNSUPPORTED_VERSION);
    }
    if (alerts == null) {
      return rejected("alerts", "alerts is required: a JSON array", InvalidReason.INVALID_PAYLOAD);
    }
    if (truncatedAlerts < 0) {
      return rejected("truncatedAlerts", "truncatedAlerts must be a non-negative integer",
          InvalidReason.INVALID_PAYLOAD);
    }
    return new ParseResult.Batch(
        AlertSource.ALERTMANAGER, alerts.alerts(), alerts.problems(), alerts.received(), truncatedAlerts);
  }

  /**
   * {@code truncatedAlerts}: 0 for null, -1 for anything but an integer from 0 to
   * {@link Integer#MAX_VALUE} (Jackson reads a larger integer as another number type).
   */
  private static int readTruncatedAlerts(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
      return Math.max(parser.getIntValue(), -1);
    }
    JsonBody.skip(parser);
    return -1;
  }

  private static Alert toAlert(AlertFields fields, Instant receivedAt) {
    Labels labels = fields.labels();
    Map<String, String> annotations = fields.annotations();
    Instant startsAt = fields.startsAt();
    if (startsAt == null && fields.isValid()) {
      fields.problem("startsAt", "startsAt is required", InvalidReason.BAD_TIMESTAMP);
    }
    Instant endsAt = fields.endsAt();
    fields.checkOrder(startsAt, endsAt);
    checkStatus(endsAt, fields);
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
  private static void checkStatus(Instant endsAt, AlertFields fields) {
    FieldValue status = fields.status();
    String value = status.isString() ? status.text() : null;
    if (Alert.Status.RESOLVED.wireName().equals(value)) {
      if (endsAt == null) {
        fields.problem("status", "status is \"resolved\" but endsAt is unset", InvalidReason.BAD_STATUS);
      }
    } else if (!Alert.Status.FIRING.wireName().equals(value)) {
      String shown = status.isAbsent() ? "missing" : AlertFields.echo(status.asJson());
      fields.problem("status", "status must be \"firing\" or \"resolved\", got " + shown,
          InvalidReason.BAD_STATUS);
    }
  }

  private static ParseResult.Rejected rejected(String field, String message, InvalidReason reason) {
    return ParseResult.Rejected.of(
        AlertSource.ALERTMANAGER, Problem.ofPayload(field.isEmpty() ? null : field, message, reason));
  }
}
