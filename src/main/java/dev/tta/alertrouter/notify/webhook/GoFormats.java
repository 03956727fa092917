package dev.tta.alertrouter.notify.webhook;

import dev.tta.alertrouter.alert.Rfc3339;
import java.time.Instant;

/** How Alertmanager's Go code writes times and receiver names into a webhook payload. */
final class GoFormats {
  /** Go's zero time, which Alertmanager sends as the end of a firing alert. */
  static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private static final String REGEXP_SPECIALS = "\\.+*?()|[]{}^$";

  private GoFormats() {}

  /** RFC 3339 with nanoseconds, trailing zeros dropped, as Go's {@code time.RFC3339Nano} (in UTC). */
  static String time(Instant instant) {
    return Rfc3339.format(instant);
  }

  /**
   * Go's {@code regexp.QuoteMeta}: Alertmanager's template data escapes the receiver name with it,
   * so a receiver {@code crit.alerts} arrives as {@code crit\.alerts}.
   */
  static String quoteMeta(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (REGEXP_SPECIALS.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
