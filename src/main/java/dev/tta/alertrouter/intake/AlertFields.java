package dev.tta.alertrouter.intake;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Judges the fields both payload formats share, of one alert object as read, recording a
 * {@link Problem} for each fault with the alert's index. Validation follows Alertmanager's
 * {@code Alert.Validate}.
 */
final class AlertFields {
  private static final int MAX_ECHOED_NAME = 100;
  private static final Map<String, String> NO_ANNOTATIONS = Alert.annotationsOf(new String[0], new String[0], 0);

  private final AlertObject alert;
  private final int index;
  private final List<Problem> problems;
  private final int problemsBefore;
  private final ValidNames validNames;

  AlertFields(AlertObject alert, int index, List<Problem> problems, ValidNames validNames) {
    this.alert = alert;
    this.validNames = validNames;
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
    Members members = alert.labels;
    if (members.isMissing()) {
      problem("labels", "labels are required: at least one label", InvalidReason.MISSING_LABELS);
      return null;
    }
    if (!members.isObject()) {
      problem("labels", "labels must be an object of name: value", InvalidReason.INVALID_FIELD);
      return null;
    }
    String[] names = new String[members.size()];
    String[] values = new String[members.size()];
    int count = 0;
    boolean ok = true;
    for (int i = 0; i < members.size(); i++) {
      String name = members.name(i);
      String value = members.value(i);
      if (!validNames.isValid(name)) {
        problem("labels." + echo(name),
            "invalid label name \"" + echo(name) + "\": must match [a-zA-Z_][a-zA-Z0-9_]*",
            InvalidReason.INVALID_LABEL_NAME);
        ok = false;
      } else if (value == null) {
        problem("labels." + echo(name), "label value must be a string", InvalidReason.INVALID_LABEL_VALUE);
        ok = false;
      } else if (!isValidUtf8(value)) {
        problem("labels." + echo(name), "label value is not valid UTF-8", InvalidReason.INVALID_LABEL_VALUE);
        ok = false;
      } else if (!value.isEmpty()) {
        names[count] = name;
        values[count] = value;
        count++;
      }
    }
    if (!ok) {
      return null;
    }
    if (count == 0) {
      problem("labels", "labels are required: at least one label with a non-empty value",
          InvalidReason.MISSING_LABELS);
      return null;
    }
    return Labels.ofOwned(names, values, count);
  }

  /** Annotations, optional; names follow the label name rule as in Alertmanager. */
  Map<String, String> annotations() {
    Members members = alert.annotations;
    if (members.isMissing()) {
      return NO_ANNOTATIONS;
    }
    if (!members.isObject()) {
      problem("annotations", "annotations must be an object of name: value", InvalidReason.INVALID_FIELD);
      return NO_ANNOTATIONS;
    }
    // Members holds each name once (a later duplicate replaced the earlier), as a map would.
    String[] names = new String[members.size()];
    String[] values = new String[members.size()];
    int count = 0;
    for (int i = 0; i < members.size(); i++) {
      String name = members.name(i);
      String value = members.value(i);
      if (!validNames.isValid(name)) {
        problem("annotations." + echo(name),
            "invalid annotation name \"" + echo(name) + "\": must match [a-zA-Z_][a-zA-Z0-9_]*",
            InvalidReason.INVALID_ANNOTATION);
      } else if (value == null || !isValidUtf8(value)) {
        problem("annotations." + echo(name), "annotation value must be a UTF-8 string",
            InvalidReason.INVALID_ANNOTATION);
      } else {
        names[count] = name;
        values[count] = value;
        count++;
      }
    }
    return Alert.annotationsOf(names, values, count);
  }

  /** {@code startsAt}; null when absent, null-valued or Go's zero time. */
  Instant startsAt() {
    return time("startsAt", alert.startsAt);
  }

  /** {@code endsAt}, as {@link #startsAt()}. */
  Instant endsAt() {
    return time("endsAt", alert.endsAt);
  }

  private Instant time(String field, FieldValue value) {
    if (value.isMissing()) {
      return null;
    }
    if (!value.isString()) {
      problem(field, field + " must be an RFC 3339 timestamp string", InvalidReason.BAD_TIMESTAMP);
      return null;
    }
    try {
      return value.time();
    } catch (DateTimeException e) {
      problem(field, field + " is not an RFC 3339 timestamp: \"" + echo(value.text()) + "\"",
          InvalidReason.BAD_TIMESTAMP);
      return null;
    }
  }

  /** {@code generatorURL}, optional. */
  String generatorUrl() {
    FieldValue value = alert.generatorUrl;
    if (value.isMissing()) {
      return "";
    }
    if (!value.isString()) {
      problem("generatorURL", "generatorURL must be a string", InvalidReason.INVALID_FIELD);
      return "";
    }
    return value.text();
  }

  /** The {@code status} field as given: only the webhook has one. */
  FieldValue status() {
    return alert.status;
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
