package dev.tta.alertrouter.notify.pagerduty;

import java.util.Optional;

/**
 * Alertmanager's PagerDuty fields are Go templates; alert-router does not run Go templates. A
 * field written as plain text is used as it is; one holding a template falls back to our default.
 */
final class ConfigText {
  private ConfigText() {}

  /** The value when it is set, not blank, and not a template. */
  static Optional<String> literal(Optional<String> value) {
    return value.filter(v -> !v.isBlank() && !isTemplate(v));
  }

  static boolean isTemplate(String value) {
    return value.contains("{{");
  }
}
