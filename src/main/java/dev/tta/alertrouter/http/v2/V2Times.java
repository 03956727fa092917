package dev.tta.alertrouter.http.v2;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as Alertmanager's API writes them ({@code strfmt.DateTime}: UTC, milliseconds). */
final class V2Times {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);
  /** Go's zero time, which Alertmanager writes for an unknown end. */
  private static final String ZERO = "0001-01-01T00:00:00.000Z";

  private V2Times() {}

  static String format(Instant t) {
    return t == null ? ZERO : FORMAT.format(t);
  }
}
