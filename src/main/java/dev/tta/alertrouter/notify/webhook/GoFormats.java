package dev.tta.alertrouter.notify.webhook;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How Alertmanager's Go code writes times and receiver names into a webhook payload. */
final class GoFormats {
  /** Go's zero time, which Alertmanager sends as the end of a firing alert. */
  static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final String REGEXP_SPECIALS = "\\.+*?()|[]{}^$";

  private GoFormats() {}

  /** RFC 3339 with nanoseconds, trailing zeros dropped, as Go's {@code time.RFC3339Nano} (in UTC). */
  static String time(Instant instant) {
    StringBuilder out = new StringBuilder(SECONDS.format(instant));
    int nanos = instant.getNano();
    if (nanos != 0) {
      String digits = String.format("%09d", nanos).replaceFirst("0+$", "");
      out.append('.').append(digits);
    }
    return out.append('Z').toString();
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
