package dev.tta.alertrouter.intake;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** RFC 3339 timestamps as Go's {@code time.Time} writes them into Alertmanager's JSON. */
final class Timestamps {
  /** Go's zero {@code time.Time}: Alertmanager's "no end known". */
  static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  private Timestamps() {}

  /** Parses {@code text}; throws {@link DateTimeException} when it is not RFC 3339. */
  static Instant parse(String text) {
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  static boolean isZero(Instant t) {
    return GO_ZERO_TIME.equals(t);
  }
}
