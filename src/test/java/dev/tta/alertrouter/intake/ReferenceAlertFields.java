package dev.tta.alertrouter.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tta.alertrouter.alert.Labels;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

// The reference for StreamingParsersMatchTreeReferenceTest: the tree-based parser as it was on main at
// 7d46283, before intake parsed from Jackson's stream; kept unchanged but for the class names and
// for label values no longer shared through LabelValues, which changes no result.
/**
 * Reads the fields both payload formats share from one alert object, recording a {@link Problem}
 * for each fault with the alert's index. Validation follows Alertmanager's {@code Alert.Validate}.
 */
final class ReferenceAlertFields {
  private static final int MAX_ECHOED_NAME = 100;

  private final JsonNode alert;
  private final int index;
  private final List<Problem> problems;
  private final int problemsBefore;

  ReferenceAlertFields(JsonNode alert, int index, List<Problem> problems) {
    this.alert = alert;
    this.index = index;
    this.problems = problems;
    this.problemsBefore = problems.size();
  }

  /** True when reading this alert has recorded no problem so far. */
  boolean isValid() {
    return problems.size() == problemsBefore;
  }

  void problem(String field, String message, InvalidReason reason) {
    problems.add(new Problem(index, field, message, reason));
  }

  /**
   * The labels, with empty values dropped as Prometheus and Alertmanager drop them (an empty value
   * means "no such label", and the fingerprint must not see it); null after recording a problem.
   */
  Labels labels() {
    JsonNode node = alert.get("labels");
    if (node == null || node.isNull()) {
      problem("labels", "labels are required: at least one label", InvalidReason.MISSING_LABELS);
      return null;
    }
    if (!node.isObject()) {
      problem("labels", "labels must be an object of name: value", InvalidReason.INVALID_FIELD);
      return null;
    }
    Map<String, String> labels = new TreeMap<>();
    boolean ok = true;
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String name = e.getKey();
      String field = "labels." + echo(name);
      if (!Labels.isValidName(name)) {
        problem(field, "invalid label name \"" + echo(name) + "\": must match [a-zA-Z_][a-zA-Z0-9_]*",
            InvalidReason.INVALID_LABEL_NAME);
        ok = false;
      } else if (!e.getValue().isTextual()) {
        problem(field, "label value must be a string", InvalidReason.INVALID_LABEL_VALUE);
        ok = false;
      } else if (!isValidUtf8(e.getValue().textValue())) {
        problem(field, "label value is not valid UTF-8", InvalidReason.INVALID_LABEL_VALUE);
        ok = false;
      } else if (!e.getValue().textValue().isEmpty()) {
        labels.put(name, e.getValue().textValue());
      }
    }
    if (!ok) {
      return null;
    }
    if (labels.isEmpty()) {
      problem("labels", "labels are required: at least one label with a non-empty value",
          InvalidReason.MISSING_LABELS);
      return null;
    }
    return Labels.of(labels);
  }

  /** Annotations, optional; names follow the label name rule as in Alertmanager. */
  Map<String, String> annotations() {
    JsonNode node = alert.get("annotations");
    Map<String, String> annotations = new TreeMap<>();
    if (node == null || node.isNull()) {
      return annotations;
    }
    if (!node.isObject()) {
      problem("annotations", "annotations must be an object of name: value", InvalidReason.INVALID_FIELD);
      return annotations;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String field = "annotations." + echo(e.getKey());
      if (!Labels.isValidName(e.getKey())) {
        problem(field, "invalid annotation name \"" + echo(e.getKey()) + "\": must match [a-zA-Z_][a-zA-Z0-9_]*",
            InvalidReason.INVALID_ANNOTATION);
      } else if (!e.getValue().isTextual() || !isValidUtf8(e.getValue().textValue())) {
        problem(field, "annotation value must be a UTF-8 string", InvalidReason.INVALID_ANNOTATION);
      } else {
        annotations.put(e.getKey(), e.getValue().textValue());
      }
    }
    return annotations;
  }

  /** The time in {@code field}; null when absent, null-valued or Go's zero time. */
  Instant time(String field) {
    JsonNode node = alert.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      problem(field, field + " must be an RFC 3339 timestamp string", InvalidReason.BAD_TIMESTAMP);
      return null;
    }
    try {
      Instant t = Timestamps.parse(node.textValue());
      return Timestamps.isZero(t) ? null : t;
    } catch (DateTimeException e) {
      problem(field, field + " is not an RFC 3339 timestamp: \"" + echo(node.textValue()) + "\"",
          InvalidReason.BAD_TIMESTAMP);
      return null;
    }
  }

  /** {@code generatorURL}, optional. */
  String generatorUrl() {
    JsonNode node = alert.get("generatorURL");
    if (node == null || node.isNull()) {
      return "";
    }
    if (!node.isTextual()) {
      problem("generatorURL", "generatorURL must be a string", InvalidReason.INVALID_FIELD);
      return "";
    }
    return node.textValue();
  }

  /** As Alertmanager's "start time must be before end time"; a null end is unknown and always fine. */
  void checkOrder(Instant startsAt, Instant endsAt) {
    if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
      problem("endsAt", "endsAt " + endsAt + " is before startsAt " + startsAt, InvalidReason.BAD_TIMESTAMP);
    }
  }

  /** Java strings may hold lone surrogates (from {@code \ud800} escapes) that have no UTF-8 form. */
  private static boolean isValidUtf8(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Client text repeated in an error, cut so that a huge bad name does not make a huge answer. */
  static String echo(String s) {
    return s.length() <= MAX_ECHOED_NAME ? s : s.substring(0, MAX_ECHOED_NAME) + "...";
  }
}
